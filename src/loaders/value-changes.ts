import neo4j from "neo4j-driver";
import type { Db } from "../db/db.js";
import { COMPARED_BY, COMPARED_STATISTICS } from "../model/check/value-changes.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { requestLoader } from "./request-loaders.js";

/** A change between releases: the earlier fact, the later one, their values; sort: the later's period end. */
export interface ValueChangeRow {
  from: string;
  to: string;
  fromValue: number;
  toValue: number;
  sort: string;
}

/** The rule of which periods are compared, as cypher/value-changes.cypher takes it. */
const RULE = { statistics: COMPARED_STATISTICS, comparedBy: COMPARED_BY };

/** A page of the changes between releases (of the facts about one entity, or all), newest first. */
export function valueChangesPage(
  db: Db,
  about: string | null,
  page: PageQuery,
): Promise<ValueChangeRow[]> {
  return db.read("value-changes", { ...RULE, about, keys: null, ...pageParams(page) });
}

/** The change a fact records (the fact it changed from), if any: one query per tick for all. */
export function changeOfFact(db: Db, key: string): Promise<ValueChangeRow | null> {
  return requestLoader<string, ValueChangeRow | null>(db, "value-changes:keys", async (keys) => {
    const rows = await db.read<ValueChangeRow>("value-changes", {
      ...RULE,
      about: null,
      keys,
      limit: neo4j.int(keys.length),
      afterValue: null,
      afterKey: null,
    });
    const byKey = new Map(rows.map((r) => [r.to, r]));
    return keys.map((k) => byKey.get(k) ?? null);
  }).load(key);
}
