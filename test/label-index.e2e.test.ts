import { describe, expect, it } from "vitest";
import { Db } from "../src/db/db.js";
import { readDraftGraph } from "../src/draft/draft-graph.js";
import { LabelIndex } from "../src/draft/label-index.js";
import { searchWords } from "../src/loaders/search.js";
import type { Language } from "../src/model/vocabulary.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { useTestDriver } from "./support/neo4j.js";

/**
 * The drafter's label index (src/draft/label-index.ts) finds, for every word of every seed
 * label, the nodes that the full-text indexes search_en and search_es find for it in their
 * names: the same folding, tokenizing, stopwords and stemming in process as Lucene's `english`
 * and `spanish` analyzers apply in Neo4j. Both sides read the same graph (readDraftGraph).
 */

const seeds = await readSeeds("seeds");
const words = [
  ...new Set(
    [...seeds.entities, ...seeds.variables].flatMap((n) =>
      n.labels.flatMap((l) => searchWords(l.text)),
    ),
  ),
].sort();

const QUERY = `
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryNodes(q.index, q.query) YIELD node
  WITH node WHERE node:Entity OR node:Variable
  RETURN collect(node.key) AS keys
}
RETURN q.word AS word, q.index AS index, keys`;

describe("the drafter's label index and the search indexes", () => {
  const opened = useTestDriver();

  it("agree on the nodes named by each word of the seed labels, in each language", async () => {
    const { driver, database } = opened;
    const index = new LabelIndex(await readDraftGraph(new Db(driver, database)));
    const queries = words.flatMap((word) =>
      (["en", "es"] as const).map((language) => ({
        word,
        index: `search_${language}`,
        query: `searchNames:(${word})`,
      })),
    );
    const { records } = await driver.executeQuery(
      QUERY,
      { queries },
      { database, routing: "READ" },
    );
    expect(records.length).toBe(queries.length);
    let compared = 0;
    for (const r of records) {
      const word = r.get("word") as string;
      const language = (r.get("index") as string).slice("search_".length) as Language;
      const fromNeo4j = (r.get("keys") as string[]).sort();
      expect([...index.lookup(word, language)].sort(), `${word} in search_${language}`).toEqual(
        fromNeo4j,
      );
      if (fromNeo4j.length > 0) compared++;
    }
    // Most words name something in both indexes (the rest are stopwords).
    expect(compared).toBeGreaterThan(words.length);
  });
});
