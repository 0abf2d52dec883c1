import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * `factGroups` page by page under every sort, its unit note, a group's facts, the issue's
 * "Done when" query checked against the CSV export, and invalid inputs (named, never a 5xx).
 */

const http = useTestServer();

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
  return { ...body.data, queries: body.extensions?.databaseQueries };
}

/** The errors of a refused query (a GraphQL validation error, or BAD_USER_INPUT naming `argument`). */
async function refused(query: string, variables: Record<string, unknown>, argument?: string) {
  const { body } = await ask(query, variables);
  const errors = body.errors ?? [];
  expect(errors.length, JSON.stringify(body)).toBeGreaterThan(0);
  if (argument) {
    expect(errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0]?.extensions?.argument).toBe(argument);
  }
  return errors[0]?.message as string;
}

const SLOW = 180_000;
const GROUPS = `query ($where: FactWhere, $groupBy: [FactGroupBy!]!, $sort: [FactGroupSort!], $first: Int, $after: String) {
  factGroups(where: $where, groupBy: $groupBy, sort: $sort, first: $first, after: $after) {
    totalCount note
    edges { cursor node { about { key } period { key } statistic unit count withValue sum avg min max } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every group, page after page of `first`. */
async function pages(variables: Record<string, unknown>, first: number) {
  const nodes: Any[] = [];
  let after: string | null = null;
  for (;;) {
    const { factGroups } = await ok(GROUPS, { ...variables, first, after });
    nodes.push(...factGroups.edges.map((e: Any) => e.node));
    if (!factGroups.pageInfo.hasNextPage) return { nodes, totalCount: factGroups.totalCount };
    after = factGroups.pageInfo.endCursor;
  }
}

/** a before b under `sort` (missing values last), then by their keys (about, then unit). */
function inOrder(a: Any, b: Any, sort: Record<string, string>[]): number {
  for (const element of sort) {
    const [field, direction] = Object.entries(element)[0] as [string, string];
    const [x, y] = [a[field], b[field]];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction === "ASC" ? x - y : y - x;
  }
  const key = (g: Any) => `${g.about?.key ?? ""}\u0000${g.unit}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

describe("pages of groups", () => {
  it(
    "under every sort, small pages give the one big page, in order, with totalCount",
    async () => {
      const sorts: Record<string, string>[][] = [
        [],
        [{ count: "DESC" }],
        [{ sum: "ASC" }],
        [{ avg: "DESC" }, { min: "ASC" }],
        [{ max: "DESC" }],
      ];
      for (const sort of sorts) {
        const variables = { groupBy: ["ABOUT"], sort };
        const whole = await pages(variables, 100);
        expect(whole.nodes.length).toBe(whole.totalCount);
        expect(whole.nodes.length).toBeGreaterThan(20);
        const sorted = [...whole.nodes].sort((a, b) => inOrder(a, b, sort));
        expect(whole.nodes, JSON.stringify(sort)).toEqual(sorted);
        const paged = await pages(variables, 7);
        expect(paged.nodes, JSON.stringify(sort)).toEqual(whole.nodes);
        expect(paged.totalCount).toBe(whole.totalCount);
      }
    },
    SLOW,
  );

  it("reads one query per page, and one more only when totalCount is asked", async () => {
    const where = `where: { value: { gte: 0 } }`;
    const page = `{ factGroups(${where}, groupBy: [PERIOD], first: 5) { edges { node { count sum } } } }`;
    const counted = `{ factGroups(${where}, groupBy: [PERIOD], first: 5) { totalCount edges { node { count sum } } } }`;
    expect((await ok(page)).queries).toBe(1);
    expect((await ok(counted)).queries).toBe(2);
  });

  it("reads whole cells' groups and their number from the facts' summaries, in one query, as the facts give them", async () => {
    const groups = (where: string) =>
      `{ factGroups(${where} groupBy: [VARIABLE, PERIOD, STATISTIC], first: 100) {
          totalCount edges { node { variable { key } period { key } statistic unit count withValue sum avg min max } } } }`;
    // Groups of scalars alone: one query (the groups' objects are loaded by key after it).
    const scalars = `{ factGroups(groupBy: [VARIABLE, PERIOD, STATISTIC], first: 100) { totalCount edges { node { statistic unit count sum } } } }`;
    expect((await ok(scalars)).queries).toBe(1);
    const summarised = await ok(groups(""));
    // `deprecated` given: the same facts (those not deprecated), read from the facts themselves.
    const fromFacts = await ok(groups("where: { deprecated: { eq: false } }"));
    expect(summarised.factGroups.totalCount).toBe(fromFacts.factGroups.totalCount);
    expect(summarised.factGroups.edges.length).toBeGreaterThan(5);
    const exact = (g: Any) => ({ ...g.node, avg: undefined });
    expect(summarised.factGroups.edges.map(exact)).toEqual(fromFacts.factGroups.edges.map(exact));
    summarised.factGroups.edges.forEach((g: Any, i: number) => {
      const avg = fromFacts.factGroups.edges[i].node.avg;
      if (avg === null) expect(g.node.avg).toBeNull();
      else expect(g.node.avg).toBeCloseTo(avg, 6);
    });
  });
});

describe("sums never mix units", () => {
  it("adds UNIT to the grouping and says so in the note", async () => {
    const { factGroups } = await ok(GROUPS, { groupBy: ["STATISTIC"], first: 100 });
    expect(factGroups.note).toMatch(/UNIT was added/);
    const pairs = factGroups.edges.map((e: Any) => `${e.node.statistic}/${e.node.unit}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Some statistic is stated in several units: each unit is a group of its own.
    const statistics = factGroups.edges.map((e: Any) => e.node.statistic);
    expect(new Set(statistics).size).toBeLessThan(statistics.length);
    const asked = await ok(GROUPS, { groupBy: ["STATISTIC", "UNIT"], first: 100 });
    expect(asked.factGroups.note).toBeNull();
    expect(asked.factGroups.edges).toEqual(factGroups.edges);
  });
});

/**
 * Each group of `factGroups(where, groupBy)` with what `facts` selects on it, one request per
 * group (the page of one group after the previous group's cursor).
 */
async function eachGroup(where: object, groupBy: string, facts: string, check: (g: Any) => void) {
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const { factGroups } = await ok(
      `query ($where: FactWhere, $after: String) {
        factGroups(where: $where, groupBy: ${groupBy}, first: 1, after: $after) {
          edges { node { period { key } statistic scope { key } document { key } unit count sum ${facts} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { where, after },
    );
    for (const { node } of factGroups.edges) check(node);
    seen += factGroups.edges.length;
    if (!factGroups.pageInfo.hasNextPage) return seen;
    after = factGroups.pageInfo.endCursor;
  }
}

describe("a group's facts", () => {
  it(
    "are the facts of the where with the group's keys: count, sum, pages and aggregate agree",
    async () => {
      const where = { variable: { key: { eq: "services-delivered" } } };
      const facts = `facts(first: 50, sort: [{ value: DESC }]) { totalCount aggregate { count sum units }
        edges { node { key value period { key } statistic unit variable { key } } } }
      firstTwo: facts(first: 2) { edges { node { key } } pageInfo { hasNextPage } }`;
      const seen = await eachGroup(where, "[PERIOD, STATISTIC]", facts, (g) => {
        const nodes = g.facts.edges.map((e: Any) => e.node);
        expect(g.facts.totalCount).toBe(g.count);
        expect(nodes.length).toBe(g.count);
        for (const f of nodes) {
          const keys = [f.period.key, f.statistic, f.unit, f.variable.key];
          expect(keys).toEqual([g.period.key, g.statistic, g.unit, "services-delivered"]);
        }
        const sum = nodes.reduce((s: number, f: Any) => s + (f.value ?? 0), 0);
        expect(Math.abs(sum - g.sum)).toBeLessThanOrEqual(1e-9 * Math.abs(g.sum));
        expect(g.facts.aggregate).toEqual({ count: g.count, sum: g.sum, units: [g.unit] });
        const keys = nodes.map((f: Any) => f.key);
        for (const e of g.firstTwo.edges) expect(keys).toContain(e.node.key);
        expect(g.firstTwo.pageInfo.hasNextPage).toBe(g.count > 2);
      });
      expect(seen).toBeGreaterThan(1);
    },
    SLOW,
  );

  it(
    "of a group without a scope or a document are the facts that have none",
    async () => {
      const facts = `facts(first: 100) { totalCount edges { node { scope { key } citations { document { key } } } } }`;
      let unscoped = 0;
      await eachGroup({}, "[SCOPE, DOCUMENT]", facts, (g) => {
        if (g.scope === null) unscoped += 1;
        expect(g.facts.totalCount).toBe(g.count);
        for (const { node: f } of g.facts.edges) {
          expect(f.scope?.key ?? null).toBe(g.scope?.key ?? null);
          const documents = f.citations.map((c: Any) => c.document.key);
          if (g.document) expect(documents).toContain(g.document.key);
          else expect(documents).toEqual([]);
        }
      });
      expect(unscoped).toBeGreaterThan(0);
    },
    SLOW,
  );
});

describe("the issue's Done-when query", () => {
  it("runs as written, and its groups are those a person computes from the CSV export", async () => {
    const data = await ok(`{
      facts(
        where: {
          variable: { key: { eq: "facility-count" } }
          value: { gte: 100, lt: 5000 }
          OR: [{ scope: { key: { eq: "imss-bienestar" } } }, { about: { kind: { in: [FACILITY_TYPE] } } }]
        }
        sort: [{ value: DESC }, { key: ASC }]
        first: 5
      ) { totalCount edges { node { key value } } }
      factGroups(where: { variable: { key: { eq: "services-delivered" } } }, groupBy: [PERIOD, STATISTIC]) {
        edges { node { period { key } statistic count sum avg min max } }
      }
    }`);
    const text = await (await fetch(`${http.server.url}/export/facts.csv`)).text();
    const rows = parse(text, { columns: true, record_delimiter: "\r\n" }) as Record<
      string,
      string
    >[];
    const facts = new Map<string, Record<string, string>>();
    for (const r of rows)
      if (r.variable === "services-delivered" && r.deprecated === "false")
        facts.set(r.fact as string, r);
    const byHand = new Map<string, number[]>();
    for (const f of facts.values()) {
      const key = `${f.period}|${f.statistic}`;
      byHand.set(key, [...(byHand.get(key) ?? []), ...(f.value === "" ? [] : [Number(f.value)])]);
    }
    const groups = data.factGroups.edges.map((e: Any) => e.node);
    expect(groups.map((g: Any) => `${g.period.key}|${g.statistic}`).sort()).toEqual(
      [...byHand.keys()].sort(),
    );
    for (const g of groups) {
      const values = byHand.get(`${g.period.key}|${g.statistic}`) as number[];
      const sum = values.reduce((a, b) => a + b, 0);
      expect(g.count).toBe(
        [...facts.values()].filter(
          (f) => `${f.period}|${f.statistic}` === `${g.period.key}|${g.statistic}`,
        ).length,
      );
      expect(g.sum).toBeCloseTo(sum, 6);
      expect(g.avg).toBeCloseTo(sum / values.length, 6);
      expect(g.min).toBe(Math.min(...values));
      expect(g.max).toBe(Math.max(...values));
    }
  });
});

describe("invalid inputs are named, never a 5xx", () => {
  const query = GROUPS;
  it("refuses bad sorts, sizes and cursors, naming the argument", async () => {
    await refused(query, { groupBy: ["ABOUT"], sort: [{ count: "DESC", sum: "ASC" }] }, "sort[0]");
    await refused(query, { groupBy: ["ABOUT"], sort: [{}] }, "sort[0]");
    const five = [{ count: "ASC" }, { sum: "ASC" }, { avg: "ASC" }, { min: "ASC" }, { max: "ASC" }];
    await refused(query, { groupBy: ["ABOUT"], sort: five }, "sort");
    await refused(query, { groupBy: ["ABOUT"], first: 101 }, "first");
    await refused(query, { groupBy: ["ABOUT"], after: "not a cursor" }, "after");
    const { factGroups } = await ok(query, { groupBy: ["ABOUT"], first: 1 });
    const cursor = factGroups.pageInfo.endCursor;
    await refused(query, { groupBy: ["PERIOD"], first: 1, after: cursor }, "after");
    await refused(query, { groupBy: ["ABOUT"], sort: [{ count: "ASC" }], after: cursor }, "after");
    const facts = await ok(`{ facts(first: 1) { pageInfo { endCursor } } }`);
    await refused(query, { groupBy: ["ABOUT"], after: facts.facts.pageInfo.endCursor }, "after");
  });

  it("refuses unknown keys and fields, ranges on keys and too deep a where", async () => {
    expect(await refused(query, { groupBy: ["NOPE"] })).toMatch(/NOPE/);
    expect(await refused(query, { groupBy: ["ABOUT"], where: { key: { gt: "a" } } })).toMatch(/gt/);
    expect(await refused(query, { groupBy: ["ABOUT"], where: { colour: { eq: "red" } } })).toMatch(
      /colour/,
    );
    let deep: Any = { key: { eq: "x" } };
    for (let i = 0; i < 7; i += 1) deep = { NOT: deep };
    expect(await refused(query, { groupBy: ["ABOUT"], where: deep })).toMatch(/where/);
    await refused(
      `{ factGroups(groupBy: [ABOUT]) { edges { node { facts(sort: [{ value: DESC, key: ASC }]) { totalCount } } } } }`,
      {},
      "sort[0]",
    );
  });

  it("answers an unknown key with no group", async () => {
    const { factGroups } = await ok(query, {
      groupBy: ["ABOUT"],
      where: { about: { key: { eq: "no-such-entity" } } },
    });
    expect(factGroups.edges).toEqual([]);
    expect(factGroups.totalCount).toBe(0);
  });
});
