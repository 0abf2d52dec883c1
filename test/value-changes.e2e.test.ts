import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { valueChangesOf, type SeriesFact } from "../src/model/check/value-changes.js";
import type { Statistic } from "../src/model/vocabulary.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { checkGraphAsFound } from "./support/fingerprint.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/**
 * A later release that restates one count of the graph and changes another
 * (test/fixtures/drafts/940_en_rural_update.txt): drafted through the API with RESTATES and
 * CHANGED against the right facts (their values, periods and sources given directly), ingested
 * through `ingestDocument`, then read back: `timeSeries` marks the change with both sources, and
 * `valueChanges` (the checks' list of changes between releases) lists it, as the rule's
 * TypeScript twin computes it from the graph's facts. What it writes is removed after it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const ID = "940_en_rural_update";
const TEXT = readFileSync(`test/fixtures/drafts/${ID}.txt`, "utf8");
const TOKEN = "value-changes-curator-token-0123456789";
const CURATOR = { authorization: `Bearer ${TOKEN}` };
const PERIOD = "day-2022-06-15";
const SEED_DOCUMENT = "000_c6cef239523a3d84";
const CHANGED_FROM = "rural-medical-unit-count-2022";
const CHANGED_TO = "940-en-rural-update-2-rural-medical-unit";

const { driver, database } = testDriver();
let server: TestServer;

/** Removes what the test wrote, by its keys: the document, its facts, citations, period and changes. */
async function cleanUp() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $id}) OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
     OPTIONAL MATCH (f:Fact) WHERE f.key STARTS WITH $prefix
     OPTIONAL MATCH (p:Entity {key: $period})
     OPTIONAL MATCH (ch:Change) WHERE ch.summary CONTAINS $id OR ch.target = $period
     DETACH DELETE d, c, f, p, ch`,
    { id: ID, prefix: "940-en-rural-update-", period: PERIOD },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

afterAll(() => driver.close());
checkGraphAsFound(() => ({ driver, database }), cleanUp);
beforeAll(async () => {
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
});
afterAll(async () => {
  await server.close();
});

const DRAFT = `query ($input: DraftInput!) {
  draft(input: $input) {
    yaml
    figures {
      value
      graph { kind value quote fact { key } period { key name } document { key } }
    }
  }
}`;

const SERIES = `query ($about: String!) {
  timeSeries(variable: "facility-count", about: $about) {
    key value period { key }
    citations { document { key } }
    changedFrom { key value period { key } citations { document { key } quote } }
  }
}`;

const CHANGES = `query ($after: String) {
  valueChanges(first: 2, after: $after) {
    edges { cursor node {
      difference
      from { key value period { key } citations { document { key } } }
      to { key value period { key } citations { document { key } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every change between releases, page after page. */
async function allChanges(): Promise<Any[]> {
  const nodes: Any[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: { body: Any } = await server.graphql<Any>(CHANGES, { after });
    expect(body.errors).toBeUndefined();
    nodes.push(...body.data.valueChanges.edges.map((e: Any) => e.node));
    if (!body.data.valueChanges.pageInfo.hasNextPage) return nodes;
    after = body.data.valueChanges.pageInfo.endCursor;
  }
}

/** The changes the rule's TypeScript twin finds among every fact of the graph. */
async function changesByTheRule(): Promise<{ from: string; to: string }[]> {
  const { records } = await driver.executeQuery(
    `MATCH (f:Fact)-[:ABOUT]->(a), (f)-[:DURING]->(p) WHERE NOT coalesce(f.deprecated, false)
     RETURN f.key AS key, a.key AS about, f.variable AS variable, f.statistic AS statistic,
       COLLECT { MATCH (f)-[:SCOPE]->(s) RETURN s.key }[0] AS scope, f.unit AS unit, f.value AS value,
       p {.key, start: toString(p.start), end: toString(p.end), .granularity} AS period,
       COLLECT { MATCH (f)-[:CITED_IN]->()-[:QUOTES]->(d) RETURN DISTINCT d.id } AS documents`,
    {},
    { database },
  );
  const facts = records.map((r) => ({
    ...(r.toObject() as Omit<SeriesFact, "statistic">),
    statistic: r.get("statistic") as Statistic,
  }));
  return valueChangesOf(facts).sort((a, b) => a.to.localeCompare(b.to));
}

describe("a release that restates and changes the graph's counts", () => {
  it("is drafted with RESTATES and CHANGED against the right facts, their values, periods and sources", async () => {
    const { body } = await server.graphql<Any>(DRAFT, { input: { id: ID, text: TEXT } }, CURATOR);
    expect(body.errors).toBeUndefined();
    expect(body.data.draft.figures.map((f: Any) => f.graph)).toEqual([
      {
        kind: "RESTATES",
        value: 80,
        fact: { key: "rural-hospital-count-2022" },
        period: { key: "jan-20-2022", name: "20 January 2022" },
        document: { key: SEED_DOCUMENT },
        quote: "the IMSS-BIENESTAR program, which has an infrastructure of 80 Rural Hospitals",
      },
      {
        kind: "CHANGED",
        value: 3622,
        fact: { key: CHANGED_FROM },
        period: { key: "jan-20-2022", name: "20 January 2022" },
        document: { key: SEED_DOCUMENT },
        quote: "3,622 Rural Medical Units",
      },
      {
        kind: "RESTATES",
        value: 19,
        fact: { key: "imss-bienestar-states-2022" },
        period: { key: "jan-20-2022", name: "20 January 2022" },
        document: { key: SEED_DOCUMENT },
        quote: "in 19 Federal entities",
      },
    ]);
    expect(body.data.draft.figures.map((f: Any) => f.value)).toEqual([80, 3701, 19]);
    expect(body.data.draft.yaml).toContain(
      `# changed from 3622 (jan-20-2022, ${SEED_DOCUMENT}: "3,622 Rural Medical Units"), fact ${CHANGED_FROM}`,
    );
    expect(body.data.draft.yaml).toMatch(/# restates 80 \(jan-20-2022, 000_c6cef239523a3d84: /);
  });

  it("once ingested, shows the change in timeSeries and valueChanges with both sources", async () => {
    expect(await allChanges()).toEqual([]);
    const { body: drafted } = await server.graphql<Any>(
      DRAFT,
      { input: { id: ID, text: TEXT } },
      CURATOR,
    );
    const { body } = await server.graphql<Any>(
      `mutation ($input: IngestInput!) { ingestDocument(input: $input) { facts { key value } } }`,
      { input: { id: ID, text: TEXT, facts: drafted.data.draft.yaml } },
      CURATOR,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestDocument.facts.map((f: Any) => f.value)).toEqual([80, 3701, 19]);

    // The series whose value changed: both points, each with its source; the later marks the change.
    const units = await server.graphql<Any>(SERIES, { about: "rural-medical-unit" });
    expect(units.body.errors).toBeUndefined();
    const points = units.body.data.timeSeries;
    expect(points.map((p: Any) => [p.key, p.value, p.period.key])).toEqual([
      [CHANGED_FROM, 3622, "jan-20-2022"],
      [CHANGED_TO, 3701, PERIOD],
    ]);
    expect(points[0].citations.map((c: Any) => c.document.key)).toEqual([SEED_DOCUMENT]);
    expect(points[1].citations.map((c: Any) => c.document.key)).toEqual([ID]);
    expect(points[0].changedFrom).toBeNull();
    expect(points[1].changedFrom).toEqual({
      key: CHANGED_FROM,
      value: 3622,
      period: { key: "jan-20-2022" },
      citations: [{ document: { key: SEED_DOCUMENT }, quote: "3,622 Rural Medical Units" }],
    });
    // A restated count is no change.
    const hospitals = await server.graphql<Any>(SERIES, { about: "rural-hospital" });
    expect(hospitals.body.data.timeSeries.map((p: Any) => p.changedFrom)).toEqual([null, null]);

    // The checks' list: the one change, both facts with their sources, as the rule says.
    const changes = await allChanges();
    expect(changes).toEqual([
      {
        difference: 79,
        from: {
          key: CHANGED_FROM,
          value: 3622,
          period: { key: "jan-20-2022" },
          citations: [{ document: { key: SEED_DOCUMENT } }],
        },
        to: {
          key: CHANGED_TO,
          value: 3701,
          period: { key: PERIOD },
          citations: [{ document: { key: ID } }],
        },
      },
    ]);
    expect(changes.map((c) => ({ from: c.from.key, to: c.to.key }))).toEqual(
      await changesByTheRule(),
    );
    const about = await server.graphql<Any>(
      `{ a: valueChanges(about: "rural-medical-unit") { edges { node { to { key } } } }
         b: valueChanges(about: "rural-hospital") { edges { node { to { key } } } } }`,
    );
    expect(about.body.data.a.edges.map((e: Any) => e.node.to.key)).toEqual([CHANGED_TO]);
    expect(about.body.data.b.edges).toEqual([]);
  });

  it("pages the list with cursors of its own, and refuses an unknown entity", async () => {
    const other = await server.graphql<Any>(`{ changes(first: 1) { pageInfo { endCursor } } }`);
    const cursor = other.body.data.changes.pageInfo.endCursor;
    if (cursor) {
      const { body } = await server.graphql<Any>(CHANGES, { after: cursor });
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const { body } = await server.graphql<Any>(
      `{ valueChanges(about: "nowhere") { edges { cursor } } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
