import neo4j from "neo4j-driver";
import { inputError, NotFoundError } from "../input-error.js";
import type { Db } from "../db/db.js";
import type { PageQuery } from "../pagination.js";
import type { EntityKind, Granularity, RelationType } from "../model/vocabulary.js";
import type { LabelRows } from "./labels.js";
import { loadRows, rowsByKey } from "./request-loaders.js";
import { entityCountQuery, entityPageQuery } from "./where/entity-page.js";
import type { EntitySortField, EntityWhere, Sort } from "./where/where.js";

/**
 * An entity row. Every query that returns entities gives its key, kind and name; the
 * details (Spanish name, labels, aliases, description, a period's dates) come with rows read by key, in pages
 * of entities and in search hits, but not with the rows of relation pages, which are
 * often hundreds per request: `entityDetails` completes a row when a field needs them.
 */
export interface EntityRow extends LabelRows {
  key: string;
  kind: EntityKind;
  name: string;
  /** The Spanish preferred name (with the details). */
  nameEs?: string | null;
  aliases?: string[];
  description?: string;
  start?: string | null;
  end?: string | null;
  granularity?: Granularity | null;
}

export type EntityDetails = Required<EntityRow>;

/** The request's entity rows: one query per tick for all kinds, primed by pages and searches. */
function entityRows(db: Db) {
  return rowsByKey<EntityRow>(db, "entities-by-key", "node", (row) => row.key);
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
export function loadEntities(
  db: Db,
  keys: readonly string[],
  kind?: string,
): Promise<(EntityRow | Error)[]> {
  return loadRows(
    entityRows(db),
    keys,
    (key) => `No ${kind ?? "entity"} with key "${key}"`,
    (row) => !kind || row.kind === kind,
  );
}

/**
 * A page of the entities `where` selects, in `sort`'s order (ties by key): each row with its
 * sort values (one per sort key before `key`, which the cursor carries).
 */
export async function entitiesPage(
  db: Db,
  where: EntityWhere,
  sort: Sort<EntitySortField>,
  page: PageQuery,
): Promise<{ node: EntityRow; sort: (string | number)[] }[]> {
  const values = page.after?.value;
  if (page.after && !Array.isArray(values))
    throw inputError("after", "is not a cursor returned by this API");
  const after = page.after && { values: values as readonly unknown[], key: page.after.key };
  return db.readBuilt(entityPageQuery({ where, sort, limit: page.limit, after }).build());
}

/** How many entities `where` selects: counted lazily, once per request for the same where. */
export function entitiesCount(db: Db, where: EntityWhere): Promise<number> {
  return db.once(`entities-count:${JSON.stringify(where)}`, async () => {
    const [row] = await db.readBuilt<{ total: number }>(entityCountQuery(where).build());
    return row?.total ?? 0;
  });
}

export async function entityCountsByKind(db: Db): Promise<{ kind: EntityKind; count: number }[]> {
  return db.read("entity-counts-by-kind");
}

/** One ring of a breadth-first walk from `keys`. */
export async function neighbors(
  db: Db,
  keys: readonly string[],
): Promise<{ from: string; to: string; type: RelationType; fact: string | null }[]> {
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
