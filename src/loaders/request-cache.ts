import DataLoader from "dataloader";
import type { Db } from "../db/db.js";

/**
 * One DataLoader per request (per Db handle) and kind of row (entities, facts):
 * - every load of that kind in one tick, from whichever GraphQL type's loader
 *   (Entity, TimePeriod, Place... all read entities), becomes ONE Cypher query;
 * - a query that already returned whole rows (a page of facts, a search, a page
 *   of related entities) primes it, so that the rows' fields need no second query.
 * Any write through the same Db empties it first and after, so a row read before
 * a change is never served after it.
 */

type RowLoader<V> = DataLoader<string, V | null>;

const loaders = new WeakMap<Db, Map<string, RowLoader<unknown>>>();

function loadersOf(db: Db): Map<string, RowLoader<unknown>> {
  let map = loaders.get(db);
  if (!map) {
    const created = new Map<string, RowLoader<unknown>>();
    map = created;
    loaders.set(db, created);
    const clear = () => {
      for (const loader of created.values()) loader.clearAll();
    };
    const write = db.write.bind(db);
    const writeTransaction = db.writeTransaction.bind(db);
    db.write = (async (...args: Parameters<Db["write"]>) => {
      clear();
      try {
        return await write(...args);
      } finally {
        clear();
      }
    }) as Db["write"];
    db.writeTransaction = (async (...args: Parameters<Db["writeTransaction"]>) => {
      clear();
      try {
        return await writeTransaction(...args);
      } finally {
        clear();
      }
    }) as Db["writeTransaction"];
  }
  return map;
}

/**
 * The request's loader of rows of one kind: `fetch` reads the rows of some keys
 * (one query), `keyOf` names a row's key. A key without a row loads as null.
 */
export function rowLoader<V>(
  db: Db,
  kind: string,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): RowLoader<V> {
  const map = loadersOf(db);
  let loader = map.get(kind) as RowLoader<V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (keys) => {
      const found = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
      return keys.map((k) => found.get(k) ?? null);
    });
    map.set(kind, loader as RowLoader<unknown>);
  }
  return loader;
}
