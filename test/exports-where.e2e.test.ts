import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { readSeeds } from "../src/seed/read-seeds.js";
import { useTestServer } from "./support/http.js";
import { checkProperty, factKeys } from "./support/where-oracle/api.js";
import { keyDifferences } from "./support/where-oracle/compare.js";
import { arbitraries } from "./support/where-oracle/generate.js";
import type { FactWhereIn } from "./support/where-oracle/input.js";
import { selectFacts } from "./support/where-oracle/select.js";
import { type World, worldOf } from "./support/where-oracle/world.js";

/**
 * The exports take the API's `where` (`?where=<JSON>`): the facts they carry are those of
 * `facts(where:)` and of the where oracle (test/support/where-oracle/), and a bad where is a 400
 * naming the path in it, with the API's words for the same mistake.
 */

const PATHS = ["/export/facts.csv", "/export/graph.jsonld", "/export/graph.ttl"];
const RUNS = 20;

describe("exports with a where", () => {
  const running = useTestServer();
  let world: World;
  beforeAll(async () => {
    world = worldOf(await readSeeds());
  });

  const get = (path: string, query: Record<string, string>) =>
    fetch(`${running.server.url}${path}?${new URLSearchParams(query)}`);

  /** The facts of the CSV export of a where, in the order of its rows. */
  async function csvFacts(where: unknown): Promise<string[]> {
    const response = await get("/export/facts.csv", { where: JSON.stringify(where) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${response.status}: ${text}`);
    const rows: { fact: string }[] = parse(text, { columns: true });
    return [...new Set(rows.map((r) => r.fact))];
  }

  async function jsonLdFacts(where: unknown): Promise<string[]> {
    const response = await get("/export/graph.jsonld", { where: JSON.stringify(where) });
    expect(response.status).toBe(200);
    const graph = (await response.json()) as { "@graph": Record<string, unknown>[] };
    return graph["@graph"]
      .filter((n) => n["@type"] === "schema:Observation")
      .map((n) => String(n["schema:identifier"]))
      .sort();
  }

  const oracle = (where: FactWhereIn) =>
    selectFacts(world, where)
      .map((f) => f.key)
      .sort();

  it("carries the facts of facts(where:) and of the oracle, in the CSV and the graph", async () => {
    const wheres: FactWhereIn[] = [
      { variable: { key: { eq: "facility-count" } }, value: { gte: 100, lt: 5000 } },
      {
        OR: [
          { scope: { key: { eq: "imss-bienestar" } } },
          { about: { kind: { in: ["FACILITY_TYPE"] } } },
        ],
      },
      {
        period: { overlaps: { from: "2021-12-01", to: "2021-12-31" } },
        NOT: { garbled: { eq: true } },
      },
      { citations: { some: { document: { date: { gt: "2022-01-10" } } } } },
      { about: { name: { contains: "CONSULTA" } } },
    ];
    for (const where of wheres) {
      const expected = oracle(where);
      expect(expected.length, JSON.stringify(where)).toBeGreaterThan(0);
      const api = await factKeys(running.server, where, [{ key: "ASC" }], 100);
      expect(api.keys, JSON.stringify(where)).toEqual(expected);
      expect(await csvFacts(where), JSON.stringify(where)).toEqual(expected);
      expect(await jsonLdFacts(where), JSON.stringify(where)).toEqual(expected);
    }
  }, 60_000);

  it(`random wheres: the CSV carries what the oracle selects, in key order (numRuns ${RUNS})`, async () => {
    const { where } = arbitraries(world);
    await checkProperty(
      "export",
      where(3),
      async (w) => {
        const differences = keyDifferences(oracle(w), await csvFacts(w));
        if (differences.length) throw new Error(differences.join("\n"));
      },
      { numRuns: RUNS, seed: Number(process.env.WHERE_ORACLE_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 120_000);

  it("a key that names nothing is no match (an empty export), not NOT_FOUND", async () => {
    expect(await csvFacts({ about: { key: { eq: "no-such-entity" } } })).toEqual([]);
    expect(await jsonLdFacts({ variable: { key: { in: ["no-such-variable"] } } })).toEqual([]);
  });

  it("the whole graph with an empty where, deprecated facts as the API leaves them", async () => {
    expect(await csvFacts({})).toEqual(oracle({}));
    expect(await csvFacts({ deprecated: {} })).toEqual(world.facts.map((f) => f.key).sort());
  });

  it("a bad where is a 400 naming the path in it, in the API's words", async () => {
    const cases: [string, string | null][] = [
      ["{not json", null],
      // An unknown field is named by the message, at the path of its object (as the API says).
      [JSON.stringify({ colour: { eq: "blue" } }), "where"],
      [JSON.stringify({ value: { gte: "many" } }), "where.value.gte"],
      [JSON.stringify({ key: { gte: "a" } }), "where.key"],
      [JSON.stringify({ unit: { eq: "LITRES" } }), "where.unit.eq"],
      [
        JSON.stringify({ OR: [{}, { about: { relatedTo: { some: { relation: 1 } } } }] }),
        "where.OR[1].about.relatedTo.some.relation",
      ],
      [JSON.stringify(nested(8)), null],
      [
        JSON.stringify({ key: { in: Array.from({ length: 21 }, (_, i) => `k${i}`) } }),
        "where.key.in",
      ],
    ];
    for (const path of PATHS) {
      for (const [where, at] of cases) {
        const response = await get(path, { where });
        expect(response.status, `${path} ${where}`).toBe(400);
        const body = (await response.json()) as {
          error: string;
          parameter: string;
          path?: string;
          code: string;
        };
        expect(body.parameter).toBe("where");
        expect(body.code).toBe("BAD_USER_INPUT");
        expect(body.error).toContain('"where"');
        if (at) expect(body.path, where).toBe(at);
        if (where.startsWith("{not")) continue;
        // The API refuses the same where, with the same words.
        const api = await running.server.graphql(
          "query ($where: FactWhere) { facts(where: $where) { totalCount } }",
          { where: JSON.parse(where) },
        );
        const said = api.body.errors?.[0]?.message ?? "";
        const words = body.error.replace(/^Parameter "where": (where[^:]*: )?/, "");
        expect(said, where).toContain(words.replace(/^Argument "[^"]*": /, ""));
      }
    }
  });

  it("a where with the old parameters is refused, naming both", async () => {
    const response = await get("/export/facts.csv", { where: "{}", statistic: "TOTAL" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe("where");
    expect(body.error).toContain("statistic");
  });
});

/** A where nested `levels` deep through NOT. */
function nested(levels: number): FactWhereIn {
  return levels === 0 ? { garbled: { eq: false } } : { NOT: nested(levels - 1) };
}
