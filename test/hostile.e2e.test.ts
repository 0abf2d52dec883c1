import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../src/server.js";
import { fingerprint } from "./support/fingerprint.js";
import { type GraphQLBody, startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/** Hostile and broken requests are refused with a 4xx or a GraphQL error, and the server keeps answering. */

let driver: Driver;
let database: string | undefined;
let server: TestServer;
let closed: TestServer;

beforeAll(async () => {
  ({ driver, database } = testDriver());
  server = await startTestServer(driver, database, {
    auth: {
      curatorToken: "hostile-test-token-0123456789",
      jwtSecret: undefined,
      jwtIssuer: undefined,
    },
    maxBodyBytes: 20_000,
  });
  closed = await startTestServer(driver, database, { graphiql: false, introspection: false });
});
afterAll(async () => {
  await server.close();
  await closed.close();
  await driver.close();
});

async function post(
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  const response = await fetch(`${server.url}/graphql`, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

const refusedWithError = async (
  query: string,
  pattern: RegExp,
  variables?: Record<string, unknown>,
) => {
  const { status, body } = await server.graphql(query, variables);
  expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  // Refused before execution (no data), or by the field's own argument check (the field null).
  expect(Object.values(body.data ?? {}).every((value) => value === null)).toBe(true);
  expect(body.errors?.[0]?.message).toMatch(pattern);
};

describe("hostile operations", () => {
  it("refuses deep nesting", async () => {
    let query = "key";
    for (let i = 0; i < 20; i += 1) query = `relations(first: 1) { edges { node { ${query} } } }`;
    await refusedWithError(`{ entity(key: "imss") { ${query} } }`, /fields deep/);
  });

  it("refuses an alias bomb", async () => {
    const aliases = Array.from(
      { length: 200 },
      (_, i) => `a${i}: entity(key: "imss") { key }`,
    ).join(" ");
    await refusedWithError(`{ ${aliases} }`, /alias/i);
  });

  it("refuses a fragment bomb (cyclic fragments)", async () => {
    await refusedWithError(
      `{ entity(key: "imss") { ...A } } fragment A on Entity { key ...B } fragment B on Entity { name ...A }`,
      /cycle|spread|itself/i,
    );
  });

  it("refuses a query too costly to run", async () => {
    const query = `{ entities(first: 100) { edges { node { relations(first: 100) { edges { node {
      relations(first: 100) { edges { node { facts(first: 100) { edges { node { key citations { quote } } } } } } } } } } } } } }`;
    await refusedWithError(query, /cost|complex/i);
  });

  it("refuses huge pages and directive floods", async () => {
    await refusedWithError(`{ entities(first: 100000) { totalCount } }`, /first|cost/i);
    const directives = Array.from({ length: 50 }, () => "@include(if: true)").join(" ");
    await refusedWithError(`{ __typename ${directives} }`, /directive/i);
  });

  it("refuses giant strings and variables by their size, before reading them", async () => {
    const giant = "x".repeat(50_000);
    const big = await post(
      JSON.stringify({ query: `{ search(text: "${giant}") { totalCount } }` }),
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).errors[0].extensions.code).toBe("BODY_TOO_LARGE");
    const vars = await post(
      JSON.stringify({
        query: "query($t: String!) { search(text: $t) { totalCount } }",
        variables: { t: giant },
      }),
    );
    expect(vars.status).toBe(413);
    await refusedWithError(
      `query($t: String!) { search(text: $t) { totalCount } }`,
      /at most 200/,
      { t: "y".repeat(5_000) },
    );
  });

  it("refuses a body of unknown size (chunked, no Content-Length) before reading it", async () => {
    // fetch sends a stream body chunked, without Content-Length.
    const chunks = ['{"query":"{ __typename }"', "}"];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toMatch(/Content-Length/);
    // The same operation with its length is answered.
    expect((await post('{"query":"{ __typename }"}')).status).toBe(200);
  });

  it("refuses malformed JSON, wrong content types and a missing query", async () => {
    expect((await post("{ not json")).status).toBe(400);
    const textPlain = await post('{"query":"{ __typename }"}', { "content-type": "text/plain" });
    expect(textPlain.status).toBeGreaterThanOrEqual(400);
    expect(textPlain.status).toBeLessThan(500);
    const xml = await post("<query/>", {
      "content-type": "application/xml",
      "x-graphql-csrf": "1",
    });
    expect(xml.status).toBeGreaterThanOrEqual(400);
    expect(xml.status).toBeLessThan(500);
    const noQuery = await post(JSON.stringify({ variables: {} }), {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
    });
    expect(noQuery.status).toBe(400);
  });

  it("refuses a mutation over GET and writes nothing", async () => {
    const before = await fingerprint(driver, database);
    const mutation = encodeURIComponent(
      `mutation { deprecateFact(key: "umf-count-2022", reason: "GET attack") { key } }`,
    );
    const response = await fetch(`${server.url}/graphql?query=${mutation}`, {
      headers: {
        accept: "application/json",
        "x-graphql-csrf": "1",
        authorization: "Bearer hostile-test-token-0123456789",
      },
    });
    expect(response.status).toBe(405);
    expect(await fingerprint(driver, database)).toBe(before);
  });

  it("refuses a GET without a preflight header (CSRF), saying what to send; answers one with it", async () => {
    const query = encodeURIComponent("{ __typename }");
    const plain = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: "application/json" },
    });
    expect(plain.status).toBe(403);
    const refusal = (await plain.json()) as GraphQLBody<unknown>;
    expect(refusal.errors?.[0]?.extensions?.code).toBe("CSRF_HEADER_REQUIRED");
    expect(refusal.errors?.[0]?.message).toMatch(/"x-graphql-csrf: 1"/);
    expect(refusal.errors?.[0]?.message).toMatch(/POST with "content-type: application\/json"/);
    // A form POST is refused as a GET is.
    const form = await post("query=%7B__typename%7D", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(403);
    const ok = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: "application/json", "x-graphql-csrf": "1" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ data: { __typename: "Query" } });
  });

  it("refuses a document nested deeper than the limit before parsing it, whatever its depth", async () => {
    const big = await startTestServer(driver, database, { maxBodyBytes: 1_000_000 });
    try {
      for (const depth of [2_000, 100_000]) {
        const list = `${"[".repeat(depth)}1${"]".repeat(depth)}`;
        const documents = [
          `query Q($v: [Int] = ${list}) { institute { key } }`,
          `{ entity(key: "imss") { relations(kinds: ${list}) { totalCount } } }`,
          `{ ${"{".repeat(depth)} }`,
          `${"(".repeat(depth)}`,
        ];
        for (const query of documents) {
          for (const accept of ["application/graphql-response+json", "application/json"]) {
            const response = await fetch(`${big.url}/graphql`, {
              method: "POST",
              headers: { "content-type": "application/json", accept },
              body: JSON.stringify({ query }),
            });
            const body = (await response.json()) as GraphQLBody<unknown>;
            expect(response.status, `${depth} deep, ${accept}`).toBe(
              accept === "application/json" ? 200 : 400,
            );
            expect(body.errors?.[0]?.extensions?.code).toBe("NESTING_TOO_DEEP");
            expect(body.errors?.[0]?.message).toMatch(
              new RegExp(`more than ${LIMITS.maxNesting} deep \\(line 1, column \\d+\\)`),
            );
          }
        }
      }
      // Brackets in strings, block strings and comments are not nesting.
      const quoted = "[".repeat(5_000);
      const { status, body } = await big.graphql(
        `# ${quoted}\n{ search(text: "imss ${"(".repeat(150)}") { totalCount } }`,
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const ok = await big.graphql(
        `query Q($t: String! = """imss ${"[".repeat(150)}""") { search(text: $t) { totalCount } }`,
      );
      expect(ok.status).toBe(200);
      expect(ok.body.errors).toBeUndefined();
    } finally {
      await big.close();
    }
  });

  it("keeps answering after all of it", async () => {
    const { status, body } = await server.graphql(`{ institute { key } }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ institute: { key: "imss" } });
  });
});

describe("limit errors", () => {
  /** One operation over each limit, with its code. */
  const overLimit = (): [string, string][] => {
    let deep = "key";
    for (let i = 0; i < 15; i += 1) deep = `relations(first: 1) { edges { node { ${deep} } } }`;
    return [
      [`{ entity(key: "imss") { ${deep} } }`, "QUERY_TOO_DEEP"],
      [
        `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: institute { key }`).join(" ")} }`,
        "TOO_MANY_ALIASES",
      ],
      [`{ ${"a ".repeat(3_100)}}`, "TOO_MANY_TOKENS"],
      [
        `{ __typename ${Array.from({ length: 30 }, () => "@include(if: true)").join(" ")} }`,
        "TOO_MANY_DIRECTIVES",
      ],
      [
        `{ entities(first: 100) { edges { node { relations(first: 100) { edges { node {
          relations(first: 100) { edges { node { key } } } } } } } } } }`,
        "QUERY_TOO_COMPLEX",
      ],
      [`{ ${"[".repeat(100)} }`, "NESTING_TOO_DEEP"],
    ];
  };

  it("carry their code and say what is wrong, without a misleading 'Syntax Error'", async () => {
    for (const [query, code] of overLimit()) {
      const { status, body } = await server.graphql(query);
      expect(status, code).toBe(400);
      expect(body.data, code).toBeUndefined();
      const error = body.errors?.find((e) => e.extensions?.code === code);
      expect(error, `${code}: ${JSON.stringify(body.errors)}`).toBeDefined();
      expect(error!.message).not.toMatch(/Syntax Error/);
      expect(error!.extensions?.limit).toEqual(expect.any(Number));
      for (const e of body.errors ?? []) expect(e.extensions?.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it("are request errors: 400 under application/graphql-response+json, 200 under application/json", async () => {
    for (const [query, code] of overLimit()) {
      for (const [accept, expected] of [
        ["application/graphql-response+json", 400],
        ["application/json", 200],
      ] as const) {
        const response = await post(JSON.stringify({ query }), {
          "content-type": "application/json",
          accept,
        });
        expect(response.status, `${code} ${accept}`).toBe(expected);
        expect(response.text).toContain(`"code":"${code}"`);
        expect(response.text).not.toContain('"data"');
      }
    }
  });

  it("the depth and cost found are numbers the client can compare with the limit", async () => {
    const cases = overLimit();
    const depth = await server.graphql(cases[0]![0]);
    // Too deep is also too costly: depth, what to change, comes first.
    const tooDeep = depth.body.errors?.[0];
    expect(tooDeep?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(depth.body.errors?.map((e) => e.extensions?.code)).toContain("QUERY_TOO_COMPLEX");
    expect(tooDeep?.extensions?.limit).toBe(LIMITS.maxDepth);
    expect(tooDeep?.extensions?.found).toBeGreaterThan(LIMITS.maxDepth);
    expect(tooDeep?.message).toContain(`${tooDeep?.extensions?.found as number} fields deep`);
    const cost = await server.graphql(cases[4]![0]);
    const found = cost.body.errors?.[0]?.extensions?.found as number;
    expect(Number.isInteger(found)).toBe(true);
    expect(found).toBeGreaterThan(LIMITS.maxCost);
  });
});

describe("exposure settings", () => {
  it("masks unexpected errors (no stack traces, no Cypher, no internal names)", async () => {
    // A database failure (a deliberately impossible transaction time) must not leak its details.
    const strict = await startTestServer(driver, database, { queryTimeoutMs: 100 });
    try {
      const { body } = await strict.graphql(
        `{ a: entities(first: 100) { totalCount edges { node { relations(first: 50) { totalCount } } } } }`,
      );
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/\.ts:\d+|\.js:\d+|MATCH|UNWIND|Neo\.|neo4j-driver/);
    } finally {
      await strict.close();
    }
    const missing = await server.graphql<{ node: unknown }>(`{ node(id: "RmFjdDp4") { id } }`);
    expect(missing.body.data).toEqual({ node: null });
  });

  it("turns off GraphiQL and introspection when configured", async () => {
    const page = await fetch(`${closed.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).not.toBe(200);
    const { body } = await closed.graphql(`{ __schema { types { name } } }`);
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const normal = await closed.graphql(`{ institute { key } }`);
    expect(normal.body.data).toEqual({ institute: { key: "imss" } });
  });
});

describe("operations", () => {
  it("serves liveness, readiness and Prometheus metrics", async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    await server.graphql(`{ __typename }`);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(
      /graphql_envelop_request_time_summary|graphql_yoga_http_duration/,
    );
  });

  it("echoes a request id", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "abc-123" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("abc-123");
  });
});
