import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "./support/fingerprint.js";
import { startTestServer } from "./support/http.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { testDriver, testNeo4jEnv } from "./support/neo4j.js";

/** `npm run ingest`: a new document with its curated facts, validated like the seeds, loaded in one transaction. */

const ID = "900_ingest_test";
const TEXT =
  " date 2022-02-01 A test release: the Institute reported 1,531 Family Medicine Units (UMF) this month.";
const QUOTE = "1,531 Family Medicine Units (UMF)";

let driver: Driver;
let database: string | undefined;
let dir: string;

function factsYaml(value: number, quoteStart = TEXT.indexOf(QUOTE)) {
  return `documents:
  - { id: ${ID}, language: en }
facts:
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

function ingest(facts: string, id = ID, text = TEXT) {
  writeFileSync(join(dir, `${id}.txt`), text);
  writeFileSync(join(dir, "facts.yaml"), facts);
  return spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/curation/ingest-cli.ts",
      "--document",
      join(dir, `${id}.txt`),
      "--facts",
      join(dir, "facts.yaml"),
      "--by",
      "tester",
    ],
    {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        ...testNeo4jEnv(),
      },
    },
  );
}

async function cleanUp() {
  for (const [id, keys] of [
    [ID, ["ingest-test-umf-count"]],
    [ES_ID, ES_FACTS],
  ] as const) {
    await driver.executeQuery(
      `OPTIONAL MATCH (d:Document {id: $id}) DETACH DELETE d
       WITH 1 AS one UNWIND $keys AS key
       OPTIONAL MATCH (f:Fact {key: key}) OPTIONAL MATCH (f)-[:CITED_IN]->(c)
       OPTIONAL MATCH (ch:Change {target: key})
       DETACH DELETE f, c, ch`,
      { id, keys },
      { database },
    );
  }
  await rebuildFactSummaries(driver, database);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

// A short Spanish release written for this test, with its facts: figures written the Spanish
// way ("4 mil 873", "un millón 305 mil 431"), a qualifier ("más de"), a date and a phone number.
const ES_ID = "901_ingest_test_es";
const ES_TEXT =
  " date 2022-02-10 En enero de 2022 el Instituto otorgó más de 4 mil 873 consultas de Medicina Familiar en horario nocturno. " +
  "El programa IMSS-BIENESTAR opera 80 Hospitales Rurales, donde se hicieron un millón 305 mil 431 análisis clínicos. " +
  "Informes en el 800 623 2323.";
const ES_FACTS = ["ingest-test-es-nightly", "ingest-test-es-rural", "ingest-test-es-analyses"];

function spanishFactsYaml(analyses = 1_305_431): string {
  const at = (quote: string) => ES_TEXT.indexOf(quote);
  const fact = (
    key: string,
    variable: string,
    about: string,
    scope: string,
    statistic: string,
    value: number,
    quote: string,
    qualifier = "exact",
  ) => `  - key: ${key}
    variable: ${variable}
    about: ${about}
    scope: ${scope}
    period: january-2022
    statistic: ${statistic}
    value: ${value}
    unit: count
    qualifier: ${qualifier}
    citations:
      - { document: ${ES_ID}, quote: "${quote}", start: ${at(quote)} }
`;
  return `documents:
  - { id: ${ES_ID}, language: es, title: Una nota de prueba }
facts:
${fact("ingest-test-es-nightly", "services-delivered", "family-medicine-consultation", "imss", "total", 4873, "En enero de 2022 el Instituto otorgó más de 4 mil 873 consultas de Medicina Familiar", "more-than")}${fact("ingest-test-es-rural", "facility-count", "rural-hospital", "imss-bienestar", "stock", 80, "opera 80 Hospitales Rurales")}${fact("ingest-test-es-analyses", "services-delivered", "clinical-analysis", "imss-bienestar", "total", analyses, "un millón 305 mil 431 análisis clínicos")}`;
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

  it("refuses to ingest a document the graph already holds, and writes nothing", async () => {
    const before = await fingerprint(driver, database);
    // The same id with another text: loading it would move the words its citations point at.
    const text = TEXT.replace(" A test", " Another test");
    const result = ingest(factsYaml(1531, text.indexOf(QUOTE)), ID, text);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`the graph already holds ${ID} or one of its new facts .*nothing was written`),
    );
    expect(await fingerprint(driver, database)).toBe(before);
  }, 60_000);
});

describe("npm run ingest with a Spanish document", () => {
  it("reads the figures the Spanish way: a value the quote does not state is refused", async () => {
    const before = await fingerprint(driver, database);
    // 1,305 and 431 are what an English reading of "un millón 305 mil 431" would find.
    const result = ingest(spanishFactsYaml(305_431), ES_ID, ES_TEXT);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /facts\[2\] \(key: ingest-test-es-analyses\) at citations\[0\]\.quote: the quote does not state the value 305431: it states "un millón 305 mil 431" \(1305431\)/,
    );
    expect(await fingerprint(driver, database)).toBe(before);
  }, 60_000);

  it("ingests it, and the API gives its facts by the entities' Spanish names", async () => {
    const result = ingest(spanishFactsYaml(), ES_ID, ES_TEXT);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const server = await startTestServer(driver, database, {});
    try {
      const { body } = await server.graphql<Any>(
        `query ($id: String!) {
          document(key: $id) { language title }
          search(text: "hospitales rurales", first: 1) { edges { node { entity { key name(lang: ES) } } } }
        }`,
        { id: ES_ID },
      );
      expect(body.data?.document).toEqual({ language: "ES", title: "Una nota de prueba" });
      expect(body.data?.search.edges[0]?.node.entity).toEqual({
        key: "rural-hospital",
        name: "Hospital Rural",
      });
      const facts = await server.graphql<Any>(
        `query ($id: String!) {
          document(key: $id) {
            facts(first: 10) {
              edges { node { value isLowerBound about { name(lang: ES) } citations { quote start end } } }
            }
          }
        }`,
        { id: ES_ID },
      );
      expect(facts.body.errors).toBeUndefined();
      const rows = facts.body.data?.document.facts.edges.map((e: Any) => e.node) as Any[];
      expect(rows.map((f) => [f.about.name, f.value, f.isLowerBound]).sort()).toEqual(
        [
          ["Análisis clínico", 1_305_431, false],
          ["Consulta de Medicina Familiar", 4873, true],
          ["Hospital Rural", 80, false],
        ].sort(),
      );
      for (const f of rows)
        for (const c of f.citations) expect(ES_TEXT.slice(c.start, c.end)).toBe(c.quote);
    } finally {
      await server.close();
    }
  }, 60_000);
});
