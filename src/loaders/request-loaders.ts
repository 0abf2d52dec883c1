import DataLoader from "dataloader";
import type { Db } from "../db/db.js";
import { NotFoundError } from "../input-error.js";

/**
 * The request's DataLoader named `id`, created on first use: all loads under one
 * id in one tick become one call of `batch` (and so one Cypher query).
 * `id` must include everything the batch depends on besides the keys (its arguments).
 */
export function requestLoader<K, V>(
  db: Db,
  id: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  return db.once(id, () => new DataLoader<K, V>(batch));
}

/** The list `query` returns for `key`: one query per tick for every key asked, once per request. */
export function listOf<T>(db: Db, query: string, key: string): Promise<T[]> {
  return requestLoader<string, T[]>(db, query, (keys) => listsOf<T>(db, query, keys)).load(key);
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
  db: Db,
  query: string,
  params: Record<string, unknown>,
  parent: string,
): Promise<number> {
  return requestLoader<string, number>(db, `${query}:${JSON.stringify(params)}`, async (keys) => {
    const rows = await db.read<{ parentKey: string; total: number }>(query, {
      keys,
      ...params,
    });
    const totals = new Map(rows.map((r) => [r.parentKey, r.total]));
    return keys.map((key) => totals.get(key) ?? 0);
  }).load(parent);
}

/** The `total` that `query` counts with `params`: read once per request, however often asked. */
export function countOnce(db: Db, query: string, params: Record<string, unknown>): Promise<number> {
  return db.once(
    `${query}:${JSON.stringify(params)}`,
    async () => (await db.read<{ total: number }>(query, params))[0]?.total ?? 0,
  );
}

/**
 * The request's loader (in its Db, under `kind`) of the rows `query` reads by `$keys`, each row
 * in its `column`; `keyOf` names a row's key. A key without a row loads as null.
 */
export function rowsByKey<V>(
  db: Db,
  query: string,
  column: string,
  keyOf: (row: V) => string,
  kind = query,
): DataLoader<string, V | null> {
  return db.once(
    `rows:${kind}`,
    () =>
      new DataLoader<string, V | null>(async (keys) => {
        const rows = await db.read<Record<string, V>>(query, { keys });
        const found = new Map(rows.map((r) => [keyOf(r[column] as V), r[column] as V]));
        return keys.map((k) => found.get(k) ?? null);
      }),
  );
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
