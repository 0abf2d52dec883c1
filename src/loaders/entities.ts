import DataLoader from "dataloader";
import neo4j from "neo4j-driver";
import type { Context } from "../context.js";
import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { relatedTreeQueries } from "./related-tree-query.js";
import { byKeys, countOfParent, NotFoundError, requestLoader } from "./request-loaders.js";

/**
 * An entity row. Every query that returns entities gives its key, kind and name; the
 * details (aliases, description, a period's dates) come with rows read by key, in pages
 * of entities and in search hits, but not with the rows of relation pages, which are
 * often hundreds per request: `entityDetails` completes a row when a field needs them.
 */
export interface EntityRow {
  key: string;
  kind: string;
  name: string;
  aliases?: string[];
  description?: string;
  start?: string | null;
  end?: string | null;
  granularity?: string | null;
}

export type EntityDetails = Required<EntityRow>;

export interface EntityFilter {
  kinds: string[] | null;
  /** Lower-cased fragment of the name, key or an alias. */
  text: string | null;
  relatedTo: string | null;
}

export type EntityOrder = "NAME" | "KEY";

/** The request's entity rows: one query per tick for all kinds, primed by pages and searches. */
function entityRows(db: Db) {
  return db.rows<EntityRow>(
    "entity",
    async (keys) =>
      (await db.read<{ node: EntityRow }>("entities-by-key", { keys })).map((r) => r.node),
    (row) => row.key,
  );
}

/** The row with its details: as it is if it has them, else read by key (batched per request). */
export async function entityDetails(db: Db, row: EntityRow): Promise<EntityDetails> {
  if (row.aliases !== undefined) return row as EntityDetails;
  const [full] = await loadEntities(db, [row.key]);
  if (!full || full instanceof Error) throw full ?? new NotFoundError(`No entity "${row.key}"`);
  return full as EntityDetails;
}

/**
 * Rows another query already returned in full (as entities-by-key.cypher returns them), for
 * fields that resolve entities by key (a search hit's entity). Pages of entities return their
 * rows inline and need not prime.
 */
export function primeEntities(db: Db, rows: readonly EntityRow[]): void {
  const loader = entityRows(db);
  for (const row of rows) loader.prime(row.key, row);
}

/** Entities by key; with `kind`, an entity of another kind counts as missing. */
export async function loadEntities(
  db: Db,
  keys: readonly string[],
  kind?: string,
): Promise<(EntityRow | Error)[]> {
  const rows = await entityRows(db).loadMany(keys);
  // A failed query fails the whole call, as it always did (never "not found").
  const failed = rows.find((row) => row instanceof Error);
  if (failed) throw failed;
  return rows.map((row, i) => {
    if (row && !(row instanceof Error) && (!kind || row.kind === kind)) return row;
    return new NotFoundError(`No ${kind ?? "entity"} with key "${keys[i] as string}"`);
  });
}

export async function entitiesPage(
  db: Db,
  filter: EntityFilter,
  order: EntityOrder,
  page: PageQuery,
): Promise<{ node: EntityRow; sort: string }[]> {
  return db.read("entities-page", { ...filter, order, ...pageParams(page) });
}

/** Counted lazily, and only once per request for the same filter. */
export function entitiesCount(ctx: Context, filter: EntityFilter): Promise<number> {
  const id = `entities-count:${JSON.stringify(filter)}`;
  return requestLoader<string, number>(ctx, id, async (keys) => {
    const rows = await ctx.db.read<{ total: number }>("entities-count", { ...filter });
    return keys.map(() => rows[0]?.total ?? 0);
  }).load("all");
}

/** Which links a relation field follows. */
export interface RelationSpec {
  types: string[] | null;
  direction: "OUT" | "IN" | "BOTH";
  kinds: string[] | null;
}

/** The link itself: read only when a field of the edge asks for it (see RelationLevel). */
export interface RelationLink {
  type: string;
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

/**
 * One level of relation pages: which links, which page of them, and whether each row carries
 * its link (type, direction, fact, period, role, source; without, only the entity at the other
 * end: the link's properties are not read).
 */
export interface RelationLevel {
  spec: RelationSpec;
  page: PageQuery;
  links: boolean;
  /** Below the first level: the kind of entity the field is asked on (null: any). */
  parentKind: string | null;
}

/** How many levels related-entities-tree.cypher reads in one query. */
export const TREE_DEPTH = 3;

type RelationTuple = [
  key: string,
  kind: string,
  name: string,
  children: RelationTuple[] | null,
  type?: string,
  direction?: "OUT" | "IN",
  fact?: string | null,
  period?: string | null,
  role?: string | null,
  sourceDocument?: string | null,
  sourceQuote?: string | null,
];

/**
 * The request's pages of related entities per `levels[0]`: one page per parent. All parents
 * asking in the same tick are read by one query, together with the levels below (`levels[1]`,
 * `levels[2]`: the relation fields the query asks for on the entities of those pages), whose
 * pages are primed into the pages of those levels: a query three relation fields deep costs
 * one query, not one per level.
 */
export function relatedPages(ctx: Context, levels: readonly RelationLevel[]): RelatedPages {
  const [level] = levels as [RelationLevel];
  return ctx.loaders.get(
    `related-entities-page:${JSON.stringify([level.spec, level.page, level.links])}`,
    () => new RelatedPages((keys) => relatedTree(ctx, keys, levels)),
  );
}

/** The pages of one level, by parent key: read in batches, or primed by the level above. */
export class RelatedPages {
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

async function relatedTree(
  ctx: Context,
  keys: readonly string[],
  levels: readonly RelationLevel[],
): Promise<RelationRow[][]> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const rows = await ctx.db.read<{ parentKey: string; edges: RelationTuple[] }>(
    "related-entities-tree",
    relatedTreeParams(keys, levels),
    relatedTreeQueries.text(levels.slice(0, depth).map((level) => level.spec)),
  );
  if (depth > 1) for (const row of rows) primeBelow(ctx, row.edges, levels, depth - 1);
  return byKeys(
    keys,
    rows,
    (r) => r.parentKey,
    (r) => r.edges.map(relationRow),
    () => [],
  ) as RelationRow[][];
}

/** The parameters of related-entities-tree.cypher for `levels` (up to TREE_DEPTH) under `keys`. */
export function relatedTreeParams(
  keys: readonly string[],
  levels: readonly RelationLevel[],
): Record<string, unknown> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const params: Record<string, unknown> = { keys, depth: neo4j.int(depth) };
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

function relationRow([key, kind, name, , ...link]: RelationTuple): RelationRow {
  const [type, direction, fact, period, role, sourceDocument, sourceQuote] = link;
  return {
    node: { key, kind, name },
    link:
      type && direction
        ? {
            type,
            direction,
            fact: fact ?? null,
            period: period ?? null,
            role: role ?? null,
            sourceDocument: sourceDocument ?? null,
            sourceQuote: sourceQuote ?? null,
          }
        : null,
  };
}

/** The number of links of `parent` per spec, batched over all parents of the request. */
export function relatedCount(ctx: Context, parent: string, spec: RelationSpec): Promise<number> {
  return countOfParent(ctx, "related-entities-count", { ...spec }, parent);
}

export async function entityCountsByKind(db: Db): Promise<{ kind: string; count: number }[]> {
  return db.read("entity-counts-by-kind");
}

/** One ring of a breadth-first walk from `keys`. */
export async function neighbors(
  db: Db,
  keys: readonly string[],
): Promise<{ from: string; to: string; type: string; fact: string | null }[]> {
  return db.read("neighbors", { keys });
}

export interface PathRow {
  nodes: { key: string; type: string }[];
  steps: { type: string; direction: "OUT" | "IN"; fact: string | null }[];
}

export interface PathsResult {
  /** The kind of each end, or null when no entity has that key. */
  fromKind: string | null;
  toKind: string | null;
  paths: PathRow[];
}

/** The shortest paths between two entities, and whether each end exists: one query. */
export async function shortestPaths(
  db: Db,
  from: string,
  to: string,
  maxHops: number,
  limit: number,
): Promise<PathsResult> {
  const [row] = await db.read<PathsResult>("paths", {
    from,
    to,
    maxHops,
    limit: neo4j.int(limit),
  });
  return row ?? { fromKind: null, toKind: null, paths: [] };
}
