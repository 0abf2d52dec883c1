import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fingerprint } from "./support/fingerprint.js";
import { testDriver } from "./support/neo4j.js";

/** `npm run ingest`: a new document with its curated facts, validated like the seeds, loaded in one transaction. */

const ID = "900_ingest_test";
const TEXT =
  " date 2022-02-01 A test release: the Institute reported 1,531 Family Medicine Units (UMF) this month.";
const QUOTE = "1,531 Family Medicine Units (UMF)";

let driver: Driver;
let database: string | undefined;
let dir: string;

function factsYaml(value: number, quoteStart = TEXT.indexOf(QUOTE)) {
  return `facts:
  - key: ingest-test-umf-count
    variable: facility-count
    about: umf
    scope: imss
    period: jan-20-2022
    statistic: stock
    value: ${value}
    unit: count
    citations:
      - document: ${ID}
        quote: "${QUOTE}"
        start: ${quoteStart}
`;
}

function ingest(facts: string) {
  const neo4j = inject("neo4j");
  writeFileSync(join(dir, `${ID}.txt`), TEXT);
  writeFileSync(join(dir, "facts.yaml"), facts);
  return spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/curation/ingest-cli.ts",
      "--document",
      join(dir, `${ID}.txt`),
      "--facts",
      join(dir, "facts.yaml"),
      "--by",
      "tester",
    ],
    {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        NEO4J_URI: neo4j.uri,
        NEO4J_USERNAME: neo4j.username,
        NEO4J_PASSWORD: neo4j.password,
        ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
      },
    },
  );
}

async function cleanUp() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $id}) OPTIONAL MATCH (f:Fact {key: 'ingest-test-umf-count'})
     OPTIONAL MATCH (f)-[:CITED_IN]->(c) OPTIONAL MATCH (ch:Change {target: 'ingest-test-umf-count'})
     DETACH DELETE d, f, c, ch`,
    { id: ID },
    { database },
  );
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  dir = mkdtempSync(join(tmpdir(), "imss-ingest-test-"));
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run ingest", () => {
  it("refuses a facts file whose value the quote does not state, naming file and entry, and writes nothing", async () => {
    const before = await fingerprint(driver, database);
    const result = ingest(factsYaml(1532));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /zz-ingest-facts\.yaml: facts\[0\] \(key: ingest-test-umf-count\)/,
    );
    expect(await fingerprint(driver, database)).toBe(before);
  }, 60_000);

  it("ingests the document and its facts, and records who ingested them", async () => {
    const result = ingest(factsYaml(1531));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const { records } = await driver.executeQuery(
      `MATCH (f:Fact {key: 'ingest-test-umf-count'})-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document {id: $id})
       MATCH (ch:Change {target: f.key})
       RETURN f.value AS value, d.date AS date, substring(d.text, c.start, c.end - c.start) AS quoted, ch.by AS by`,
      { id: ID },
      { database },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { value: 1531, date: "2022-02-01", quoted: QUOTE, by: "tester" },
    ]);
  }, 60_000);
});
