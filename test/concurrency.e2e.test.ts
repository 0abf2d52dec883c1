import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBackup, writeBackup } from "../src/seed/backup.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { ENTITY_KINDS } from "../src/model/vocabulary.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { testDriver } from "./support/neo4j.js";

/**
 * Racing writes through the API, on the real server and Neo4j: WRITERS curators send the same
 * change at once. Creates of one key give exactly one success and a CONFLICT for every other
 * writer (never a merge of two); updates of one thing are written one after another, each
 * whole; no writer gets a 5xx or an internal error. Then the whole graph is backed up and read
 * back as the seed loader reads seeds: every quote at its offsets, every citation stating its
 * fact's value; and every entity node carries one kind. Everything written has keys of its own
 * (test-race-...) and is removed afterwards.
 */

const WRITERS = 20;
const TOKEN = "test-race-curator-token-0123456789";
const asCurator = { authorization: `Bearer ${TOKEN}` };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const ENTITY = "test-race-entity";
const CLINIC = "test-race-clinic";
const DOC = "test-race-doc";
const FACT = "test-race-fact";

/** Two versions of one new document: the same figures, at different offsets. */
const TEXTS = [
  " date 2022-01-20 \nA test survey of the north counted 417 rural clinics and 38 mobile teams.\n",
  " date 2022-01-20 \nIn the north, a survey made for a test counted 417 rural clinics, with 38 mobile teams.\n",
];

/** The facts file of an ingest of `text` as `id`: one fact per figure. */
function factsFile(text: string, id: string): string {
  const at = (quote: string) => text.indexOf(quote);
  const fact = (key: string, value: number, quote: string) => `  - key: ${key}
    variable: facility-count
    about: ${CLINIC}
    period: jan-20-2022
    statistic: stock
    value: ${value}
    unit: count
    citations:
      - document: ${id}
        quote: "${quote}"
        start: ${at(quote)}
`;
  return `documents:
  - id: ${id}
    language: en
facts:
${fact(`${FACT}-clinics`, 417, "417 rural clinics")}${fact(`${FACT}-teams`, 38, "38 mobile teams")}`;
}

let driver: Driver;
let database: string | undefined;
let server: TestServer;

async function removeTestData() {
  await driver.executeQuery(
    `MATCH (n) WHERE n.key STARTS WITH 'test-race-' OR n.id STARTS WITH 'test-race-'
       OR n.target STARTS WITH 'test-race-'
     OPTIONAL MATCH (n)-[:CITED_IN]->(c:Citation)
     DETACH DELETE n, c`,
    {},
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

/** Sends one operation from each of `inputs` at once; their answers, in the same order. */
async function race(query: string, inputs: Record<string, unknown>[]) {
  return Promise.all(inputs.map((variables) => server.graphql<Any>(query, variables, asCurator)));
}

/** Every answer is a 200 with data or with errors of the `allowed` codes, never internal. */
function expectClear(answers: { status: number; body: Any }[], allowed: string[]) {
  for (const { status, body } of answers) {
    expect(status, JSON.stringify(body)).toBe(200);
    for (const error of body.errors ?? []) {
      expect(allowed, JSON.stringify(error)).toContain(error.extensions?.code);
      expect(error.message).not.toMatch(/Unexpected error/);
    }
  }
}

const succeeded = (answers: { body: Any }[]) => answers.filter((a) => !a.body.errors);
const failed = (answers: { body: Any }[]) => answers.filter((a) => a.body.errors);

async function changesOf(target: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "MATCH (c:Change {target: $target}) RETURN c.action AS action ORDER BY c.at",
    { target },
    { database },
  );
  return records.map((r) => r.get("action") as string);
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  await removeTestData();
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
  // The entity the ingested facts are about.
  const { body } = await server.graphql<Any>(
    `mutation($input: EntityInput!) { upsertEntity(input: $input) { key } }`,
    {
      input: {
        key: CLINIC,
        kind: "FACILITY_TYPE",
        name: "Test rural clinic",
        labels: [{ text: "Clínica rural de prueba", language: "ES", kind: "PREFERRED" }],
        description: "A facility type made by the concurrency test.",
      },
    },
    asCurator,
  );
  expect(body.errors).toBeUndefined();
});
afterAll(async () => {
  await removeTestData();
  await server.close();
  await driver.close();
});

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { key kind name description } }`;
const KINDS = ["PLACE", "SERVICE", "CONDITION", "PROGRAM"];
const entityInput = (i: number, kind: string) => ({
  key: ENTITY,
  kind,
  name: `Test race entity ${i}`,
  labels: [{ text: `Entidad de carrera ${i}`, language: "ES", kind: "PREFERRED" }],
  description: `Written by racing writer ${i}.`,
});

describe(`${WRITERS} curators racing on shared keys`, () => {
  it("upsertEntity: racing creates of one key make one entity of one kind, the others are refused", async () => {
    const answers = await race(
      UPSERT,
      Array.from({ length: WRITERS }, (_, i) => ({
        input: entityInput(i, KINDS[i % KINDS.length] as string),
      })),
    );
    // A writer whose transaction began after the creation committed updates the entity if it
    // has its kind, and is refused if it has another: every other writer lost the race.
    expectClear(answers, ["CONFLICT", "BAD_USER_INPUT"]);
    const ok = succeeded(answers);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const kind = ok[0]?.body.data.upsertEntity.kind;
    for (const a of ok) expect(a.body.data.upsertEntity.kind).toBe(kind);
    for (const a of failed(answers)) {
      const error = a.body.errors[0];
      if (error.extensions.code === "CONFLICT") {
        expect(error.extensions.argument).toBe("input.key");
        expect(error.message).toMatch(`an entity with key "${ENTITY}"`);
      } else expect(error.message).toMatch(/kind cannot change/);
    }
    const changes = await changesOf(ENTITY);
    expect(changes.filter((c) => c === "create-entity")).toHaveLength(1);
    expect(changes.filter((c) => c === "update-entity")).toHaveLength(ok.length - 1);
    const { records } = await driver.executeQuery(
      "MATCH (n:Entity {key: $key}) RETURN n.kind AS kind, labels(n) AS labels",
      { key: ENTITY },
      { database },
    );
    expect(records).toHaveLength(1);
    expect((records[0]?.get("labels") as string[]).sort()).toEqual(
      ["Entity", records[0]?.get("kind")].sort(),
    );
  }, 60_000);

  it("upsertEntity: racing updates of one entity are each written whole, one after another", async () => {
    const { records: before } = await driver.executeQuery(
      "MATCH (n:Entity {key: $key}) RETURN n.kind AS kind",
      { key: ENTITY },
      { database },
    );
    const kind = (before[0]?.get("kind") as string).replace(/(?<=[a-z])(?=[A-Z])/g, "_");
    const answers = await race(
      UPSERT,
      Array.from({ length: WRITERS }, (_, i) => ({
        input: entityInput(100 + i, kind.toUpperCase()),
      })),
    );
    expectClear(answers, []);
    const { records } = await driver.executeQuery(
      "MATCH (n:Entity {key: $key}) RETURN n.name AS name, n.nameEs AS nameEs, n.description AS description",
      { key: ENTITY },
      { database },
    );
    const writer = /(\d+)$/.exec(records[0]?.get("name") as string)?.[1];
    expect(records[0]?.get("nameEs")).toBe(`Entidad de carrera ${writer}`);
    expect(records[0]?.get("description")).toBe(`Written by racing writer ${writer}.`);
  }, 60_000);

  it("ingestDocument: racing ingests of one new document make one document, the others are refused", async () => {
    const answers = await race(
      `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { key } facts { key } } }`,
      Array.from({ length: WRITERS }, (_, i) => {
        const text = TEXTS[i % TEXTS.length] as string;
        return { input: { id: DOC, text, facts: factsFile(text, DOC) } };
      }),
    );
    // The worker pool's queue is bounded: what does not fit in it is refused at once as busy
    // (RATE_LIMITED, nothing read or written); every other loser is a CONFLICT.
    expectClear(answers, ["CONFLICT", "RATE_LIMITED"]);
    expect(succeeded(answers)).toHaveLength(1);
    const conflicts = failed(answers).filter(
      (a) => a.body.errors[0].extensions.code === "CONFLICT",
    );
    expect(conflicts.length).toBeGreaterThan(0);
    for (const a of conflicts) {
      const error = a.body.errors[0];
      expect(["input.id", "input.facts"]).toContain(error.extensions.argument);
      expect(error.message).toMatch(new RegExp(`"(${DOC}|${FACT}-clinics|${FACT}-teams)"`));
      expect(error.message).toMatch(/nothing was changed/);
    }
    expect(await changesOf(`${FACT}-clinics`)).toEqual(["add-fact"]);
    // The stored text holds every ingested quote at its offsets.
    const { records } = await driver.executeQuery(
      `MATCH (d:Document {id: $id})<-[:QUOTES]-(c:Citation)
       RETURN substring(d.text, c.start, c.end - c.start) AS words, c.quote AS quote`,
      { id: DOC },
      { database },
    );
    expect(records).toHaveLength(2);
    for (const r of records) expect(r.get("words")).toBe(r.get("quote"));
  }, 120_000);

  it("addFact: racing adds of one new key make one fact with one citation, the others are refused", async () => {
    const { records: docs } = await driver.executeQuery(
      "MATCH (d:Document {id: $id}) RETURN d.text AS text",
      { id: DOC },
      { database },
    );
    const text = docs[0]?.get("text") as string;
    const cite = (value: number, quote: string) => ({
      key: FACT,
      variable: "facility-count",
      about: CLINIC,
      period: "jan-20-2022",
      statistic: "STOCK",
      value,
      unit: "COUNT",
      citations: [{ document: DOC, quote, start: text.indexOf(quote) }],
    });
    const answers = await race(
      `mutation($input: FactInput!) { addFact(input: $input) { key value } }`,
      Array.from({ length: WRITERS }, (_, i) => ({
        input: i % 2 === 0 ? cite(417, "417 rural clinics") : cite(38, "38 mobile teams"),
      })),
    );
    expectClear(answers, ["CONFLICT"]);
    expect(succeeded(answers)).toHaveLength(1);
    for (const a of failed(answers)) expect(a.body.errors[0].extensions.argument).toBe("input.key");
    const { records } = await driver.executeQuery(
      "MATCH (f:Fact {key: $key})-[:CITED_IN]->(c:Citation) RETURN f.value AS value, c.quote AS quote",
      { key: FACT },
      { database },
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.get("quote")).toMatch(String(records[0]?.get("value")));
    expect(await changesOf(FACT)).toEqual(["add-fact"]);
  }, 60_000);

  it("linkEntities: racing links of one pair make one link that keeps every field some writer set", async () => {
    const { records: docs } = await driver.executeQuery(
      "MATCH (d:Document {id: $id}) RETURN d.text AS text",
      { id: DOC },
      { database },
    );
    const text = docs[0]?.get("text") as string;
    const source = { document: DOC, quote: "the north", start: text.indexOf("the north") };
    const answers = await race(
      `mutation($input: LinkInput!) { linkEntities(input: $input) { key } }`,
      Array.from({ length: WRITERS }, (_, i) => ({
        input: {
          from: CLINIC,
          type: "LOCATED_IN",
          to: "mexico",
          ...(i % 3 === 0 ? { period: "jan-20-2022" } : {}),
          ...(i % 3 === 1 ? { source } : {}),
        },
      })),
    );
    expectClear(answers, []);
    const { records } = await driver.executeQuery(
      "MATCH (:Entity {key: $from})-[r:LOCATED_IN]->(:Entity {key: 'mexico'}) RETURN properties(r) AS p",
      { from: CLINIC },
      { database },
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.get("p")).toMatchObject({
      period: "jan-20-2022",
      sourceDocument: DOC,
      sourceQuote: "the north",
    });
    const changes = await changesOf(CLINIC);
    expect(changes.filter((c) => c === "link-entities")).toHaveLength(1);
    expect(changes.filter((c) => c === "update-link")).toHaveLength(WRITERS - 1);
  }, 60_000);

  it("deprecateFact: racing deprecations of one fact are each written whole", async () => {
    const answers = await race(
      `mutation($key: String!, $reason: String!) { deprecateFact(key: $key, reason: $reason) { key } }`,
      Array.from({ length: WRITERS }, (_, i) => ({
        key: FACT,
        reason: `Deprecated by racing writer ${i}.`,
      })),
    );
    expectClear(answers, []);
    const { records } = await driver.executeQuery(
      "MATCH (f:Fact {key: $key}) RETURN f.deprecated AS deprecated, f.deprecatedReason AS reason",
      { key: FACT },
      { database },
    );
    expect(records[0]?.get("deprecated")).toBe(true);
    expect(records[0]?.get("reason")).toMatch(/^Deprecated by racing writer \d+\.$/);
    expect((await changesOf(FACT)).filter((c) => c === "deprecate-fact")).toHaveLength(WRITERS);
  }, 60_000);

  it("leaves a graph whose backup passes the seed check, every entity of one kind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "imss-race-backup-"));
    try {
      await writeBackup(dir, await readBackup(driver, database));
      // As the seed loader reads seeds: every quote at its offsets, every citation stating its
      // fact's value, every reference known. It throws, listing the problems, if any.
      const bundle = await readSeeds(dir);
      expect(bundle.facts.find((f) => f.key === FACT)?.citations).toHaveLength(1);
      expect(bundle.documents.find((d) => d.id === DOC)).toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const { records } = await driver.executeQuery(
      `MATCH (n:Entity)
       WITH n, [l IN labels(n) WHERE l IN $kinds] AS kinds
       WHERE size(kinds) <> 1 OR kinds[0] <> n.kind
       RETURN n.key AS key, labels(n) AS labels`,
      { kinds: [...ENTITY_KINDS] },
      { database },
    );
    expect(records.map((r) => [r.get("key"), r.get("labels")])).toEqual([]);
  }, 60_000);
});
