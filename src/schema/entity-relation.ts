import { builder, type Types } from "../builder.js";
import { type GraphQLSchema, isInterfaceType, isObjectType } from "graphql";
import type { ResolveTree } from "graphql-parse-resolve-info";
import {
  type EntityRow,
  type RelationLevel,
  type RelationLink,
  type RelationRow,
  type RelationSpec,
  relatedCount,
  relatedPages,
  TREE_DEPTH,
} from "../loaders/entities.js";
import { pageQuery, toPage } from "../pagination.js";
import { Document } from "./document.js";
import { Entity } from "./entity.js";
import { EntityKind } from "./entity-kind.js";
import { Fact } from "./fact.js";
import { RelationDirection } from "./relation-direction.js";
import { RelationType } from "./relation-type.js";
import { asks, type SelectionQuestion, selects, selectionTree, subfields } from "./selects.js";
import { pageConnection } from "./page-connection.js";

/**
 * Links between entities, as Relay connections whose edges carry the link:
 * its type, its direction, the fact that gives its figure, its period and source.
 */

interface RelationEdgeShape {
  readonly cursor: string;
  node: EntityRow;
  /** The page's row: the entity and, when asked for, the link. */
  row: RelationRow;
}

/** The edge's link, which the page read because a field of the edge was selected. */
function link(e: RelationEdgeShape): RelationLink {
  if (!e.row.link) throw new Error("the relation page was read without its links");
  return e.row.link;
}

export const EntityRelationEdge = builder
  .objectRef<RelationEdgeShape>("EntityRelationEdge")
  .implement({
    description: "A link from the entity asked about to another entity.",
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this edge.",
      }),
      node: t.field({
        type: Entity,
        description: "The entity at the other end.",
        resolve: (e) => e.node,
      }),
      type: t.field({
        type: RelationType,
        description: "The kind of link.",
        resolve: (e) => link(e).type as never,
      }),
      direction: t.field({
        type: RelationDirection,
        description: "OUT when the link points from the entity asked about to `node`.",
        resolve: (e) => link(e).direction,
      }),
      fact: t.field({
        type: Fact,
        nullable: true,
        description:
          "The fact that gives the link's figure (e.g. how many rural hospitals a program operates).",
        resolve: (e) => link(e).fact,
      }),
      period: t.field({
        type: Entity,
        nullable: true,
        description: "When the link holds (a TimePeriod), if the sources say.",
        resolve: (e) => link(e).period,
      }),
      role: t.string({
        nullable: true,
        description: "For HOLDS_ROLE: the role held.",
        resolve: (e) => link(e).role,
      }),
      sourceDocument: t.field({
        type: Document,
        nullable: true,
        description: "The document whose words state the link, if any.",
        resolve: (e) => link(e).sourceDocument,
      }),
      sourceQuote: t.string({
        nullable: true,
        description: "The verbatim words that state the link.",
        resolve: (e) => link(e).sourceQuote,
      }),
    }),
  });

export const EntityRelationConnection = pageConnection(
  "EntityRelationConnection",
  "A page of links from an entity.",
  EntityRelationEdge,
  "links",
);

/** The edge fields that need the link itself (all but the entity at the other end and the cursor). */
const NODE_ONLY = new Set(["node", "cursor", "__typename"]);

/** Whether the selection of a relation connection asks for a field of the link. */
const LINKS: SelectionQuestion = {
  name: "relation-links",
  path: [{ type: "EntityRelationConnection", field: "edges" }],
  type: "EntityRelationEdge",
  wanted: (field) => !NODE_ONLY.has(field),
};

/** Pages are sorted on (lower-case name, key); the cursor holds the name as it is. */
const relationPosition = (r: RelationRow) => ({ value: r.node.name, key: r.node.key });
const relationNode = (r: RelationRow) => r.node;

/**
 * The level of relation pages a relation field asks for: its fixed link types and direction
 * (or its arguments'), its page, and whether it selects the link's own fields. Throws the
 * input error of a bad `first` or `after`.
 */
function relationLevel(
  fixed: Partial<RelationSpec>,
  args: Record<string, unknown>,
  links: boolean,
  parentKind: string | null,
): RelationLevel {
  return {
    spec: {
      types: fixed.types ?? (args.types as string[] | null | undefined) ?? null,
      direction:
        fixed.direction ?? (args.direction as RelationSpec["direction"] | undefined) ?? "BOTH",
      kinds: (args.kinds as string[] | null | undefined) ?? fixed.kinds ?? null,
    },
    page: pageQuery(args as { first?: number; after?: string }),
    links,
    parentKind,
  };
}

/** The fixed links of a relation field, kept in its extensions (what `levelsBelow` reads). */
type RelationExtensions = Record<string, unknown> & { relationSpec: Partial<RelationSpec> };

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
 * entities of its edges. Their pages are read with this field's (related-entities-tree.cypher).
 * A level whose arguments are bad ends the look-ahead: its own field reports them.
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
              field.args,
              asks(field, LINKS),
              type === Entity.name ? null : type,
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

/**
 * A connection field of related entities, batched over every parent asking with the same
 * arguments: one Cypher query per level, whatever the number of parents, and one for up to
 * three levels when the query asks for relation fields on the entities of this one's edges
 * (levelsBelow). The link's own fields are read only when the query selects one of them.
 */
export function relationField(t: object, description: string, fixed: Partial<RelationSpec>) {
  // The same field on object and interface types: typed once, as on an object.
  const f = t as unknown as PothosSchemaTypes.ObjectFieldBuilder<Types, EntityRow>;
  const extensions: RelationExtensions = { relationSpec: fixed };
  return f.field({
    type: EntityRelationConnection,
    description,
    extensions,
    args: {
      ...(fixed.types
        ? {}
        : {
            types: f.arg({
              type: [RelationType],
              required: false,
              description: "Only these link types.",
            }),
          }),
      ...(fixed.direction
        ? {}
        : {
            direction: f.arg({
              type: RelationDirection,
              required: false,
              defaultValue: "BOTH",
              description: "Which way the links point.",
            }),
          }),
      kinds: f.arg({
        type: [EntityKind],
        required: false,
        description: "Only entities of these kinds.",
      }),
      first: f.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: f.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: (parent, args, ctx, info) => {
      // The same for every parent at this place of the query: worked out once per request.
      const { level, pages } = ctx.loaders.perField(info, "relations", () => {
        const level = relationLevel(fixed, args, selects(ctx, info, LINKS), null);
        const below = levelsBelow(selectionTree(ctx, info), info.schema, TREE_DEPTH - 1);
        return { level, pages: relatedPages(ctx, [level, ...below]) };
      });
      const page = (rows: RelationRow[]) => ({
        ...toPage(rows, level.page, relationPosition, relationNode),
        count: () => relatedCount(ctx, parent.key, level.spec),
      });
      const rows = pages.page(parent.key);
      return Array.isArray(rows) ? page(rows) : rows.then(page);
    },
  });
}

builder.interfaceField(Entity, "relations", (t) =>
  relationField(
    t,
    "Every structural link of this entity, filtered by type, direction and kind.",
    {},
  ),
);
