import DataLoader from "dataloader";
import {
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
} from "graphql";
import type { ResolveTree } from "graphql-parse-resolve-info";
import neo4j from "neo4j-driver";
import type { Context } from "../context.js";
import { type PageQuery, pageParams, pageQuery } from "../pagination.js";
import type { EntityKind, RelationType } from "../model/vocabulary.js";
import type { EntityRow } from "./entities.js";
import { countOfParent, listsOf } from "./request-loaders.js";
import { asks, type SelectionQuestion, selects, selectionTree, subfields } from "./selections.js";

/**
 * Pages of related entities, for the relation fields of the schema: one entry point,
 * `relationPage`. A relation field asks it for "this parent's page, with this field's
 * arguments"; the loader looks ahead in the field's selection for the relation fields asked
 * below it, reads up to three levels for every parent of the tick in one query
 * (related-entities-tree.cypher), and hands the pages of the levels below to their fields.
 */

/** Which links a relation field follows. */
export interface RelationSpec {
  types: readonly string[] | null;
  direction: "OUT" | "IN" | "BOTH";
  kinds: readonly string[] | null;
}

/** The link itself: read only when a field of the edge asks for it (see RelationLevel). */
export interface RelationLink {
  type: RelationType;
  direction: "OUT" | "IN";
  fact: string | null;
  period: string | null;
  role: string | null;
  sourceDocument: string | null;
  sourceQuote: string | null;
}

/** An edge of a relation page; its position in the page is its entity's (name, key). */
export interface RelationRow {
  node: EntityRow;
  link: RelationLink | null;
}

/** A relation field's arguments (those its schema fixes are absent). */
export interface RelationArgs {
  types?: readonly string[] | null;
  direction?: RelationSpec["direction"] | null;
  kinds?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

/** A page of a relation field: its rows (one past the page when a next page exists). */
export interface RelationPage {
  rows: RelationRow[];
  page: PageQuery;
  /** The number of links over all pages, counted (batched over parents) when called. */
  count: () => Promise<number>;
}

/** The extensions of a relation field: the links its schema fixes, read by the look-ahead. */
export type RelationExtensions = { relationSpec: Partial<RelationSpec> };

/** How many levels related-entities-tree.cypher reads in one query. */
const TREE_DEPTH = 3;

/**
 * One level of relation pages: which links, which page of them, and whether each row carries
 * its link (type, direction, fact, period, role, source; without, only the entity at the other
 * end: the link's properties are not read).
 */
interface RelationLevel {
  spec: RelationSpec;
  page: PageQuery;
  links: boolean;
  /** Below the first level: the kind of entity the field is asked on (null: any). */
  parentKind: string | null;
}

/**
 * The page of `parentKey` asked for by the relation field being resolved (`fixed`: the links
 * its schema fixes; `args`: its arguments), at once when a field above already read it.
 * Throws the input error of a bad `first` or `after`.
 */
export function relationPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  parentKey: string,
  fixed: Partial<RelationSpec>,
  args: RelationArgs,
): RelationPage | Promise<RelationPage> {
  // The same for every parent at this place of the query: worked out once per request.
  const { level, pages } = ctx.loaders.perField(info, "relations", () => {
    const level = relationLevel(fixed, args, selects(ctx, info, LINKS), null);
    const below = levelsBelow(selectionTree(ctx, info), info.schema, TREE_DEPTH - 1);
    return { level, pages: relatedPages(ctx, [level, ...below]) };
  });
  const page = (rows: RelationRow[]): RelationPage => ({
    rows,
    page: level.page,
    count: () => countOfParent(ctx, "related-entities-count", { ...level.spec }, parentKey),
  });
  const rows = pages.page(parentKey);
  return Array.isArray(rows) ? page(rows) : rows.then(page);
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

/** A relation field's level: its fixed links (or its arguments'), its page, its links. */
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

/**
 * The request's pages of related entities per `levels[0]`: one page per parent. All parents
 * asking in the same tick are read by one query, together with the levels below, whose pages
 * are primed into the pages of those levels.
 */
function relatedPages(ctx: Context, levels: readonly RelationLevel[]): RelatedPages {
  const [level] = levels as [RelationLevel];
  return ctx.loaders.get(
    `related-entities-page:${JSON.stringify([level.spec, level.page, level.links])}`,
    () => new RelatedPages((keys) => relatedTree(ctx, keys, levels)),
  );
}

/** The pages of one level, by parent key: read in batches, or primed by the level above. */
class RelatedPages {
  private readonly loader: DataLoader<string, RelationRow[]>;
  private readonly primed = new Map<string, RelationRow[]>();

  constructor(batch: (keys: readonly string[]) => Promise<RelationRow[][]>) {
    this.loader = new DataLoader(batch);
  }

  /**
   * The page of `key`: at once if a query above already read it (hundreds of nested fields in
   * a three-level query need no promise each), else through the batch.
   */
  page(key: string): RelationRow[] | Promise<RelationRow[]> {
    return this.primed.get(key) ?? this.loader.load(key);
  }

  prime(key: string, page: RelationRow[]): void {
    if (!this.primed.has(key)) this.primed.set(key, page);
  }
}

/** An edge as related-entities-tree.cypher returns it (a tuple: fewer bytes than a map). */
type RelationTuple =
  | [key: string, kind: EntityKind, name: string, children: RelationTuple[] | null]
  | [
      key: string,
      kind: EntityKind,
      name: string,
      children: RelationTuple[] | null,
      type: RelationType,
      direction: "OUT" | "IN",
      fact: string | null,
      period: string | null,
      role: string | null,
      sourceDocument: string | null,
      sourceQuote: string | null,
    ];

async function relatedTree(
  ctx: Context,
  keys: readonly string[],
  levels: readonly RelationLevel[],
): Promise<RelationRow[][]> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const pages = await listsOf<RelationTuple>(
    ctx.db,
    "related-entities-tree",
    keys,
    relatedTreeParams(levels),
  );
  if (depth > 1) for (const edges of pages) primeBelow(ctx, edges, levels, depth - 1);
  return pages.map((edges) => edges.map(relationRow));
}

/** The parameters of related-entities-tree.cypher for `levels` (up to TREE_DEPTH). */
function relatedTreeParams(levels: readonly RelationLevel[]): Record<string, unknown> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const params: Record<string, unknown> = { depth: neo4j.int(depth) };
  for (let i = 0; i < TREE_DEPTH; i += 1) {
    // LIMIT is evaluated for every level of the text: a level not read gets a placeholder.
    const level = levels[Math.min(i, depth - 1)] as RelationLevel;
    const values = {
      ...level.spec,
      ...pageParams(level.page),
      ...(i < depth ? {} : { limit: neo4j.int(0) }),
      links: level.links,
      parentKind: level.parentKind,
    };
    for (const [name, value] of Object.entries(values)) params[`${name}${i + 1}`] = value;
  }
  return params;
}

/**
 * Hands the pages read below `edges` (a page at `levels[0]`) to the pages of `levels[1]`, and
 * so on `read` levels deep: the pages of the entities the query read one for. Those are the
 * entities of the page itself, not the extra row read to tell whether a next page exists,
 * and of the next level's parentKind, if it has one; the others were not read (their
 * `children` are empty), so they are not primed.
 */
function primeBelow(
  ctx: Context,
  edges: RelationTuple[],
  levels: readonly RelationLevel[],
  read: number,
): void {
  const [level, next] = levels as [RelationLevel, RelationLevel];
  const below = levels.slice(1);
  const pages = relatedPages(ctx, below);
  for (const [key, kind, , children] of edges.slice(0, level.page.first)) {
    if (!children || (next.parentKind !== null && kind !== next.parentKind)) continue;
    pages.prime(key, children.map(relationRow));
    if (read > 1) primeBelow(ctx, children, below, read - 1);
  }
}

function relationRow(tuple: RelationTuple): RelationRow {
  const [key, kind, name] = tuple;
  if (tuple.length === 4) return { node: { key, kind, name }, link: null };
  const [, , , , type, direction, fact, period, role, sourceDocument, sourceQuote] = tuple;
  const link = { type, direction, fact, period, role, sourceDocument, sourceQuote };
  return { node: { key, kind, name }, link };
}
