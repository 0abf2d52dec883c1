import {
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
} from "graphql";
import type { ResolveTree } from "graphql-parse-resolve-info";
import type { Context } from "../../context.js";
import {
  type RelatedPages,
  relatedPages,
  type RelationLevel,
  type RelationSpec,
  TREE_DEPTH,
} from "../../loaders/relations.js";
import { pageQuery } from "../../pagination.js";
import { entityWhereArg } from "../where/entity-where.js";
import type { EntityWhereInput } from "../where/refs.js";
import {
  asks,
  planOnce,
  type SelectionQuestion,
  selects,
  selectionTree,
  subfields,
} from "./selection.js";

/**
 * The plan of a relation field: its own level of pages and, looking ahead in its selection, the
 * relation fields asked below it, which `relatedPages` (../../loaders/relations.ts) reads in the
 * same query.
 */

/** A relation field's arguments (those its schema fixes are absent). */
export interface RelationArgs {
  types?: readonly string[] | null;
  direction?: RelationSpec["direction"] | null;
  kinds?: readonly string[] | null;
  where?: EntityWhereInput | null;
  first?: number | null;
  after?: string | null;
}

/** The extensions of a relation field: the links its schema fixes, read by the look-ahead. */
export type RelationExtensions = { relationSpec: Partial<Omit<RelationSpec, "where">> };

/**
 * The request's pages for the relation field being resolved (`fixed`: the links its schema
 * fixes; `args`: its arguments), planned once per field of the query. Throws the input error
 * of a bad `first` or `after`.
 */
export function relationPlan(
  ctx: Context,
  info: GraphQLResolveInfo,
  fixed: Partial<RelationSpec>,
  args: RelationArgs,
): RelatedPages {
  return planOnce(ctx, info, "relations", () => {
    const level = relationLevel(fixed, args, selects(ctx, info, LINKS), null);
    const below = levelsBelow(selectionTree(ctx, info), info.schema, TREE_DEPTH - 1);
    return relatedPages(ctx.db, [level, ...below]);
  });
}

/** The edge fields that need the link itself (all but the entity at the other end and the cursor). */
const NODE_ONLY = new Set(["node", "cursor", "__typename"]);

/** Whether the selection of a relation connection asks for a field of the link. */
const LINKS: SelectionQuestion = {
  name: "relation-links",
  path: [{ type: "EntityRelationConnection", field: "edges" }],
  type: "EntityRelationEdge",
  wanted: (field) => !NODE_ONLY.has(field),
};

/**
 * A relation field's level: its fixed links (or its arguments'), the entities at their other
 * end (`where`, checked and normalised), its page, its links.
 */
function relationLevel(
  fixed: Partial<RelationSpec>,
  args: RelationArgs,
  links: boolean,
  parentKind: string | null,
): RelationLevel {
  const spec = {
    types: fixed.types ?? args.types ?? null,
    direction: fixed.direction ?? args.direction ?? "BOTH",
    kinds: args.kinds ?? fixed.kinds ?? null,
    where: entityWhereArg(args.where),
  };
  return {
    spec,
    page: pageQuery(args, { list: "relations", filter: spec }),
    links,
    parentKind,
  };
}

function fixedSpecOf(schema: GraphQLSchema, type: string, field: string) {
  const owner = schema.getType(type);
  if (!isObjectType(owner) && !isInterfaceType(owner)) return undefined;
  const extensions = owner.getFields()[field]?.extensions as
    Partial<RelationExtensions> | undefined;
  return extensions?.relationSpec;
}

/**
 * The relation fields the selection `tree` of a relation field asks for below it, level by
 * level (up to `depth` levels): on each level, the first relation field selected on the
 * entities of its edges. A level whose arguments are bad ends the look-ahead: its own field
 * reports them.
 */
function levelsBelow(
  tree: ResolveTree | null,
  schema: GraphQLSchema,
  depth: number,
): RelationLevel[] {
  if (!tree || depth === 0) return [];
  for (const edges of subfields(tree, "EntityRelationConnection", "edges")) {
    for (const node of subfields(edges, "EntityRelationEdge", "node")) {
      for (const [type, fields] of Object.entries(node.fieldsByTypeName)) {
        for (const field of Object.values(fields)) {
          const fixed = fixedSpecOf(schema, type, field.name);
          if (!fixed) continue;
          let level: RelationLevel;
          try {
            level = relationLevel(
              fixed,
              field.args as RelationArgs,
              asks(field, LINKS),
              type === "Entity" ? null : type,
            );
          } catch {
            return [];
          }
          return [level, ...levelsBelow(field, schema, depth - 1)];
        }
      }
    }
  }
  return [];
}
