import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Db } from "../src/db/db.js";
import { createDriver } from "../src/db/driver.js";
import { draftDocument } from "../src/draft/draft.js";
import { readDraftGraph } from "../src/draft/draft-graph.js";
import { draftYaml } from "../src/draft/draft-yaml.js";
import { LocalNeo4j } from "../src/local-neo4j/local-neo4j.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";
import { freePort } from "./support/spawn-server.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";

/**
 * Backup and restore: seed, curate through the API (an entity, a fact, a link, a deprecation),
 * ingest a document (new facts, corroborations of the graph's, skips), back up with
 * `npm run backup`, load the backup with `npm run seed -- --from` into an EMPTY database (a
 * second Neo4j of this file's own: a free Bolt port, .data/neo4j-backup-test/), and compare every
 * node and relationship of the two graphs: entities, variables, documents, facts, citations,
 * relations, conflicts, checks and changes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const TOKEN = "backup-test-curator-token-0123456789";
const asCurator = { authorization: `Bearer ${TOKEN}` };
const RESTORE_DIR = ".data/neo4j-backup-test";
const RESTORE_PORT = await freePort();
const RESTORE_PASSWORD = "backup-test-password";
const DOC = "000_c6cef239523a3d84";
const docText = readFileSync(`seeds/documents/${DOC}.txt`, "utf8");
const INGESTED = "920_en_rural_network";
const PLACE = "backup-test-place";
const FACT = "backup-test-umae";

let driver: Driver;
let database: string | undefined;
let server: TestServer;
let restore: LocalNeo4j;
let restoreDriver: Driver;
let backupDir: string;

/** Runs a command-line tool of src/ with tsx against a database; never throws. */
function runCli(
  script: string,
  args: string[],
  target: { uri: string; username: string; password: string; database?: string | undefined },
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      {
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          NEO4J_URI: target.uri,
          NEO4J_USERNAME: target.username,
          NEO4J_PASSWORD: target.password,
          ...(target.database ? { NEO4J_DATABASE: target.database } : {}),
        },
      },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A canonical dump of a graph: every node (its labels and properties) and every relationship
 * (its ends by key or id, its type and properties), one line each, sorted, grouped by label.
 * Times are written as ISO strings.
 */
async function dump(from: Driver, db: string | undefined): Promise<Record<string, string[]>> {
  const stable = (value: unknown): string =>
    JSON.stringify(value, (_k, v: unknown) => {
      if (neo4j.isDateTime(v as never)) return String(v);
      if (v && typeof v === "object" && !Array.isArray(v))
        return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
      return v;
    });
  const read = async (query: string) =>
    (await from.executeQuery(query, {}, { database: db, routing: "READ" })).records.map((r) =>
      r.toObject(),
    );
  const groups: Record<string, string[]> = {};
  const add = (group: string, line: string) => (groups[group] ??= []).push(line);
  for (const n of await read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties"))
    add((n.labels as string[]).includes("Entity") ? "Entity" : String(n.labels), stable(n));
  for (const r of await read(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(a.key, a.id) AS from, type(r) AS type, coalesce(b.key, b.id) AS to,
       properties(r) AS properties`,
  ))
    add(`:${String(r.type)}`, stable(r));
  for (const lines of Object.values(groups)) lines.sort();
  return groups;
}

async function removeTestData() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $doc})
     OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
     OPTIONAL MATCH (ingested:Fact) WHERE ingested.key STARTS WITH '920-en-rural-network-'
     OPTIONAL MATCH (ingested)-[:CITED_IN]->(ic:Citation)
     DETACH DELETE d, c, ingested, ic
     WITH DISTINCT 1 AS one
     OPTIONAL MATCH (n) WHERE n.key IN $keys
     OPTIONAL MATCH (n)-[:CITED_IN]->(nc:Citation)
     DETACH DELETE n, nc
     WITH DISTINCT 1 AS one
     OPTIONAL MATCH (ch:Change) WHERE ch.target IN $keys OR ch.summary CONTAINS $doc
     DETACH DELETE ch`,
    { doc: INGESTED, keys: [PLACE, FACT] },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  await removeTestData();
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
  backupDir = join(mkdtempSync(join(tmpdir(), "imss-backup-test-")), "backup");
  rmSync(RESTORE_DIR, { recursive: true, force: true });
  restore = new LocalNeo4j({
    dir: RESTORE_DIR,
    boltPort: RESTORE_PORT,
    password: RESTORE_PASSWORD,
    heap: "512m",
    pageCache: "128m",
  });
  await restore.start();
  restoreDriver = createDriver({
    uri: restore.uri,
    username: "neo4j",
    password: RESTORE_PASSWORD,
  });
}, 180_000);

afterAll(async () => {
  await removeTestData();
  await server?.close();
  await driver?.close();
  await restoreDriver?.close();
  await restore?.stop();
  rmSync(RESTORE_DIR, { recursive: true, force: true });
  if (backupDir) rmSync(join(backupDir, ".."), { recursive: true, force: true });
}, 120_000);

describe("npm run backup, then npm run seed -- --from into an empty database", () => {
  it("restores the same graph: every entity, fact, citation, relation and change", async () => {
    // Curation through the API.
    const quote = "25 Highly Specialty Medical Units (UMAE)";
    const curated = await server.graphql<Any>(
      `mutation($entity: EntityInput!, $fact: FactInput!) {
        upsertEntity(input: $entity) { key }
        addFact(input: $fact) { key }
      }`,
      {
        entity: {
          key: PLACE,
          kind: "PLACE",
          name: "Backup test place",
          labels: [{ text: "Lugar de la prueba de respaldo", language: "ES", kind: "PREFERRED" }],
          description: "A place curated by the backup test.",
        },
        fact: {
          key: FACT,
          variable: "facility-count",
          about: "umae",
          scope: "imss",
          period: "jan-20-2022",
          statistic: "STOCK",
          value: 25,
          unit: "COUNT",
          note: "Added by the backup test.",
          citations: [{ document: DOC, quote, start: docText.indexOf(quote) }],
        },
      },
      asCurator,
    );
    expect(curated.body.errors).toBeUndefined();
    const linked = await server.graphql<Any>(
      `mutation {
        linkEntities(input: { from: "${PLACE}", type: LOCATED_IN, to: "mexico" }) { key }
        deprecateFact(key: "${FACT}", reason: "The backup test's duplicate of a seeded fact.") { deprecated }
      }`,
      {},
      asCurator,
    );
    expect(linked.body.errors).toBeUndefined();
    expect(linked.body.data.deprecateFact.deprecated).toBe(true);

    // A document ingested through the API: new facts, corroborations, skips.
    const text = readFileSync(`test/fixtures/drafts/${INGESTED}.txt`, "utf8");
    const doc = { id: INGESTED, date: text.slice(6, 16), language: "en" as const, text };
    const facts = draftYaml(draftDocument(doc, await readDraftGraph(new Db(driver, database))));
    expect(facts).toMatch(/^skips:/m);
    const ingested = await server.graphql<Any>(
      `mutation($input: IngestInput!) { ingestDocument(input: $input) { corroborated { key } } }`,
      { input: { id: INGESTED, text, facts } },
      asCurator,
    );
    expect(ingested.body.errors).toBeUndefined();
    expect(ingested.body.data.ingestDocument.corroborated.length).toBeGreaterThan(0);

    // The backup, from the shared database, passes the seed check and holds what was curated.
    const shared = inject("neo4j");
    const backup = await runCli("src/seed/backup-cli.ts", ["--to", backupDir], shared);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Backed up the graph into .*: 3 documents, .* It passes/);
    const bundle = await readSeeds(backupDir);
    expect(bundle.documents.find((d) => d.id === INGESTED)?.text).toBe(text);
    expect(bundle.facts.find((f) => f.key === FACT)?.deprecated?.reason).toBe(
      "The backup test's duplicate of a seeded fact.",
    );
    expect(bundle.skips.some((s) => s.document === INGESTED)).toBe(true);
    expect(bundle.changes.map((c) => c.action)).toEqual(
      expect.arrayContaining([
        "create-entity",
        "add-fact",
        "link-entities",
        "deprecate-fact",
        "add-citation",
      ]),
    );

    // Loaded into the empty database, it is the same graph.
    const target = { uri: restore.uri, username: "neo4j", password: RESTORE_PASSWORD };
    const restored = await runCli("src/seed/cli.ts", ["--from", backupDir], target);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    const original = await dump(driver, database);
    const copy = await dump(restoreDriver, undefined);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
    for (const group of Object.keys(original))
      expect(copy[group], `the ${group} of the restored graph`).toEqual(original[group]);
    for (const group of ["Entity", "Fact", "Citation", "Change", ":LOCATED_IN", ":CHANGED"])
      expect(original[group]?.length, group).toBeGreaterThan(0);

    // A second load into the now non-empty database is refused and writes nothing...
    const again = await runCli("src/seed/cli.ts", ["--from", backupDir], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/The database is not empty .* Nothing was written\. .*--replace/);
    expect(await dump(restoreDriver, undefined)).toEqual(copy);

    // ...unless told to replace what it holds.
    const replaced = await runCli("src/seed/cli.ts", ["--from", backupDir, "--replace"], target);
    expect(replaced.stderr).toBe("");
    expect(replaced.status).toBe(0);
    expect(await dump(restoreDriver, undefined)).toEqual(original);
  }, 180_000);
});
