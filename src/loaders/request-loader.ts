import { GraphQLError } from "graphql";
import DataLoader from "dataloader";
import type { Context } from "../context.js";

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
  let loader = ctx.loaders.get(id) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    ctx.loaders.set(id, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows by the keys asked for; a missing key gets `missing(key)`. */
export function byKeys<R, V>(
  keys: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
  pick: (row: R) => V,
  missing: (key: string) => V | Error,
): (V | Error)[] {
  const found = new Map(rows.map((r) => [keyOf(r), pick(r)]));
  return keys.map((k) => (found.has(k) ? (found.get(k) as V) : missing(k)));
}

/**
 * Nothing has the key asked for (as opposed to a failure of the database). A GraphQL error
 * with code NOT_FOUND, so that a client asking for a missing node is told so (Yoga masks any
 * other error as "Unexpected error").
 */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "NOT_FOUND" } });
  }
  override name = "NotFoundError";
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
    return byKeys(
      keys,
      rows,
      (r) => r.parentKey,
      (r) => r.total,
      () => 0,
    );
  }).load(parent);
}
