import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "./support/fingerprint.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/** Curation through the API: auth, validation as strict as the seed loader's, atomic writes, a change log. */

const TOKEN = "test-curator-token-0123456789";
const JWT_SECRET = "test-jwt-secret-0123456789-0123456789-abcdef";
const DOC = "000_c6cef239523a3d84";
const text = readFileSync(`seeds/documents/${DOC}.txt`, "utf8");
const at = (quote: string) => text.indexOf(quote);

let driver: Driver;
let database: string | undefined;
let server: TestServer;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const asCurator = { authorization: `Bearer ${TOKEN}` };

const ADD_FACT = `mutation($input: FactInput!) { addFact(input: $input) {
  key value unit citations { quote start end document { key } } history { by action }
} }`;

const umfFact = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  variable: "facility-count",
  about: "umf",
  scope: "imss",
  period: "jan-20-2022",
  statistic: "STOCK",
  value: 1531,
  unit: "COUNT",
  citations: [
    {
      document: DOC,
      quote: "1,531 Family Medicine Units (UMF)",
      start: at("1,531 Family Medicine Units (UMF)"),
    },
  ],
  ...overrides,
});

async function removeTestData() {
  await driver.executeQuery(
    `MATCH (n) WHERE n.key STARTS WITH 'test-curation-' OR n.target STARTS WITH 'test-curation-'
     OPTIONAL MATCH (n)-[:CITED_IN]->(c:Citation)
     DETACH DELETE n, c`,
    {},
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  await removeTestData();
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: JWT_SECRET, jwtIssuer: undefined },
  });
});
afterAll(async () => {
  await removeTestData();
  await server.close();
  await driver.close();
});

describe("writes need a curator's bearer token", () => {
  it("refuses a write without credentials, or with bad ones, and changes nothing", async () => {
    const before = await fingerprint(driver, database);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer not-the-token" },
      { authorization: "Basic abc" },
    ];
    for (const headers of attempts) {
      const { status, body } = await server.graphql<Any>(
        ADD_FACT,
        { input: umfFact("test-curation-denied") },
        headers,
      );
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.errors?.[0]?.message).toMatch(/Nothing was changed/);
    }
    expect(await fingerprint(driver, database)).toBe(before);
  });

  it("accepts a JWT with a curator claim and records its subject; refuses one without", async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("ana.curator")
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(JWT_SECRET));
    const upsert = `mutation($input: EntityInput!) {
      upsertEntity(input: $input) {
        key name nameEs: name(lang: ES) labels { text language kind source } history { by action }
      }
    }`;
    const input = {
      key: "test-curation-place",
      kind: "PLACE",
      name: "Test place",
      labels: [
        { text: "Lugar de prueba", language: "ES", kind: "PREFERRED" },
        { text: "LDP", language: "ES", kind: "ACRONYM" },
      ],
      description: "A place made by a test.",
    };

    const denied = await server.graphql<Any>(
      upsert,
      { input },
      { authorization: `Bearer ${await sign({})}` },
    );
    expect(denied.body.errors?.[0]?.message).toMatch(/does not make its holder a curator/);

    const { body } = await server.graphql<Any>(
      upsert,
      { input },
      { authorization: `Bearer ${await sign({ curator: true })}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.upsertEntity.history).toEqual([
      { by: "ana.curator", action: "create-entity" },
    ]);
    expect(body.data.upsertEntity.nameEs).toBe("Lugar de prueba");
    expect(body.data.upsertEntity.labels).toEqual([
      { text: "Test place", language: "EN", kind: "PREFERRED", source: "CURATED" },
      { text: "Lugar de prueba", language: "ES", kind: "PREFERRED", source: "CURATED" },
      { text: "LDP", language: "ES", kind: "ACRONYM", source: "CURATED" },
    ]);

    // Without a Spanish name, the entity is refused, and the error names the labels.
    const noSpanish = await server.graphql<Any>(
      upsert,
      { input: { ...input, key: "test-curation-place-2", labels: [] } },
      { authorization: `Bearer ${await sign({ curator: true })}` },
    );
    expect(noSpanish.body.errors?.[0]?.message).toMatch(
      /labels: needs exactly one preferred label in "es"/,
    );
    expect(noSpanish.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("curation", () => {
  it("adds a fact with its citation, records who and when, and deprecates it with a reason", async () => {
    const { body } = await server.graphql<Any>(
      ADD_FACT,
      { input: umfFact("test-curation-umf") },
      asCurator,
    );
    expect(body.errors).toBeUndefined();
    const fact = body.data.addFact;
    expect(fact.value).toBe(1531);
    expect(text.slice(fact.citations[0].start, fact.citations[0].end)).toBe(
      fact.citations[0].quote,
    );
    expect(fact.history).toEqual([{ by: "shared-token", action: "add-fact" }]);

    const deprecate = await server.graphql<Any>(
      `mutation { deprecateFact(key: "test-curation-umf", reason: "A test's duplicate of umf-count-2022.") { deprecated history { action } } }`,
      {},
      asCurator,
    );
    expect(deprecate.body.data.deprecateFact.deprecated).toBe(true);
    expect(deprecate.body.data.deprecateFact.history.map((h: Any) => h.action)).toEqual([
      "deprecate-fact",
      "add-fact",
    ]);

    const reads = await server.graphql<Any>(`{
      shown: facts(filter: { about: "umf", scope: "imss" }) { edges { node { key } } }
      all: facts(filter: { about: "umf", scope: "imss", includeDeprecated: true }) { edges { node { key deprecated deprecatedReason } } }
      changes(target: "test-curation-umf") { edges { node { by action at summary } } }
    }`);
    expect(reads.body.data.shown.edges.map((e: Any) => e.node.key)).not.toContain(
      "test-curation-umf",
    );
    const mine = reads.body.data.all.edges.find((e: Any) => e.node.key === "test-curation-umf");
    expect(mine.node.deprecatedReason).toMatch(/duplicate/);
    expect(reads.body.data.changes.edges).toHaveLength(2);
    expect(Date.parse(reads.body.data.changes.edges[0].node.at)).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });

  it("links two entities with the fact that gives the link's figure", async () => {
    const { body } = await server.graphql<Any>(
      `mutation { linkEntities(input: { from: "test-curation-place", type: LOCATED_IN, to: "mexico" }) {
        key relations(types: [LOCATED_IN]) { edges { node { key } direction } } } }`,
      {},
      asCurator,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.linkEntities.relations.edges).toEqual([
      { node: { key: "mexico" }, direction: "OUT" },
    ]);
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      "a quote not in its document",
      { citations: [{ document: DOC, quote: "1,531 Family Clinics", start: 5 }] },
      /quote/,
    ],
    [
      "a quote at the wrong offset",
      { citations: [{ document: DOC, quote: "1,531 Family Medicine Units (UMF)", start: 3 }] },
      /offset/,
    ],
    ["an unknown entity key", { about: "no-such-facility" }, /no-such-facility/],
    [
      "an unknown document",
      { citations: [{ document: "999_nope", quote: "1,531", start: 0 }] },
      /999_nope/,
    ],
    ["a value the quote does not state", { value: 1532 }, /1532|1,532|value/],
    ["a wrong unit", { unit: "PESOS" }, /unit/],
  ];
  for (const [name, overrides, reason] of refused) {
    it(`refuses ${name}, says where, and leaves the graph exactly as it was`, async () => {
      const before = await fingerprint(driver, database);
      const { status, body } = await server.graphql<Any>(
        ADD_FACT,
        { input: umfFact("test-curation-bad", overrides) },
        asCurator,
      );
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toMatch(reason);
      expect(await fingerprint(driver, database)).toBe(before);
    });
  }

  it("refuses a fact whose key exists with a CONFLICT naming the key, and changes nothing", async () => {
    const before = await fingerprint(driver, database);
    const { status, body } = await server.graphql<Any>(
      ADD_FACT,
      { input: umfFact("umf-count-2022") },
      asCurator,
    );
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", argument: "input.key" });
    expect(body.errors?.[0]?.message).toMatch(/"umf-count-2022" already exists/);
    expect(await fingerprint(driver, database)).toBe(before);
  });

  it("refuses to change an entity's kind", async () => {
    const before = await fingerprint(driver, database);
    const { body } = await server.graphql<Any>(
      `mutation { upsertEntity(input: { key: "umf", kind: PROGRAM, name: "x", labels: [], description: "y" }) { key } }`,
      {},
      asCurator,
    );
    expect(body.errors?.[0]?.message).toMatch(/kind cannot change/);
    expect(await fingerprint(driver, database)).toBe(before);
  });
});

describe("a curator's bad input gets a clear error naming where, never an internal one", () => {
  const INGEST = `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { key } } }`;
  const text = " date 2022-01-20 \nA test document without any figure in it.\n";
  const ingest = (facts: string) =>
    server.graphql<Any>(INGEST, { input: { id: "test-curation-doc", text, facts } }, asCurator);

  async function expectRefused(
    answer: Promise<{ status: number; body: Any }>,
    argument: string,
    message: RegExp,
  ) {
    const before = await fingerprint(driver, database);
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions, JSON.stringify(body)).toMatchObject({
      code: "BAD_USER_INPUT",
      argument,
    });
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(await fingerprint(driver, database)).toBe(before);
  }

  it("refuses a facts file whose YAML aliases expand exponentially (billion laughs)", async () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const bomb = levels
      .map((name, i) =>
        i === 0
          ? `  - &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`
          : `  - &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(", ")}]`,
      )
      .join("\n");
    const started = Date.now();
    await expectRefused(ingest(`facts:\n${bomb}\n`), "input.facts", /aliases .* expand too much/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a null entry of a facts file, naming it", async () => {
    await expectRefused(
      ingest("facts: [null]\n"),
      "input.facts",
      /facts\[0\] must be a mapping .* it is null/,
    );
  });

  it("refuses an entity property that would set a field the graph relies on, naming its path", async () => {
    const facts = `documents:
  - { id: test-curation-doc, language: en }
entities:
  - key: test-curation-reserved
    kind: Place
    labels:
      - { text: Reserved place, language: en, kind: preferred, from: curated }
      - { text: Lugar reservado, language: es, kind: preferred, from: curated }
    description: A place whose properties try to change its kind.
    properties: { kind: Program, name: Another name }
`;
    await expectRefused(
      ingest(facts),
      "input.facts",
      /input\.facts: entities\[0\] \(key: test-curation-reserved\) at properties\.kind: "kind" is reserved/,
    );
  });

  it("refuses an oversized name with its argument and the maximum", async () => {
    await expectRefused(
      server.graphql<Any>(
        `mutation($input: EntityInput!) { upsertEntity(input: $input) { key } }`,
        {
          input: {
            key: "test-curation-long",
            kind: "PLACE",
            name: "n".repeat(9000),
            labels: [{ text: "Nombre", language: "ES", kind: "PREFERRED" }],
            description: "A place with a very long name.",
          },
        },
        asCurator,
      ),
      "input.name",
      /input\.name: must be at most 200 characters/,
    );
  });

  it("refuses an oversized key, quote or note of a fact with their arguments", async () => {
    for (const [overrides, argument] of [
      [{ key: `test-curation-${"k".repeat(200)}` }, "input.key"],
      [{ note: "n".repeat(5000) }, "input.note"],
      [
        { citations: [{ document: DOC, quote: "q".repeat(5000), start: 0 }] },
        "input.citations[0].quote",
      ],
    ] as const)
      await expectRefused(
        server.graphql<Any>(
          ADD_FACT,
          { input: umfFact("test-curation-big", overrides) },
          asCurator,
        ),
        argument,
        /must be at most \d+ characters/,
      );
  });

  it("keeps what linking again does not set: the link's period and source", async () => {
    const link = (extra: string) =>
      server.graphql<Any>(
        `mutation { linkEntities(input: { from: "test-curation-place", type: LOCATED_IN, to: "mexico"${extra} }) { key } }`,
        {},
        asCurator,
      );
    const quote = "Family Medicine Units";
    const source = `, source: { document: "${DOC}", quote: "${quote}", start: ${at(quote)} }`;
    expect((await link(`, period: "jan-20-2022"${source}`)).body.errors).toBeUndefined();
    expect((await link("")).body.errors).toBeUndefined();
    const { records } = await driver.executeQuery(
      `MATCH (:Entity {key: "test-curation-place"})-[r:LOCATED_IN]->(:Entity {key: "mexico"})
       RETURN properties(r) AS p`,
      {},
      { database },
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.get("p")).toMatchObject({
      period: "jan-20-2022",
      sourceDocument: DOC,
      sourceQuote: quote,
    });
    const changes = await server.graphql<Any>(
      `{ changes(target: "test-curation-place", first: 3) { edges { node { action } } } }`,
    );
    expect(changes.body.data.changes.edges.map((e: Any) => e.node.action).slice(0, 2)).toEqual([
      "update-link",
      "update-link",
    ]);
  });

  it("records a fact whose key is also an entity's on the fact only", async () => {
    const { body } = await server.graphql<Any>(
      ADD_FACT,
      { input: umfFact("test-curation-place") },
      asCurator,
    );
    expect(body.errors).toBeUndefined();
    const { records } = await driver.executeQuery(
      `MATCH (c:Change {target: "test-curation-place", action: "add-fact"})-[:CHANGED]->(t)
       RETURN labels(t) AS labels`,
      {},
      { database },
    );
    expect(records.map((r) => r.get("labels"))).toEqual([["Fact"]]);
  });
});
