import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/**
 * Targets and percents end to end: a release with a goal, what was reached of it (a count and a
 * percent) and a share of what was reached, ingested through ingestDocument; a later release whose
 * progress is a percent of the graph's goal; read back through GraphQL (percentOf, percents),
 * aggregates and groups (never a target added to an achievement, a percent to a count) and the
 * exports.
 */

const TOKEN = "test-targets-curator-token-0123456789";
const asCurator = { authorization: `Bearer ${TOKEN}` };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const DOC = "test-targets-doc";
const TEXT =
  " date 2022-03-15 Para 2022, el IMSS prevé alcanzar 18 millones de consultas de Medicina" +
  " Familiar. Al 15 de marzo se otorgaron 3 millones 780 mil consultas de Medicina Familiar, un 21" +
  " por ciento de avance de la meta anual. El 40 por ciento de ellas se otorgaron en el turno" +
  " vespertino.";
const LATER = "test-targets-later";
const LATER_TEXT =
  " date 2022-06-30 El avance de la meta anual de consultas de Medicina Familiar fue de 48 por ciento.";
const PERIOD = "test-targets-to-mar-15-2022";
const KEYS = {
  goal: "test-targets-goal",
  reached: "test-targets-reached",
  progress: "test-targets-progress",
  share: "test-targets-share",
  later: "test-targets-later-progress",
};

const cite = (doc: string, text: string, quote: string) =>
  `[{ document: ${doc}, quote: "${quote}", start: ${text.indexOf(quote)} }]`;

function fact(key: string, fields: string, quote: string, doc = DOC, text = TEXT): string {
  return `  - { key: ${key}, about: family-medicine-consultation, scope: imss, ${fields},
      citations: ${cite(doc, text, quote)} }\n`;
}

const skip = (raw: string, from: string, reason: string) =>
  `  - { document: ${DOC}, raw: "${raw}", start: ${TEXT.indexOf(from)}, reason: "${reason}" }\n`;

const FACTS = `documents:
  - { id: ${DOC}, language: es }
skips:
${skip("2022", "2022, el IMSS", "the year of the goal, its period")}${skip("15", "15 de marzo", "the day up to which the figures run, their period's end")}entities:
  - key: ${PERIOD}
    kind: TimePeriod
    labels:
      - { text: 1 January to 15 March 2022, language: en, kind: preferred, from: curated }
      - { text: Del 1 de enero al 15 de marzo de 2022, language: es, kind: preferred, from: curated }
    description: A period of the targets test.
    start: "2022-01-01"
    end: "2022-03-15"
    granularity: range
facts:
${fact(KEYS.goal, "variable: services-delivered, period: year-2022, statistic: target, value: 18000000, unit: count", "prevé alcanzar 18 millones de consultas de Medicina Familiar")}${fact(KEYS.reached, `variable: services-delivered, period: ${PERIOD}, statistic: cumulative, value: 3780000, unit: count`, "3 millones 780 mil consultas de Medicina Familiar")}${fact(KEYS.progress, `variable: target-progress, period: ${PERIOD}, statistic: cumulative, value: 21, unit: percent, percentOf: ${KEYS.goal}`, "21 por ciento de avance de la meta anual")}${fact(KEYS.share, `variable: share-of-total, period: ${PERIOD}, statistic: cumulative, value: 40, unit: percent, percentOf: ${KEYS.reached}`, "40 por ciento de ellas se otorgaron en el turno vespertino")}`;

const LATER_FACTS = `documents:
  - { id: ${LATER}, language: es }
facts:
${fact(KEYS.later, `variable: target-progress, period: year-2022, statistic: cumulative, value: 48, unit: percent, percentOf: ${KEYS.goal}`, "avance de la meta anual de consultas de Medicina Familiar fue de 48 por ciento", LATER, LATER_TEXT)}`;

const INGEST = `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { key } } }`;
const ALL = Object.values(KEYS);

let driver: Driver;
let database: string | undefined;
let server: TestServer;

async function removeTestData() {
  await driver.executeQuery(
    `MATCH (n) WHERE n.key STARTS WITH 'test-targets-' OR n.id STARTS WITH 'test-targets-'
       OR n.target STARTS WITH 'test-targets-'
     OPTIONAL MATCH (n)-[:CITED_IN]->(c:Citation)
     DETACH DELETE n, c`,
    {},
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Any> {
  const { status, body } = await server.graphql<Any>(query, variables);
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  ({ driver, database } = testDriver());
  await removeTestData();
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
  for (const [id, text, facts] of [
    [DOC, TEXT, FACTS],
    [LATER, LATER_TEXT, LATER_FACTS],
  ]) {
    const { body } = await server.graphql<Any>(INGEST, { input: { id, text, facts } }, asCurator);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.ingestDocument.document.key).toBe(id);
  }
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTestData();
  await driver.close();
});

describe("targets and percents, ingested and read back", () => {
  it("gives a percent's fact and what it is a percent of, and a fact's percents", async () => {
    const data = await ok(
      `query($progress: String!, $goal: String!, $share: String!) {
        progress: fact(key: $progress) { statistic unit value percentOf { key statistic unit value } }
        share: fact(key: $share) { unit percentOf { key statistic } }
        goal: fact(key: $goal) { statistic unit value percentOf { key } percents { key value } }
      }`,
      { progress: KEYS.progress, goal: KEYS.goal, share: KEYS.share },
    );
    expect(data.progress).toEqual({
      statistic: "CUMULATIVE",
      unit: "PERCENT",
      value: 21,
      percentOf: { key: KEYS.goal, statistic: "TARGET", unit: "COUNT", value: 18_000_000 },
    });
    expect(data.share).toEqual({
      unit: "PERCENT",
      percentOf: { key: KEYS.reached, statistic: "CUMULATIVE" },
    });
    // The later release's progress is a percent of the goal the graph already held.
    expect(data.goal).toEqual({
      statistic: "TARGET",
      unit: "COUNT",
      value: 18_000_000,
      percentOf: null,
      percents: [
        { key: KEYS.later, value: 48 },
        { key: KEYS.progress, value: 21 },
      ],
    });
  });

  it("never adds a target to what was reached in an aggregate, from the facts or their summaries", async () => {
    const aggregate = `aggregate { count units sum }`;
    for (const where of [
      { key: { in: [KEYS.goal, KEYS.reached] } },
      // Whole cells: answered from the facts' summaries.
      {
        variable: { key: { eq: "services-delivered" } },
        period: { key: { in: ["year-2022", PERIOD] } },
      },
    ]) {
      const { body } = await server.graphql<Any>(
        `query($where: FactWhere) { facts(where: $where) { ${aggregate} } }`,
        { where },
      );
      expect(body.data.facts.aggregate.count).toBeGreaterThanOrEqual(2);
      expect(body.data.facts.aggregate.sum).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/mix targets \(goals\) with what was reached/);
      const targets = await ok(
        `query($where: FactWhere) { facts(where: $where) { ${aggregate} } }`,
        {
          where: { AND: [where, { statistic: { eq: "TARGET" } }] },
        },
      );
      expect(targets.facts.aggregate.sum).toBe(18_000_000);
      const reached = await ok(
        `query($where: FactWhere) { facts(where: $where) { ${aggregate} } }`,
        {
          where: { AND: [where, { NOT: { statistic: { eq: "TARGET" } } }] },
        },
      );
      expect(reached.facts.aggregate.sum).toBe(3_780_000);
    }
  });

  it("groups a target apart from what was reached, and a percent apart from a count", async () => {
    const data = await ok(
      `query($where: FactWhere) {
        factGroups(where: $where, groupBy: [STATISTIC], first: 10) {
          edges { node { statistic unit count sum } }
        }
      }`,
      { where: { key: { in: ALL } } },
    );
    const groups = data.factGroups.edges.map((e: Any) => e.node);
    expect(groups).toEqual(
      expect.arrayContaining([
        { statistic: "TARGET", unit: "COUNT", count: 1, sum: 18_000_000 },
        { statistic: "CUMULATIVE", unit: "COUNT", count: 1, sum: 3_780_000 },
        { statistic: "CUMULATIVE", unit: "PERCENT", count: 3, sum: 109 },
      ]),
    );
    expect(groups).toHaveLength(3);
    // Grouped by something else, a group that mixes a target with what was reached has no sum.
    for (const where of [
      { key: { in: [KEYS.goal, KEYS.reached] } },
      {
        variable: { key: { eq: "services-delivered" } },
        period: { key: { in: ["year-2022", PERIOD] } },
      },
    ]) {
      const { body } = await server.graphql<Any>(
        `query($where: FactWhere) {
          factGroups(where: $where, groupBy: [VARIABLE], first: 10) { edges { node { count sum } } }
        }`,
        { where },
      );
      const [group] = body.data.factGroups.edges.map((e: Any) => e.node);
      expect(group.count).toBeGreaterThanOrEqual(2);
      expect(group.sum).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/"factGroups.sum": the facts mix targets/);
    }
  });

  it("exports a target's statistic, a percent's unit and what it is a percent of", async () => {
    const where = encodeURIComponent(JSON.stringify({ key: { in: ALL } }));
    const csv = await (await fetch(`${server.url}/export/facts.csv?where=${where}`)).text();
    const [header, ...lines] = csv.trim().split("\r\n");
    const columns = (header ?? "").split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
    const row = (key: string) => rows.find((r) => r.fact === key) as Record<string, string>;
    expect(row(KEYS.goal)).toMatchObject({ statistic: "TARGET", unit: "COUNT", percent_of: "" });
    expect(row(KEYS.progress)).toMatchObject({ unit: "PERCENT", percent_of: KEYS.goal });
    expect(row(KEYS.share)).toMatchObject({ unit: "PERCENT", percent_of: KEYS.reached });

    const jsonld = JSON.parse(
      await (await fetch(`${server.url}/export/graph.jsonld?where=${where}`)).text(),
    );
    const node = (key: string) => jsonld["@graph"].find((n: Any) => n["schema:identifier"] === key);
    expect(node(KEYS.progress)["imss:percentOf"]["@id"]).toBe(node(KEYS.goal)["@id"]);
    expect(node(KEYS.goal)["imss:statistic"]).toBe("TARGET");
    expect(node(KEYS.progress)["schema:unitText"]).toBe("PERCENT");

    const ttl = await (await fetch(`${server.url}/export/graph.ttl?where=${where}`)).text();
    expect(ttl).toMatch(/imss:percentOf <[^>]+test-targets-goal>/);
  });
});
