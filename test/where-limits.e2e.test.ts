import { describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { factPageQuery } from "../src/loaders/where/fact-page.js";
import type { FactWhere } from "../src/loaders/where/where.js";
import { useTestServer } from "./support/http.js";

/**
 * `facts(where:, sort:)`: what it refuses (each mistake named by its path, never a 5xx), the
 * cursors it binds, a parent's list, and the cost of a deep page (PROFILE).
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const FACTS = `query ($where: FactWhere, $sort: [FactSort!], $first: Int, $after: String) {
  facts(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount edges { node { key } } pageInfo { hasNextPage endCursor }
  }
}`;

async function ask(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  return body;
}

/** The errors of a refused request, the first one's code and argument. */
async function refused(query: string, variables?: Record<string, unknown>) {
  const body = await ask(query, variables);
  expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
  const error = body.errors?.[0] as Any;
  return {
    code: error.extensions?.code,
    argument: error.extensions?.argument,
    message: error.message,
  };
}

const nested = (depth: number): Any =>
  depth === 0 ? { garbled: { eq: false } } : { NOT: nested(depth - 1) };

describe("invalid where and sort", { timeout: 120_000 }, () => {
  it("a wrong type, an unknown field or a range on a key fails validation, naming the field", async () => {
    for (const where of [
      '{ value: { gt: "many" } }',
      '{ colour: { eq: "red" } }',
      '{ key: { gt: "a" } }',
    ]) {
      const { message } = await refused(`{ facts(where: ${where}) { totalCount } }`);
      expect(message).toMatch(/value|colour|gt/);
    }
    const { message } = await refused(FACTS, { where: { key: { lt: "a" } } });
    expect(message).toContain("lt");
  });

  it("too deep, too long or too many conditions is BAD_USER_INPUT naming the path", async () => {
    expect(await refused(FACTS, { where: nested(7) })).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.NOT.NOT.NOT.NOT.NOT.NOT.NOT",
    });
    expect((await ask(FACTS, { where: nested(6) })).errors).toBeUndefined();
    const keys = Array.from({ length: 21 }, (_, i) => `k${i}`);
    expect(
      await refused(FACTS, { where: { OR: [{ garbled: { eq: true } }, { key: { in: keys } }] } }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.OR[1].key.in",
    });
    const many = Array.from({ length: 20 }, () => ({
      value: { gt: 1, lt: 9 },
      unit: { eq: "COUNT" },
    }));
    expect(await refused(FACTS, { where: { AND: many } })).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.AND[16].value.lt",
    });
  });

  it("a bad day, or the id of another type where a key is taken, is BAD_USER_INPUT naming the path", async () => {
    expect(
      await refused(FACTS, { where: { period: { start: { gte: "2021-13-01" } } } }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.period.start.gte",
    });
    expect(
      await refused(FACTS, { where: { period: { overlaps: { from: "2021", to: "2021-12-31" } } } }),
    ).toMatchObject({
      argument: "where.period.overlaps.from",
    });
    const documentId = encodeGlobalId("Document", "x");
    expect(await refused(FACTS, { where: { about: { key: { eq: documentId } } } })).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.about.key.eq",
    });
    // An unknown key is no match, not NOT_FOUND; an id of the right type is its key.
    expect(
      (await ask(FACTS, { where: { about: { key: { eq: "no-such-entity" } } } })).data.facts
        .totalCount,
    ).toBe(0);
    const byId = await ask(FACTS, {
      where: { about: { key: { eq: encodeGlobalId("Program", "imss-bienestar") } } },
    });
    const byKey = await ask(FACTS, { where: { about: { key: { eq: "imss-bienestar" } } } });
    expect(byId.data).toEqual(byKey.data);
  });

  it("a sort element with no field or two, or more than four, is BAD_USER_INPUT naming it", async () => {
    expect(
      await refused(FACTS, { sort: [{ key: "ASC" }, { value: "ASC", key: "DESC" }] }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "sort[1]",
    });
    expect(await refused(FACTS, { sort: [{}] })).toMatchObject({ argument: "sort[0]" });
    const five = ["value", "periodStart", "periodEnd", "documentDate", "aboutName"].map((f) => ({
      [f]: "ASC",
    }));
    expect(await refused(FACTS, { sort: five })).toMatchObject({ argument: "sort" });
  });

  it("the old argument with its replacement is BAD_USER_INPUT; the old filter keeps its NOT_FOUND", async () => {
    expect(
      await refused(`{ facts(filter: { garbled: true }, where: {}) { totalCount } }`),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "filter",
    });
    expect(
      await refused(`{ facts(orderBy: VALUE_ASC, sort: [{ value: ASC }]) { totalCount } }`),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "orderBy",
    });
    expect(
      await refused(`{ facts(filter: { about: "no-such-entity" }) { totalCount } }`),
    ).toMatchObject({
      code: "NOT_FOUND",
      argument: "filter.about",
    });
  });
});

describe("cursors and parents' lists", { timeout: 120_000 }, () => {
  it("a cursor of another where or sort is refused", async () => {
    const where = { unit: { eq: "COUNT" } };
    const sort = [{ value: "DESC" }];
    const page = await ask(FACTS, { where, sort, first: 3 });
    const after = page.data.facts.pageInfo.endCursor;
    expect((await ask(FACTS, { where, sort, first: 3, after })).errors).toBeUndefined();
    for (const other of [
      { where: { unit: { eq: "PEOPLE" } }, sort },
      { where, sort: [{ value: "ASC" }] },
    ]) {
      expect(await refused(FACTS, { ...other, first: 3, after })).toMatchObject({
        code: "BAD_USER_INPUT",
        argument: "after",
      });
    }
  });

  it("an entity's facts take where and sort, paged like Query.facts", async () => {
    const query = `query ($after: String) { entity(key: "imss-bienestar") { facts(
        where: { value: { gt: 1 } }, sort: [{ value: DESC }], first: 4, after: $after) {
      totalCount edges { node { key value } } pageInfo { hasNextPage endCursor } } } }`;
    const keys: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i += 1) {
      const body = await ask(query, { after });
      expect(body.errors).toBeUndefined();
      const c = body.data.entity.facts;
      total = c.totalCount;
      keys.push(...c.edges.map((e: Any) => e.node.key));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const whole = await ask(FACTS, {
      where: {
        value: { gt: 1 },
        OR: [
          { about: { key: { eq: "imss-bienestar" } } },
          { scope: { key: { eq: "imss-bienestar" } } },
        ],
      },
      sort: [{ value: "DESC" }],
      first: 100,
    });
    expect(keys).toEqual(whole.data.facts.edges.map((e: Any) => e.node.key));
    expect(total).toBe(keys.length);
    expect(total).toBeGreaterThan(4);
  });
});

describe("the cost of a deep page", { timeout: 120_000 }, () => {
  /** The db hits of one page (PROFILE of the query the API sends), and its rows. */
  async function profile(where: FactWhere, after: { values: unknown[]; key: string } | null) {
    const query = factPageQuery({
      where,
      sort: [{ field: "value", direction: "DESC" }],
      limit: 6,
      after,
      links: false,
    });
    const result = await http.driver.executeQuery(`PROFILE ${query.cypher}`, query.params);
    const hits = (p: Any): number =>
      (p.dbHits ?? 0) + (p.children ?? []).reduce((a: number, c: Any) => a + hits(c), 0);
    return {
      hits: hits(result.summary.profile),
      rows: result.records.map((r) => ({ key: r.get("key"), sort: r.get("sort") })),
    };
  }

  it("equals page 1's in db hits, under a sort by value", async () => {
    for (const where of [
      { unit: { eq: "count" } },
      { variable: { key: { eq: "facility-count" } } },
    ] as FactWhere[]) {
      const first = await profile(where, null);
      let last = first.rows.at(-2)!;
      let compared = 0;
      // Full pages only: a last, shorter page projects fewer rows.
      for (let deep = first; compared < 3; compared += 1) {
        deep = await profile(where, { values: last.sort, key: last.key });
        if (deep.rows.length < 6) break;
        expect(deep.hits, JSON.stringify(where)).toBe(first.hits);
        last = deep.rows.at(-2)!;
      }
      expect(compared).toBeGreaterThan(0);
    }
  });
});
