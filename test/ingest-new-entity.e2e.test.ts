import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkGraphAsFound, fingerprint } from "./support/fingerprint.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { testDriver, testNeo4jEnv } from "./support/neo4j.js";

/**
 * `ingestDocument` with a facts file that adds an entity the graph lacks (a drafter's proposal
 * the curator accepted): written with the facts in one transaction, searchable at once in both
 * languages, the facts about it; refused, naming the figure, when its key exists or its kind is
 * unknown; nothing of it written when any entry is wrong. `npm run ingest` refuses a new entity
 * whose key the graph holds though the seeds lack it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const TOKEN = "ingest-new-entity-curator-token-0123456789";
const CURATOR = { authorization: `Bearer ${TOKEN}` };
const ID = "961_ingest_new_entity";
const TEXT =
  " date 2022-06-14 El programa IMSS-BIENESTAR cuenta con 63 Albergues Comunitarios, " +
  "donde en 2021 se brindaron 2 mil 410 hospedajes a mujeres embarazadas.";
const SHELTERS = "961-ingest-new-entity-1-community-shelter";
const GUESTS = "961-ingest-new-entity-2-community-shelter";
const NEW = "community-shelter";

const at = (quote: string) => TEXT.indexOf(quote);

/** The facts file: the new facility type, the link of its program, and its two facts. */
function factsFile(
  change: { key?: string; kind?: string; guests?: number } = {},
): Record<string, unknown> {
  const key = change.key ?? NEW;
  return {
    documents: [{ id: ID, language: "es" }],
    entities: [
      {
        key,
        kind: change.kind ?? "FacilityType",
        labels: [
          { text: "Community shelter", language: "en", kind: "preferred", from: "curated" },
          { text: "Albergue comunitario", language: "es", kind: "preferred", from: "curated" },
        ],
        description: `Proposed with ${ID}, from the words "Albergues Comunitarios"; named by the curator.`,
      },
    ],
    relations: [
      {
        from: "imss-bienestar",
        type: "OPERATES",
        to: key,
        fact: SHELTERS,
        period: "year-2022",
        source: { document: ID, quote: "63 Albergues Comunitarios", start: at("63 A") },
      },
    ],
    facts: [
      {
        key: SHELTERS,
        variable: "facility-count",
        about: key,
        scope: "imss-bienestar",
        period: "year-2022",
        statistic: "stock",
        value: 63,
        unit: "count",
        citations: [{ document: ID, quote: "63 Albergues Comunitarios", start: at("63 A") }],
      },
      {
        key: GUESTS,
        variable: "services-delivered",
        about: key,
        scope: "imss-bienestar",
        period: "year-2021",
        statistic: "total",
        value: change.guests ?? 2410,
        unit: "count",
        citations: [{ document: ID, quote: "2 mil 410 hospedajes", start: at("2 mil 410") }],
      },
    ],
    skips: [
      {
        document: ID,
        raw: "2021",
        start: at("2021"),
        reason: "a year: the period of the figure after it",
      },
    ],
  };
}

const INGEST = `mutation ($input: IngestInput!) {
  ingestDocument(input: $input) {
    document { key }
    entities { key kind name nameEs: name(lang: ES) }
    facts { key about { key } }
  }
}`;

const { driver, database } = testDriver();
let server: TestServer;

async function cleanUp() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $id}) OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
     OPTIONAL MATCH (f:Fact) WHERE f.key IN $facts
     OPTIONAL MATCH (e:Entity {key: $entity})
     OPTIONAL MATCH (ch:Change) WHERE ch.summary CONTAINS $id
     DETACH DELETE d, c, f, e, ch`,
    { id: ID, facts: [SHELTERS, GUESTS], entity: NEW },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

afterAll(() => driver.close());
const before = checkGraphAsFound(() => ({ driver, database }), cleanUp);
beforeAll(async () => {
  server = await startTestServer(driver, database, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
});
afterAll(async () => {
  await server.close();
});

const ingest = (file: Record<string, unknown>) =>
  server.graphql<Any>(
    INGEST,
    { input: { id: ID, text: TEXT, facts: JSON.stringify(file) } },
    CURATOR,
  );

describe("ingestDocument with a new entity", () => {
  it("leaves no new entity when its second fact is invalid: nothing is half-written", async () => {
    // 2400 is not what the quote states (2 mil 410 = 2410): the check refuses the second fact.
    const { body } = await ingest(factsFile({ guests: 2400 }));
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(
      new RegExp(`facts\\[1\\] \\(key: ${GUESTS}\\) at citations\\[0\\]\\.quote`),
    );
    expect(await fingerprint(driver, database)).toBe(before());
    const read = await server.graphql<Any>(`{ entity(key: "${NEW}") { key } }`);
    expect(read.body.data?.entity).toBeNull();
  });

  it("refuses a new entity whose key the graph holds, naming the figures about it", async () => {
    const { body } = await ingest(factsFile({ key: "rural-hospital" }));
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = body.errors?.[0]?.extensions?.problems as Any[];
    expect(problems.map((p) => [p.entry, p.path])).toEqual([
      [`facts[0] (key: ${SHELTERS})`, "about"],
      [`facts[1] (key: ${GUESTS})`, "about"],
    ]);
    expect(problems[0].reason).toBe(
      `its new entity entities[0] (key: rural-hospital): an entity with key "rural-hospital" is already in the graph: pick it instead, or give the new entity another key`,
    );
    expect(await fingerprint(driver, database)).toBe(before());
  });

  it("refuses a new entity whose kind is no entity kind, naming the figures about it", async () => {
    const { body } = await ingest(factsFile({ kind: "Shelter" }));
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain(
      `input.facts: facts[0] (key: ${SHELTERS}) at about: its new entity entities[0] (key: ${NEW}): its kind "Shelter" is none of Organization, Program, FacilityType, Service, Condition, Place, Person, TimePeriod`,
    );
    expect(await fingerprint(driver, database)).toBe(before());
  });

  it("writes it with its facts and its link in one transaction, searchable at once in both languages", async () => {
    const { body } = await ingest(factsFile());
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestDocument).toEqual({
      document: { key: ID },
      entities: [
        {
          key: NEW,
          kind: "FACILITY_TYPE",
          name: "Community shelter",
          nameEs: "Albergue comunitario",
        },
      ],
      facts: [
        { key: SHELTERS, about: { key: NEW } },
        { key: GUESTS, about: { key: NEW } },
      ],
    });

    const read = await server.graphql<Any>(
      `{
        entity(key: "${NEW}") { key kind name description }
        fact(key: "${SHELTERS}") { value about { key } scope { key } }
        en: search(text: "community shelters", first: 1) { edges { node { entity { key } } } }
        es: search(text: "albergues comunitarios", first: 1) { edges { node { entity { key name(lang: ES) } } } }
      }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.entity).toEqual({
      key: NEW,
      kind: "FACILITY_TYPE",
      name: "Community shelter",
      description: `Proposed with ${ID}, from the words "Albergues Comunitarios"; named by the curator.`,
    });
    expect(read.body.data.fact).toEqual({
      value: 63,
      about: { key: NEW },
      scope: { key: "imss-bienestar" },
    });
    expect(read.body.data.en.edges[0]?.node.entity).toEqual({ key: NEW });
    expect(read.body.data.es.edges[0]?.node.entity).toEqual({
      key: NEW,
      name: "Albergue comunitario",
    });

    const { records } = await driver.executeQuery(
      `MATCH (:Entity {key: 'imss-bienestar'})-[r:OPERATES]->(:Entity {key: $key})
       RETURN r.fact AS fact, r.period AS period, r.sourceDocument AS document`,
      { key: NEW },
      { database },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { fact: SHELTERS, period: "year-2022", document: ID },
    ]);
    const changes = await driver.executeQuery(
      "MATCH (c:Change) WHERE c.summary CONTAINS $id RETURN c.action AS action, c.target AS target",
      { id: ID },
      { database },
    );
    expect(changes.records.map((r) => `${r.get("action")} ${r.get("target")}`).sort()).toEqual([
      `add-fact ${SHELTERS}`,
      `add-fact ${GUESTS}`,
      `create-entity ${NEW}`,
      "link-entities imss-bienestar",
    ]);
  });
});

describe("npm run ingest with a new entity", () => {
  it("refuses one whose key the graph holds (though the seeds lack it), and writes nothing", async () => {
    // The key is the graph's since the API's ingest above, and no seed file's.
    const read = await server.graphql<Any>(`{ entity(key: "${NEW}") { key } }`);
    expect(read.body.data?.entity).toEqual({ key: NEW });
    const graphBefore = await fingerprint(driver, database);
    const id = "962_ingest_new_entity_cli";
    const dir = mkdtempSync(join(tmpdir(), "imss-ingest-new-entity-"));
    try {
      writeFileSync(join(dir, `${id}.txt`), TEXT);
      const file = JSON.stringify(factsFile())
        .replaceAll(ID, id)
        .replaceAll("961-ingest-new-entity-", "962-ingest-new-entity-");
      writeFileSync(join(dir, "facts.yaml"), file);
      const result = spawnSync(
        process.execPath,
        [
          ...["--import", "tsx", "src/curation/ingest-cli.ts"],
          ...["--document", join(dir, `${id}.txt`), "--facts", join(dir, "facts.yaml")],
        ],
        { encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...testNeo4jEnv() } },
      );
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`the graph already holds ${id} or one of its new facts or entities .*${NEW}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await fingerprint(driver, database)).toBe(graphBefore);
  }, 60_000);
});
