import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { GRAPHIQL_TOUR } from "../src/graphiql-tour.js";
import { useTestServer } from "./support/http.js";

/**
 * The server runs a document with graphql-js the first time and compiled (graphql-jit) from
 * the second time on (src/plugins/use-compiled-execution.ts). Both must give the same
 * answers and the same errors at the same paths.
 */

const tour = parse(GRAPHIQL_TOUR).definitions.map((d) => [
  `tour: ${"name" in d && d.name ? d.name.value : "?"}`,
  print(d),
  {},
]);

/** Cases whose answer has errors (the others must answer without any). */
const FAILING = new Set([
  "nodes by global id (abstract types)",
  "an error in one field, data in the others",
  "a variable of the wrong type",
  "an argument out of range",
]);

const cases: [string, string, Record<string, unknown>][] = [
  ...(tour as [string, string, Record<string, unknown>][]),
  [
    "nested connections, interfaces and fragments",
    `query ($kinds: [EntityKind!]) {
      entities(first: 6, filter: { kinds: $kinds }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { __typename id key kind
          ... on Program { runBy(first: 2) { edges { node { key } } } }
          relations(first: 3, direction: OUT) { totalCount edges { type direction node { key } } }
          facts(first: 2) { edges { node { key value unit statistic qualifiers
            citations { quote start end garbled note document { key } } } } }
        } }
      }
    }`,
    { kinds: ["PROGRAM", "ORGANIZATION"] },
  ],
  [
    "a link's fields selected through a fragment and @include",
    `query ($withLinks: Boolean!) {
      entity(key: "imss-bienestar") {
        relations(first: 20) { edges { node { key } ...Link @include(if: $withLinks) } }
      }
    }
    fragment Link on EntityRelationEdge { type direction fact { value } }`,
    { withLinks: true },
  ],
  [
    "nodes by global id (abstract types)",
    `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Entity { key name } ... on Fact { key value } } }`,
    { ids: ["imss", "imss-bienestar", "rural-hospital"] },
  ],
  [
    "an error in one field, data in the others",
    `{\r\n  ok: entity(key: "imss") { key }\n  missing: entity(key: "no-such-thing") { key }\n}`,
    {},
  ],
  [
    "a variable of the wrong type",
    `query ($first: Int) { entities(first: $first) { totalCount } }`,
    { first: "ten" },
  ],
  ["an argument out of range", `{ paths(from: "imss", to: "umf", maxHops: 99) { length } }`, {}],
];

describe("compiled execution gives what graphql-js gives", () => {
  const http = useTestServer();

  for (const [name, query, variables] of cases) {
    it(name, async () => {
      // Status, data and errors must match. The number of Cypher queries is left out: where
      // an operation has parallel branches (conflicts and checks both reading facts), whether
      // two branches' loads share a batch depends on which answer Neo4j sends first.
      const answer = async () => {
        const { status, body } = await http.server.graphql(query, variables);
        return { status, data: body.data, errors: body.errors };
      };
      const first = await answer();
      const second = await answer();
      const third = await answer();
      if (FAILING.has(name)) expect(first.errors?.length).toBeGreaterThan(0);
      else expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
      expect(second).toEqual(first);
      expect(third).toEqual(first);
    });
  }

  it("really answers (the cases above are not all errors)", async () => {
    const { body } = await http.server.graphql<{ entity: { key: string } }>(
      `{ entity(key: "imss") { key } }`,
    );
    expect(body.data?.entity.key).toBe("imss");
  });
});
