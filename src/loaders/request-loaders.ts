import DataLoader from "dataloader";
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import type { Db } from "../db/db.js";
import { NotFoundError } from "../input-error.js";

/**
 * Everything one request keeps besides its Db's row cache, created with its context and
 * dropped with it: its DataLoaders (and other per-request objects) by id, and what was worked
 * out once per field of the query (parsed selections, the loader a field uses).
 */
export class RequestLoaders {
  private readonly byId = new Map<string, unknown>();
  private readonly byField = new Map<FieldNode, Map<string, unknown>>();

  /** The request's object named `id`, made by `create` on first use. */
  get<T>(id: string, create: () => T): T {
    if (!this.byId.has(id)) this.byId.set(id, create());
    return this.byId.get(id) as T;
  }

  /**
   * `compute()`, once per field of the query and `name`: every parent at the same place of the
   * query shares the field's selection, and working it out for each of hundreds of parents
   * would cost more than the query it saves.
   */
  perField<T>(info: GraphQLResolveInfo, name: string, compute: () => T): T {
    const field = info.fieldNodes[0] as FieldNode;
    let byName = this.byField.get(field);
    if (!byName) this.byField.set(field, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, compute());
    return byName.get(name) as T;
  }
}

/**
 * The request's DataLoader named `id`, created on first use: all loads under one
 * id in one tick become one call of `batch` (and so one Cypher query).
 * `id` must include everything the batch depends on besides the keys (its arguments).
 */
export function requestLoader<K, V>(
  ctx: Context,
  id: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  return ctx.loaders.get(id, () => new DataLoader<K, V>(batch));
}

/**
 * For each key, the list `query` returns for it (rows of `parentKey` and `items`; none: an
 * empty list): one query for every key.
 */
export async function listsOf<T>(
  db: Db,
  query: string,
  keys: readonly string[],
  params: Record<string, unknown> = {},
): Promise<T[][]> {
  const rows = await db.read<{ parentKey: string; items: T[] }>(query, { keys, ...params });
  const found = new Map(rows.map((r) => [r.parentKey, r.items]));
  return keys.map((key) => found.get(key) ?? []);
}

/**
 * How many items `query` counts for `parent`: every parent asked for in the same tick
 * (with the same `params`) is counted by one query, which takes `$keys` and returns
 * `parentKey, total` rows.
 */
export function countOfParent(
  ctx: Context,
  query: string,
  params: Record<string, unknown>,
  parent: string,
): Promise<number> {
  return requestLoader<string, number>(ctx, `${query}:${JSON.stringify(params)}`, async (keys) => {
    const rows = await ctx.db.read<{ parentKey: string; total: number }>(query, {
      keys,
      ...params,
    });
    const totals = new Map(rows.map((r) => [r.parentKey, r.total]));
    return keys.map((key) => totals.get(key) ?? 0);
  }).load(parent);
}

/** The `total` that `query` counts with `params`: read once per request, however often asked. */
export function countOnce(
  ctx: Context,
  query: string,
  params: Record<string, unknown>,
): Promise<number> {
  return ctx.loaders.get(
    `${query}:${JSON.stringify(params)}`,
    async () => (await ctx.db.read<{ total: number }>(query, params))[0]?.total ?? 0,
  );
}

/**
 * The request's loader (in its Db's row cache, under `kind`) of the rows `query` reads by
 * `$keys`, each row in its `column`.
 */
export function rowsByKey<V>(
  db: Db,
  query: string,
  column: string,
  keyOf: (row: V) => string,
  kind = query,
): DataLoader<string, V | null> {
  const read = async (keys: readonly string[]) =>
    (await db.read<Record<string, V>>(query, { keys })).map((r) => r[column] as V);
  return db.rows(kind, read, keyOf);
}

/**
 * The rows of `keys` from a loader of rows, each missing (or not `wanted`) one as a
 * NotFoundError saying `missing(key)`. A failed query fails the whole call: it is never
 * reported as "not found".
 */
export async function loadRows<V>(
  loader: DataLoader<string, V | null>,
  keys: readonly string[],
  missing: (key: string) => string,
  wanted: (row: V) => boolean = () => true,
): Promise<(V | Error)[]> {
  const rows = await loader.loadMany(keys);
  const failed = rows.find((row) => row instanceof Error);
  if (failed) throw failed;
  return rows.map((row, i) =>
    row && !(row instanceof Error) && wanted(row)
      ? row
      : new NotFoundError(missing(keys[i] as string)),
  );
}
