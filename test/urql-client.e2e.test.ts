import { type Client, cacheExchange, createClient, fetchExchange, gql } from "@urql/core";
import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * A real GraphQL client, urql, against the real server, walked as a new user would: search,
 * the entity found, the same entity by its id, paths and a neighbourhood by ids, several nodes
 * at once with one unknown id, and Relay-style cursor pagination. Once with GET (urql's default
 * for queries; the CSRF header lets the server take it) and once with POST.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const CSRF = { "x-graphql-csrf": "1" };

function client(method: "GET" | "POST"): Client {
  return createClient({
    url: `${http.server.url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: method === "GET" ? "force" : false,
    fetchOptions: method === "GET" ? { headers: CSRF } : {},
    requestPolicy: "network-only",
  });
}

const SEARCH = gql`
  query Search($text: String!) {
    search(text: $text, kinds: [PROGRAM], first: 3) {
      edges {
        node {
          kind
          entity {
            id
            key
            name
          }
        }
      }
    }
  }
`;

const ENTITY = gql`
  query Entity($key: String!) {
    entity(key: $key) {
      id
      key
      name
      ... on Program {
        facilityTypes(first: 10) {
          edges {
            node {
              id
              key
            }
          }
        }
      }
    }
  }
`;

const NODE = gql`
  query Node($id: ID!) {
    node(id: $id) {
      id
      ... on Entity {
        key
        name
      }
    }
  }
`;

const PATHS = gql`
  query Paths($from: String!, $to: String!) {
    paths(from: $from, to: $to) {
      length
      nodeKeys
      steps {
        relation
        direction
      }
    }
  }
`;

const NEIGHBORHOOD = gql`
  query Neighborhood($id: String!) {
    neighborhood(id: $id, depth: 1) {
      center {
        id
        key
      }
      nodes {
        depth
        entity {
          id
          key
        }
      }
    }
  }
`;

const NODES = gql`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Entity {
        key
      }
    }
  }
`;

// Relay's way to page a list of one object: refetch it by id, `first` and `after`.
const FACTS_PAGE = gql`
  query FactsPage($id: ID!, $after: String) {
    node(id: $id) {
      id
      ... on Entity {
        facts(first: 4, after: $after) {
          totalCount
          edges {
            cursor
            node {
              id
              key
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

async function walk(urql: Client) {
  // 1. Search.
  const found = await urql.query(SEARCH, { text: "bienestar" }).toPromise();
  expect(found.error).toBeUndefined();
  const hit = found.data.search.edges.find((e: Any) => e.node.entity?.key === "imss-bienestar");
  expect(hit, JSON.stringify(found.data)).toBeTruthy();
  const { id, key } = hit.node.entity;

  // 2. The entity it found, by key, then by the id the search gave.
  const entity = await urql.query(ENTITY, { key }).toPromise();
  expect(entity.error).toBeUndefined();
  expect(entity.data.entity.id).toBe(id);
  const byId = await urql.query(ENTITY, { key: id }).toPromise();
  expect(byId.data).toEqual(entity.data);
  const rural = entity.data.entity.facilityTypes.edges.find(
    (e: Any) => e.node.key === "rural-hospital",
  ).node;

  // 3. node(id:).
  const node = await urql.query(NODE, { id }).toPromise();
  expect(node.error).toBeUndefined();
  expect(node.data.node).toMatchObject({ id, key, name: entity.data.entity.name });

  // 4. paths(from: id, to: id).
  const paths = await urql.query(PATHS, { from: id, to: rural.id }).toPromise();
  expect(paths.error).toBeUndefined();
  expect(paths.data.paths[0]).toMatchObject({
    length: 1,
    nodeKeys: ["imss-bienestar", "rural-hospital"],
    steps: [{ relation: "OPERATES", direction: "OUT" }],
  });

  // 5. neighborhood(id:).
  const around = await urql.query(NEIGHBORHOOD, { id }).toPromise();
  expect(around.error).toBeUndefined();
  expect(around.data.neighborhood.center).toEqual({ __typename: "Program", id, key });
  const neighbours = around.data.neighborhood.nodes.filter((n: Any) => n.depth === 1);
  expect(neighbours.map((n: Any) => n.entity.key)).toContain("rural-hospital");

  // 6. nodes(ids:) with one unknown id: the others come back, the unknown one is null with
  // its own NOT_FOUND error.
  const unknown = Buffer.from("Program:no-such-program", "utf8").toString("base64url");
  const ids = [id, unknown, ...neighbours.slice(0, 3).map((n: Any) => n.entity.id)];
  const nodes = await urql.query(NODES, { ids }).toPromise();
  expect(nodes.data.nodes).toHaveLength(ids.length);
  expect(nodes.data.nodes[1]).toBeNull();
  expect(nodes.data.nodes.filter((n: Any) => n !== null).map((n: Any) => n.id)).toEqual(
    ids.filter((i) => i !== unknown),
  );
  const errors = nodes.error?.graphQLErrors ?? [];
  expect(errors).toHaveLength(1);
  expect(errors[0]?.path).toEqual(["nodes", 1]);
  expect(errors[0]?.extensions).toMatchObject({ code: "NOT_FOUND", argument: "ids" });

  // 7. Relay-style pagination of the entity's facts, through node(id:): `after` the endCursor
  // of each page until hasNextPage is false.
  const seen: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 30; page += 1) {
    const result: Any = await urql.query(FACTS_PAGE, { id, after }).toPromise();
    expect(result.error).toBeUndefined();
    const { edges, pageInfo, totalCount } = result.data.node.facts;
    total = totalCount;
    seen.push(...edges.map((e: Any) => e.node.key));
    if (edges.length > 0) expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  expect(total).toBeGreaterThan(4);
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  expect([...seen].sort()).toEqual(seen);

  // A cursor of this list given to another list is refused, naming `after`.
  const foreign = await urql
    .query(
      gql`
        query ($after: String) {
          entities(first: 2, after: $after) {
            totalCount
          }
        }
      `,
      {
        after,
      },
    )
    .toPromise();
  expect(foreign.data?.entities ?? null).toBeNull();
  expect(foreign.error?.graphQLErrors[0]?.extensions).toMatchObject({
    code: "BAD_USER_INPUT",
    argument: "after",
  });
}

describe("urql, as a new user walks the API", () => {
  it("over GET with the CSRF header", async () => {
    await walk(client("GET"));
  });

  it("over POST", async () => {
    await walk(client("POST"));
  });

  it("a GET without the CSRF header is refused (a cross-site page cannot send it)", async () => {
    const urql = createClient({
      url: `${http.server.url}/graphql`,
      exchanges: [fetchExchange],
      preferGetMethod: "force",
    });
    const result = await urql.query(NODE, { id: "UHJvZ3JhbTppbXNz" }).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.message).toMatch(/CSRF|x-graphql-csrf|preflight/i);
  });
});
