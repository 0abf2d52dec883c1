import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * Invalid `where` and `sort` arguments of entities and relation connections: a validation error
 * or BAD_USER_INPUT naming the offending input's path, never a 5xx (entity-where.e2e.test.ts
 * tests the answers).
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wheres and answers are walked freely
type Any = any;

async function send(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  return body;
}

const PAGE = `query ($where: EntityWhere, $sort: [EntitySort!]) {
  entities(where: $where, sort: $sort) { totalCount }
}`;

describe("invalid wheres and sorts: BAD_USER_INPUT or a validation error naming the input", () => {
  const deep = { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { key: { eq: "x" } } } } } } } } };
  const variableId = Buffer.from("Variable:services-delivered").toString("base64url");
  const cases: [string, Any, Any, string][] = [
    ["an id of another type", { key: { eq: variableId } }, null, "where.key.eq"],
    ["too deep", deep, null, `where${".NOT".repeat(7)}`],
    [
      "too long a list",
      { key: { in: Array.from({ length: 21 }, (_, i) => `k${i}`) } },
      null,
      "where.key.in",
    ],
    [
      "nested too deep in relatedTo",
      {
        relatedTo: {
          some: {
            entity: {
              relatedTo: { some: { entity: { relatedTo: { some: { entity: { NOT: {} } } } } } },
            },
          },
        },
      },
      null,
      `where${".relatedTo.some.entity".repeat(3)}.NOT`,
    ],
    ["two fields in a sort element", null, [{ key: "ASC", name: "DESC" }], "sort[0]"],
    ["five sort keys", null, Array.from({ length: 5 }, () => ({ key: "ASC" })), "sort"],
  ];
  it.each(cases)("%s", async (_, where, sort, argument) => {
    const body = await send(PAGE, { where, sort });
    expect(body.data?.entities ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });

  it("old and new arguments together, and fields that do not exist", async () => {
    const both = await send(`{ entities(filter: { text: "x" }, where: {}) { totalCount } }`);
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "filter",
    });
    for (const bad of [
      `{ entities(where: { key: { lt: "x" } }) { totalCount } }`,
      `{ entities(where: { colour: { eq: "red" } }) { totalCount } }`,
      `{ entity(key: "imss") { relations(where: { kind: { eq: NOTHING } }) { totalCount } } }`,
    ]) {
      const body = await send(bad);
      expect(body.data ?? null, bad).toBeNull();
      expect(body.errors?.[0]?.message, bad).toMatch(/lt|colour|NOTHING/);
    }
    const relation = await send(
      `{ entity(key: "imss") { relations(where: { key: { in: [${'"a",'.repeat(21)}] } }) { totalCount } } }`,
    );
    expect(relation.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.key.in",
    });
  });
});
