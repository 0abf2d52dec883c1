import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * `aggregate` on facts connections: over every fact of the list's where (not one page), checked
 * against the facts read page by page; several units refuse sum/avg/min/max with a named error.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

async function ask(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBe(200);
  return body;
}

async function ok(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const body = await ask(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return { ...body.data, queries: body.extensions?.databaseQueries };
}

/** The values and units of every fact `where` selects, through `facts(where:)` pages. */
async function factsOf(where: object): Promise<{ value: number | null; unit: string }[]> {
  const facts: { value: number | null; unit: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const { facts: page } = await ok(
      `query ($where: FactWhere, $after: String) {
        facts(where: $where, first: 100, after: $after) {
          edges { node { value unit } } pageInfo { hasNextPage endCursor } }
      }`,
      { where, after },
    );
    facts.push(...page.edges.map((e: Any) => e.node));
    if (!page.pageInfo.hasNextPage) return facts;
    after = page.pageInfo.endCursor;
  }
}

const AGGREGATE = "aggregate { count withValue units sum avg min max }";

describe("aggregate over one unit", () => {
  it("equals the facts of every page of the list, summed here", async () => {
    const wheres = [
      { variable: { key: { eq: "services-delivered" } }, unit: { eq: "COUNT" } },
      { value: { gte: 100, lt: 5000 }, unit: { eq: "COUNT" } },
      { variable: { key: { eq: "services-delivered" } }, statistic: { eq: "DAILY_AVERAGE" } },
    ];
    for (const where of wheres) {
      const { facts } = await ok(
        `query ($where: FactWhere) { facts(where: $where, first: 1) { totalCount ${AGGREGATE} } }`,
        { where },
      );
      const all = await factsOf(where);
      const values = all.map((f) => f.value).filter((v): v is number => v !== null);
      const sum = values.reduce((a, b) => a + b, 0);
      expect(values.length).toBeGreaterThan(0);
      expect(facts.aggregate).toMatchObject({
        count: all.length,
        withValue: values.length,
        units: [...new Set(all.map((f) => f.unit))],
        min: Math.min(...values),
        max: Math.max(...values),
      });
      expect(facts.aggregate.count).toBe(facts.totalCount);
      expect(facts.aggregate.sum).toBeCloseTo(sum, 6);
      expect(facts.aggregate.avg).toBeCloseTo(sum / values.length, 6);
    }
  });

  it("covers a parent's list with its restriction folded in", async () => {
    const { variable } = await ok(`{
      variable(key: "services-delivered") {
        facts(where: { statistic: { eq: TOTAL } }, first: 2) { totalCount aggregate { count units sum } }
      }
    }`);
    const all = await factsOf({
      variable: { key: { eq: "services-delivered" } },
      statistic: { eq: "TOTAL" },
    });
    expect(variable.facts.aggregate.count).toBe(all.length);
    expect(variable.facts.aggregate.count).toBe(variable.facts.totalCount);
    const { entity } = await ok(`{
      entity(key: "imss-bienestar") { facts(role: SCOPE, first: 1) { totalCount aggregate { count } } }
    }`);
    expect(entity.facts.aggregate.count).toBe(entity.facts.totalCount);
    expect(entity.facts.totalCount).toBeGreaterThan(0);
  });

  it("is read by one query per list, only when asked", async () => {
    const without = await ok(`{ facts(first: 1) { edges { node { key } } } }`);
    const twice = await ok(
      `{ facts(first: 1) { edges { node { key } } aggregate { count } again: aggregate { sum } } }`,
    );
    expect(twice.queries - without.queries).toBe(1);
  });
});

describe("aggregate over several units", () => {
  it("gives count and units, and refuses sum, avg, min and max naming the field and the units", async () => {
    const body = await ask(`{ facts(first: 1) { totalCount ${AGGREGATE} } }`);
    const aggregate = body.data.facts.aggregate;
    expect(aggregate.count).toBe(body.data.facts.totalCount);
    expect(aggregate.units.length).toBeGreaterThan(1);
    for (const field of ["sum", "avg", "min", "max"]) {
      expect(aggregate[field]).toBeNull();
      const error: Any = body.errors?.find(
        (e: Any) => e.path.join(".") === `facts.aggregate.${field}`,
      );
      expect(error.extensions.code).toBe("BAD_USER_INPUT");
      expect(error.message).toContain(`aggregate.${field}`);
      for (const unit of aggregate.units) expect(error.message).toContain(unit);
      expect(error.message).toMatch(/add unit: \{ eq: /);
    }
  });
});
