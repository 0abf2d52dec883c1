import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { luceneQueries, searchWords } from "../src/loaders/search.js";
import { useTestServer } from "./support/http.js";

/**
 * Search as people type it, in Spanish and English (test/fixtures/search-queries.yaml: each
 * query with the key that must be among the first three hits), and what makes it so: case and
 * accents folded, words stemmed in each language, names before texts, stable ties.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

interface Row {
  text: string;
  key: string;
}
const TABLE = parse(readFileSync("test/fixtures/search-queries.yaml", "utf8")) as {
  es: Row[];
  en: Row[];
};

const running = useTestServer();

const SEARCH = `query ($text: String!, $first: Int, $after: String, $language: Language, $kinds: [SearchKind!]) {
  search(text: $text, first: $first, after: $after, language: $language, kinds: $kinds) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { kind score entity { key } variable { key } document { key } } }
  }
}`;

interface Hit {
  kind: string;
  score: number;
  key: string;
}

async function search(
  text: string,
  options: { first?: number; after?: string; language?: string; kinds?: string[] } = {},
): Promise<{ hits: Hit[]; totalCount: number; endCursor: string | null; hasNext: boolean }> {
  const { body } = await running.server.graphql<Any>(SEARCH, { text, first: 10, ...options });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const s = body.data.search;
  return {
    hits: s.edges.map((e: Any) => ({
      kind: e.node.kind,
      score: e.node.score,
      key: (e.node.entity ?? e.node.variable ?? e.node.document).key,
    })),
    totalCount: s.totalCount,
    endCursor: s.pageInfo.endCursor,
    hasNext: s.pageInfo.hasNextPage,
  };
}

describe("the table of what people type", () => {
  it("holds at least 40 queries, half of them Spanish", () => {
    expect(TABLE.es.length + TABLE.en.length).toBeGreaterThanOrEqual(40);
    expect(TABLE.es.length).toBeGreaterThanOrEqual(20);
    expect(TABLE.en.length).toBeGreaterThanOrEqual(20);
  });

  for (const language of ["es", "en"] as const) {
    it(`finds each ${language === "es" ? "Spanish" : "English"} query's key among the first three`, async () => {
      const misses: string[] = [];
      for (const row of TABLE[language]) {
        const { hits } = await search(row.text, { first: 3 });
        if (!hits.some((h) => h.key === row.key))
          misses.push(`"${row.text}" -> ${row.key}, got ${hits.map((h) => h.key).join(", ")}`);
      }
      expect(misses).toEqual([]);
    });
  }
});

describe("search in two languages", () => {
  it("ignores case and accents in both directions", async () => {
    for (const [a, b] of [
      ["Zoe Robledo", "ZOÉ ROBLEDO"],
      ["Nuevo Leon", "nuevo león"],
      ["hemodialisis", "Hemodiálisis"],
    ] as const) {
      const [x, y] = [await search(a), await search(b)];
      expect(x.hits.map((h) => h.key)).toEqual(y.hits.map((h) => h.key));
      expect(x.hits.length).toBeGreaterThan(0);
    }
  });

  it("stems Spanish and English words: plural and singular find the same entity first", async () => {
    expect((await search("hospitales rurales")).hits[0]?.key).toBe("rural-hospital");
    expect((await search("hospital rural")).hits[0]?.key).toBe("rural-hospital");
    expect((await search("rural hospitals")).hits[0]?.key).toBe("rural-hospital");
  });

  it("ranks a hit in an entity's own names before hits in texts", async () => {
    const { hits } = await search("rural hospital", { first: 20 });
    const firstText = hits.findIndex((h) => h.kind === "DOCUMENT");
    const lastName = hits.map((h) => h.key).lastIndexOf("rural-hospital");
    expect(lastName).toBeGreaterThanOrEqual(0);
    expect(firstText === -1 || lastName < firstText).toBe(true);
  });

  it("finds variables by their Spanish names and documents by their words", async () => {
    const medicos = await search("médicos", { kinds: ["VARIABLE"] });
    expect(medicos.hits[0]).toMatchObject({ kind: "VARIABLE", key: "physician-count" });
    const documents = await search("transplants", { kinds: ["DOCUMENT"] });
    expect(documents.hits.map((h) => h.key)).toContain("002_09b982dd34e5a0da");
  });

  it("restricts to one language's index when asked, and the count follows", async () => {
    const both = await search("hospitales rurales");
    const es = await search("hospitales rurales", { language: "ES" });
    expect(es.hits[0]?.key).toBe("rural-hospital");
    expect(es.totalCount).toBeLessThanOrEqual(both.totalCount);
    expect(both.totalCount).toBeGreaterThan(0);
  });

  it("pages through ties in a stable order: the pages join into the whole list", async () => {
    const whole = await search("consultation", { first: 50 });
    const paged: Hit[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search("consultation", { first: 3, after });
      paged.push(...page.hits);
      if (!page.hasNext || !page.endCursor) break;
      after = page.endCursor;
    }
    expect(paged.map((h) => h.key)).toEqual(whole.hits.map((h) => h.key));
    expect(whole.totalCount).toBe(whole.hits.length);
    for (let i = 1; i < whole.hits.length; i++) {
      const [a, b] = [whole.hits[i - 1] as Hit, whole.hits[i] as Hit];
      expect(a.score > b.score || (a.score === b.score && a.key < b.key)).toBe(true);
    }
  });
});

describe("the words sent to the index", () => {
  it("are folded words only: Lucene's operators and syntax never reach it as syntax", () => {
    expect(searchWords('Zoé "AND" (OR) NOT a/b [x] {y} ~z^2 \\ : *')).toEqual([
      "zoe",
      "and",
      "or",
      "not",
      "a",
      "b",
      "x",
      "y",
      "z",
      "2",
    ]);
    const { queryEn, queryEs } = luceneQueries("Nuevo León");
    expect(queryEn).toBe(
      "searchNames:(nuevo AND (leon OR leon*))^1000 OR searchTextEn:(nuevo AND (leon OR leon*))",
    );
    expect(queryEs).toContain("searchTextEs:(nuevo AND (leon OR leon*))");
    expect(luceneQueries("x", "en").queryEs).toBeNull();
  });
});
