import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * `factGroups` against two other paths to the same answer: the facts read through `facts(where:)`
 * pages and grouped here, and (the "Done when" query) the CSV export grouped by hand.
 */

const http = useTestServer();

/** Each test asks dozens of questions, each answered twice. */
const SLOW = 180_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

async function ask(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  return { status, body };
}

async function ok(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const { status, body } = await ask(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

const KEYS = [
  "ABOUT",
  "SCOPE",
  "VARIABLE",
  "PERIOD",
  "STATISTIC",
  "UNIT",
  "DOCUMENT",
  "ABOUT_KIND",
];
/** What a group's selection asks for each key it is grouped by. */
const GROUP_FIELD: Record<string, string> = {
  ABOUT: "about { key }",
  SCOPE: "scope { key }",
  VARIABLE: "variable { key }",
  PERIOD: "period { key }",
  STATISTIC: "statistic",
  UNIT: "unit",
  DOCUMENT: "document { key }",
  ABOUT_KIND: "aboutKind",
};
const fieldsOf = (groupBy: string[]) => ["unit", ...groupBy.map((k) => GROUP_FIELD[k])].join(" ");
const STATS = "count withValue sum avg min max";

interface Fact {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  about: { key: string; kind: string };
  scope: { key: string } | null;
  variable: { key: string };
  period: { key: string };
  citations: { document: { key: string } }[];
}

/** Every fact `where` selects, through `facts(where:)` pages. */
async function factsOf(where: object): Promise<Fact[]> {
  const facts: Fact[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await ok(
      `query ($where: FactWhere, $after: String) {
        facts(where: $where, first: 100, after: $after) {
          edges { node { key value unit statistic about { key kind } scope { key } variable { key }
            period { key } citations { document { key } } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { where, after },
    );
    facts.push(...data.facts.edges.map((e: Any) => e.node));
    if (!data.facts.pageInfo.hasNextPage) return facts;
    after = data.facts.pageInfo.endCursor;
  }
}

/** The keys of a fact's groups under `groupBy` (a fact citing two documents is in two groups). */
function groupKeysOf(f: Fact, groupBy: string[]): string[] {
  const one: Record<string, () => string | null> = {
    ABOUT: () => f.about.key,
    SCOPE: () => f.scope?.key ?? null,
    VARIABLE: () => f.variable.key,
    PERIOD: () => f.period.key,
    STATISTIC: () => f.statistic,
    UNIT: () => f.unit,
    ABOUT_KIND: () => f.about.kind,
  };
  let keys: (string | null)[][] = [[]];
  for (const k of groupBy) {
    const values =
      k === "DOCUMENT"
        ? [...new Set(f.citations.map((c) => c.document.key))]
        : [(one[k] as () => string | null)()];
    keys = keys.flatMap((prefix) => (values.length ? values : [null]).map((v) => [...prefix, v]));
  }
  return keys.map((k) => JSON.stringify(k));
}

/** The key of a group of the API under `groupBy`. */
function apiGroupKey(node: Any, groupBy: string[]): string {
  const field: Record<string, (n: Any) => string | null> = {
    ABOUT: (n) => n.about?.key ?? null,
    SCOPE: (n) => n.scope?.key ?? null,
    VARIABLE: (n) => n.variable?.key ?? null,
    PERIOD: (n) => n.period?.key ?? null,
    STATISTIC: (n) => n.statistic,
    UNIT: (n) => n.unit,
    DOCUMENT: (n) => n.document?.key ?? null,
    ABOUT_KIND: (n) => n.aboutKind,
  };
  return JSON.stringify(groupBy.map((k) => (field[k] as (n: Any) => string | null)(node)));
}

interface Stats {
  count: number;
  withValue: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/** The stats of some values, as a person computes them. */
function statsOf(values: (number | null)[]): Stats {
  const known = values.filter((v): v is number => v !== null);
  const sum = known.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    withValue: known.length,
    sum: known.length ? sum : null,
    avg: known.length ? sum / known.length : null,
    min: known.length ? Math.min(...known) : null,
    max: known.length ? Math.max(...known) : null,
  };
}

function expectStats(actual: Any, expected: Stats, label: string) {
  expect(actual.count, label).toBe(expected.count);
  expect(actual.withValue, label).toBe(expected.withValue);
  for (const k of ["sum", "avg", "min", "max"] as const) {
    const e = expected[k];
    if (e === null) expect(actual[k], `${label} ${k}`).toBeNull();
    else
      expect(Math.abs(actual[k] - e), `${label} ${k}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(e)),
      );
  }
}

/** Every group of `factGroups(where, groupBy, sort)`, page after page of `first`. */
async function allGroups(where: object, groupBy: string[], first = 100, sort: object[] = []) {
  const groups: Any[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const data = await ok(
      `query ($where: FactWhere, $groupBy: [FactGroupBy!]!, $sort: [FactGroupSort!], $first: Int, $after: String) {
        factGroups(where: $where, groupBy: $groupBy, sort: $sort, first: $first, after: $after) {
          totalCount note edges { node { ${fieldsOf(groupBy)} ${STATS} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { where, groupBy, sort, first, after },
    );
    groups.push(...data.factGroups.edges.map((e: Any) => e.node));
    totalCount = data.factGroups.totalCount;
    if (!data.factGroups.pageInfo.hasNextPage)
      return { groups, totalCount, note: data.factGroups.note };
    after = data.factGroups.pageInfo.endCursor;
  }
}

/** factGroups(where, groupBy) equals the facts of facts(where) grouped here. */
async function expectGroupsOfFacts(where: object, groupBy: string[], facts: Fact[]) {
  const grouping = groupBy.includes("UNIT") ? groupBy : [...groupBy, "UNIT"];
  const expected = new Map<string, (number | null)[]>();
  for (const f of facts)
    for (const key of groupKeysOf(f, grouping))
      expected.set(key, [...(expected.get(key) ?? []), f.value]);
  const { groups, totalCount } = await allGroups(where, groupBy);
  const label = JSON.stringify({ where, groupBy });
  expect(groups.map((g) => apiGroupKey(g, grouping)).sort(), label).toEqual(
    [...expected.keys()].sort(),
  );
  expect(totalCount, label).toBe(expected.size);
  for (const g of groups) {
    const key = apiGroupKey(g, grouping);
    expectStats(g, statsOf(expected.get(key) ?? []), `${label} ${key}`);
  }
}

describe("factGroups equals the facts of facts(where:) grouped by hand", () => {
  let every: Fact[] = [];
  beforeAll(async () => {
    every = await factsOf({});
    expect(every.length).toBeGreaterThan(50);
  });

  it(
    "by each key alone",
    async () => {
      for (const key of KEYS) await expectGroupsOfFacts({}, [key], every);
    },
    SLOW,
  );

  it(
    "by each pair of keys",
    async () => {
      for (const [i, a] of KEYS.entries())
        for (const b of KEYS.slice(i + 1)) await expectGroupsOfFacts({}, [a, b], every);
    },
    SLOW,
  );

  it(
    "under a where: a variable, a value range, an OR over scope and the kind of what they are about",
    async () => {
      const wheres = [
        { variable: { key: { eq: "services-delivered" } } },
        { value: { gte: 100, lt: 5000 } },
        {
          OR: [
            { scope: { key: { eq: "imss-bienestar" } } },
            { about: { kind: { in: ["FACILITY_TYPE"] } } },
          ],
        },
      ];
      for (const where of wheres) {
        const facts = await factsOf(where);
        expect(facts.length, JSON.stringify(where)).toBeGreaterThan(0);
        for (const groupBy of [["PERIOD", "STATISTIC"], ["ABOUT"], ["DOCUMENT", "SCOPE"]])
          await expectGroupsOfFacts(where, groupBy, facts);
      }
    },
    SLOW,
  );
});
