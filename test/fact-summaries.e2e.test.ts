import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildFactSummaries, seedIfEmpty } from "../src/seed/load-seeds.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/**
 * The facts' summaries (one per variable, period, statistic and unit) that counts and aggregates
 * over whole cells read instead of the facts: always equal to the facts they summarise, after
 * the seed load, after a curator's writes, and after a rebuild.
 */

const TOKEN = "test-summaries-token-0123456789";
const DOC = "000_c6cef239523a3d84";
const text = readFileSync(`seeds/documents/${DOC}.txt`, "utf8");
const QUOTE = "1,531 Family Medicine Units (UMF)";
const KEY = "test-summaries-umf";
const CELL = {
  variable: "facility-count",
  period: "jan-20-2022",
  statistic: "stock",
  unit: "count",
};

let driver: Driver;
let database: string | undefined;
let server: TestServer;

interface Cell {
  variable: string;
  period: string;
  statistic: string;
  unit: string;
  count: number;
  withValue: number;
  sum: number | null;
  min: number | null;
  max: number | null;
}

const cellId = (c: Cell) => `${c.variable}|${c.period}|${c.statistic}|${c.unit}`;

/** Sorted by cell, for equality. */
async function rows(query: string): Promise<Cell[]> {
  const { records } = await driver.executeQuery(query, {}, { database, routing: "READ" });
  const cells = records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    const n = (v: unknown) => (v === null ? null : Number(v));
    return {
      variable: String(o.variable),
      period: String(o.period),
      statistic: String(o.statistic),
      unit: String(o.unit),
      count: Number(o.count),
      withValue: Number(o.withValue),
      sum: n(o.sum),
      min: n(o.min),
      max: n(o.max),
    };
  });
  return cells.sort((a, b) => cellId(a).localeCompare(cellId(b)));
}

const summaries = () =>
  rows(`MATCH (s:FactSummary) RETURN s.variable AS variable, s.period AS period,
          s.statistic AS statistic, s.unit AS unit, s.count AS count, s.withValue AS withValue,
          s.sum AS sum, s.min AS min, s.max AS max`);

/**
 * The same figures computed here, in TypeScript, from the facts themselves (the second path),
 * summing the values smallest first as the summaries do (floating-point sums depend on order).
 */
async function rowsFromFacts(): Promise<Cell[]> {
  const { records } = await driver.executeQuery(
    `MATCH (f:Fact)-[:DURING]->(p:Entity) WHERE f.deprecated = false
     RETURN f.variable AS variable, p.key AS period, f.statistic AS statistic, f.unit AS unit,
            f.value AS value
     ORDER BY value`,
    {},
    { database, routing: "READ" },
  );
  const cells = new Map<string, Cell>();
  for (const r of records) {
    const o = r.toObject() as Record<string, unknown>;
    const cell: Cell = {
      variable: String(o.variable),
      period: String(o.period),
      statistic: String(o.statistic),
      unit: String(o.unit),
      count: 0,
      withValue: 0,
      sum: null,
      min: null,
      max: null,
    };
    const c = cells.get(cellId(cell)) ?? cell;
    cells.set(cellId(c), c);
    c.count += 1;
    if (o.value === null) continue;
    const v = Number(o.value);
    c.withValue += 1;
    c.sum = (c.sum ?? 0) + v;
    c.min = c.min === null ? v : Math.min(c.min, v);
    c.max = c.max === null ? v : Math.max(c.max, v);
  }
  return [...cells.values()].sort((a, b) => cellId(a).localeCompare(cellId(b)));
}

async function cleanUp() {
  await driver.executeQuery(
    `MATCH (n) WHERE n.key = $key OR n.target = $key
     OPTIONAL MATCH (n)-[:CITED_IN]->(c:Citation)
     DETACH DELETE n, c`,
    { key: KEY },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  await cleanUp();
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
});
afterAll(async () => {
  await cleanUp();
  await server.close();
  await driver.close();
});

const cellOf = async () =>
  (await summaries()).find((c) => cellId(c) === cellId({ ...CELL } as Cell));

describe("facts' summaries", () => {
  it("equal the facts they summarise, cell by cell", async () => {
    const expected = await rowsFromFacts();
    expect(expected.length).toBeGreaterThan(10);
    expect(await summaries()).toEqual(expected);
  });

  it("follow a curator's new fact and its deprecation, in the write's transaction", async () => {
    const before = await cellOf();
    expect(before).toBeDefined();
    const added = await server.graphql<{ addFact: { key: string } }>(
      `mutation($input: FactInput!) { addFact(input: $input) { key } }`,
      {
        input: {
          key: KEY,
          variable: CELL.variable,
          about: "umf",
          scope: "imss",
          period: CELL.period,
          statistic: "STOCK",
          value: 1531,
          unit: "COUNT",
          citations: [{ document: DOC, quote: QUOTE, start: text.indexOf(QUOTE) }],
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(added.body.errors).toBeUndefined();
    const after = await cellOf();
    expect(after).toEqual({
      ...before,
      count: before!.count + 1,
      withValue: before!.withValue + 1,
      sum: before!.sum! + 1531,
      max: Math.max(before!.max!, 1531),
      min: Math.min(before!.min!, 1531),
    });
    expect(await summaries()).toEqual(await rowsFromFacts());

    const deprecated = await server.graphql(
      `mutation { deprecateFact(key: "${KEY}", reason: "A test's fact, withdrawn.") { key } }`,
      {},
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(deprecated.body.errors).toBeUndefined();
    expect(await cellOf()).toEqual(before);
    expect(await summaries()).toEqual(await rowsFromFacts());
  });

  it("are rebuilt at start-up for a graph that has facts but none", async () => {
    const expected = await summaries();
    await driver.executeQuery("MATCH (s:FactSummary) DELETE s", {}, { database });
    expect(await summaries()).toEqual([]);
    await seedIfEmpty(driver, database);
    expect(await summaries()).toEqual(expected);
  });

  it("answer a variable's statistics (Variable.stats) as its facts do", async () => {
    const { body } = await server.graphql<{
      variable: {
        stats: { count: number; withValue: number; sum: number; min: number; max: number };
      };
    }>(`{ variable(key: "facility-count") { stats { count withValue sum min max } } }`);
    const cells = (await rowsFromFacts()).filter((c) => c.variable === "facility-count");
    const values = cells.filter((c) => c.withValue > 0);
    expect(body.data!.variable.stats).toEqual({
      count: cells.reduce((s, c) => s + c.count, 0),
      withValue: cells.reduce((s, c) => s + c.withValue, 0),
      sum: values.reduce((s, c) => s + c.sum!, 0),
      min: Math.min(...values.map((c) => c.min!)),
      max: Math.max(...values.map((c) => c.max!)),
    });
  });
});
