import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Db } from "../src/db/db.js";
import { type Draft, draftDocument } from "../src/draft/draft.js";
import { draftGraphOf, readDraftGraph } from "../src/draft/draft-graph.js";
import { draftYaml } from "../src/draft/draft-yaml.js";
import { buildFactsFile, periodNames } from "../src/draft/facts-file.js";
import { initialEdit } from "../src/draft/figure-edit.js";
import { evaluateDrafts } from "../src/draft/evaluate.js";
import { checkSeeds } from "../src/model/check/check-seeds.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { type SeedBundle, SeedError } from "../src/model/bundle.js";
import { fingerprint } from "./support/fingerprint.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { testDriver, testNeo4jEnv } from "./support/neo4j.js";

/**
 * Drafting: documents written for these tests (test/fixtures/drafts/) drafted against the seeded
 * graph as expected.yaml says; a draft is a facts file that the seed check accepts once settled;
 * draft:eval's targets on the seed documents; the API and the command line give the same draft
 * as the function and write nothing; ingestDocument writes a settled draft in one transaction.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const DIR = "test/fixtures/drafts";
const TOKEN = "draft-test-curator-token-0123456789";

interface ExpectedFigure {
  value: number;
  about: string | null;
  variable: string;
  period?: string;
  new?: string;
  statistic: string;
  comparedTo?: string;
  qualifier: string;
  graph: string;
  fact?: string;
  /** Given for a percent only. */
  unit?: string;
  /** Given when the draft proposes what a percent is of: a figure's index, or a graph fact. */
  percentOf?: number | string;
}
/** Every expected*.yaml of the folder, one map of document id to its expected draft. */
const EXPECTED = Object.assign(
  {},
  ...readdirSync(DIR)
    .filter((f) => /^expected.*\.yaml$/.test(f))
    .map((f) => parse(readFileSync(`${DIR}/${f}`, "utf8"))),
) as Record<string, { language: "en" | "es"; figures: ExpectedFigure[]; skips: string[] }>;

const seeds: SeedBundle = await readSeeds("seeds");
const graph = draftGraphOf(seeds);

function documentOf(id: string) {
  const text = readFileSync(`${DIR}/${id}.txt`, "utf8");
  const language = EXPECTED[id]?.language ?? "en";
  return { id, date: text.slice(6, 16), language, text };
}

function draftOf(id: string): Draft {
  return draftDocument(documentOf(id), graph);
}

/** The draft checked with the seeds, as `npm run ingest` checks a facts file. */
function checkDraft(id: string, yaml: string): SeedBundle {
  const doc = documentOf(id);
  return checkSeeds(
    [...seeds.documents, { id, date: doc.date, text: doc.text, file: `${id}.txt` }],
    [
      {
        file: "seeds",
        data: {
          documents: seeds.documents.map((d) => ({ id: d.id, language: d.language })),
          entities: seeds.entities.map(({ file: _f, name: _n, aliases: _a, ...e }) => e),
          variables: seeds.variables.map(({ file: _f, name: _n, ...v }) => v),
          facts: seeds.facts.map(({ file: _f, ...f }) => f),
          skips: seeds.skips.map(({ file: _f, ...s }) => s),
        },
      },
      { file: "draft.yaml", data: parse(yaml) },
    ],
  );
}

describe("drafts of documents written for the tests", () => {
  for (const id of Object.keys(EXPECTED)) {
    it(`drafts ${id} as expected`, () => {
      const expected = EXPECTED[id] as (typeof EXPECTED)[string];
      const draft = draftOf(id);
      expect(
        draft.figures.map((f) => {
          const row: ExpectedFigure = {
            value: f.value as number,
            about: f.about[0]?.key ?? null,
            variable: f.variable[0]?.key ?? "",
            statistic: f.statistic,
            qualifier: f.qualifier,
            graph: f.graph.kind,
          };
          if (f.period[0]) row.period = f.period[0].key;
          else if (f.newPeriod) row.new = f.newPeriod.key;
          if (f.comparedTo) row.comparedTo = f.comparedTo;
          if (f.graph.kind !== "new") row.fact = f.graph.fact;
          if (f.unit === "percent") row.unit = f.unit;
          const of = f.percentOf?.figure ?? f.percentOf?.fact;
          if (of !== undefined && of !== null) row.percentOf = of;
          return row;
        }),
      ).toEqual(expected.figures);
      expect(draft.skips.map((s) => s.raw)).toEqual(expected.skips);
      const text = documentOf(id).text;
      for (const f of draft.figures) expect(text.slice(f.start, f.end)).toBe(f.quote);
    });
  }

  it("gives a facts file that the seed check accepts, settled or not", () => {
    // Settled: every proposal is a key of the graph or of the draft.
    for (const id of ["920_en_rural_network", "921_es_estrategia"]) {
      const bundle = checkDraft(id, draftYaml(draftOf(id)));
      expect(bundle.documents.map((d) => d.id)).toContain(id);
    }
    // Unsettled: what the drafter left to the curator is refused by name.
    const unsettled = draftYaml(draftOf("922_es_dia_tipico"));
    expect(unsettled).toContain("CURATOR: about: no entity's name is in the words");
    let error: unknown;
    try {
      checkDraft("922_es_dia_tipico", unsettled);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(/at about: unknown entity "todo-about"/);
  });

  it("names a new period as the graph's periods are named, in every facts file", () => {
    const names = { en: "2 to 16 May 2022", es: "Del 2 al 16 de mayo de 2022" };
    expect(periodNames({ start: "2022-05-02", end: "2022-05-16", granularity: "range" })).toEqual(
      names,
    );
    const file = parse(draftYaml(draftOf("921_es_estrategia"))) as Any;
    const period = file.entities.find((e: Any) => e.key === "2022-05-02-to-2022-05-16");
    expect(period.labels.map((l: Any) => l.text)).toEqual([names.en, names.es]);
  });

  it("drafts any text without an error, every quote at its offsets", () => {
    const pieces = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.constantFrom(
        " 4 mil 873 ",
        " más de ",
        " 2 de mayo ",
        " 800 623 2323 ",
        " 1,531 Family Medicine Units ",
        " in 2021 ",
        ". ",
        ", ",
        "\n",
        " as of December 25 ",
        " desde el ",
        " (UMF) ",
        " 12 million 315 thousand 476 ",
        " Hospitales Rurales ",
        " 2-30-100 ",
        " por ciento",
      ),
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }),
        fc.constantFrom("en", "es"),
        (parts, language) => {
          const text = ` date 2022-01-20 ${parts.join("")}`;
          const draft = draftDocument({ id: "x", date: "2022-01-20", language, text }, graph);
          draftYaml(draft);
          for (const f of draft.figures) expect(text.slice(f.start, f.end)).toBe(f.quote);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("drafts the seed documents with draft:eval's targets met", () => {
    const { total } = evaluateDrafts(seeds);
    expect(total.found / total.curated).toBeGreaterThanOrEqual(0.98);
    expect(total.drafts / total.drafted).toBeGreaterThanOrEqual(0.9);
    expect(total.aboutTop1 / total.found).toBeGreaterThanOrEqual(0.8);
    expect(total.aboutTop3 / total.found).toBeGreaterThanOrEqual(0.95);
    expect(total.periodTop1 / total.found).toBeGreaterThanOrEqual(0.85);
  });
});

describe("drafting through the API and the command line", () => {
  let server: TestServer;
  const { driver, database } = testDriver();
  beforeAll(async () => {
    server = await startTestServer(driver, database, {
      auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
    });
  });
  afterAll(async () => {
    await driver.executeQuery(
      `MATCH (d:Document {id: '920_en_rural_network'}) OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
       OPTIONAL MATCH (ch:Change) WHERE ch.summary CONTAINS '920_en_rural_network'
       OPTIONAL MATCH (f:Fact) WHERE f.key STARTS WITH '920-en-rural-network-'
       OPTIONAL MATCH (f)-[:CITED_IN]->(fc:Citation)
       DETACH DELETE d, c, ch, f, fc`,
      {},
      { database },
    );
    await rebuildFactSummaries(driver, database);
    await server.close();
    await driver.close();
  });

  const DRAFT = `query ($input: DraftInput!) {
    draft(input: $input) {
      id date language yaml
      figures { key value quote start end about { key } variable { key } period { key } graph { kind fact { key } } unsettled }
      skips { raw reason }
    }
  }`;

  const CURATOR = { authorization: `Bearer ${TOKEN}` };

  it("gives through the API the draft the function gives from the graph, and writes nothing", async () => {
    const doc = documentOf("921_es_estrategia");
    const before = await fingerprint(driver, database);
    const { body } = await server.graphql<Any>(
      DRAFT,
      { input: { id: doc.id, text: doc.text } },
      CURATOR,
    );
    expect(body.errors).toBeUndefined();
    const fromGraph = draftDocument(doc, await readDraftGraph(new Db(driver, database)));
    expect(body.data.draft.language).toBe("ES");
    expect(body.data.draft.yaml).toBe(draftYaml(fromGraph));
    expect(body.data.draft.figures.map((f: Any) => [f.value, f.about[0]?.key])).toEqual(
      fromGraph.figures.map((f) => [f.value, f.about[0]?.key]),
    );
    expect(await fingerprint(driver, database)).toBe(before);
  });

  it("gives in its yaml the facts file the explorer builds when every figure is accepted as drafted", async () => {
    // The fields of the explorer's DraftQuery that its facts-file builder reads.
    const EXPLORER = `query ($input: DraftInput!) {
      draft(input: $input) {
        id language yaml skips { raw start reason }
        figures { index value raw quote start end statistic qualifier unit scope comparedTo
          about { key } variable { key } period { key } newPeriod { key start end granularity }
          newEntity { key kind labels { en es } words start end }
          graph { kind fact { key value } } }
      }
    }`;
    for (const id of ["920_en_rural_network", "921_es_estrategia", "922_es_dia_tipico"]) {
      const doc = documentOf(id);
      const { body } = await server.graphql<Any>(
        EXPLORER,
        { input: { id, text: doc.text } },
        CURATOR,
      );
      expect(body.errors).toBeUndefined();
      const draft = body.data.draft;
      const edits = draft.figures.map((f: Any) => ({
        ...initialEdit(draft, f),
        decision: "accept",
      }));
      const { file } = buildFactsFile({ draft, text: doc.text, edits, periodNames: {} });
      expect(JSON.stringify(file, null, 2)).toBe(JSON.stringify(parse(draft.yaml), null, 2));
    }
  });

  it("refuses a text without its date header or over the size limit, naming the argument", async () => {
    const bad = await server.graphql<Any>(
      DRAFT,
      { input: { id: "x", text: "no header" } },
      CURATOR,
    );
    expect(bad.body.errors?.[0]?.message).toMatch(/input\.text.*date YYYY-MM-DD/);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const big = await server.graphql<Any>(
      DRAFT,
      { input: { id: "x", text: ` date 2022-01-01 ${"a".repeat(60_000)}` } },
      CURATOR,
    );
    expect(big.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(big.body.errors?.[0]?.extensions?.argument).toBe("input.text");
  });

  it("prints the same draft from the command line, and writes nothing", async () => {
    const before = await fingerprint(driver, database);
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/draft/draft-cli.ts",
        "--document",
        `${DIR}/920_en_rural_network.txt`,
      ],
      {
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          ...testNeo4jEnv(),
        },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Drafting in en \(detected/);
    const doc = documentOf("920_en_rural_network");
    expect(result.stdout).toBe(
      draftYaml(draftDocument(doc, await readDraftGraph(new Db(driver, database)))),
    );
    expect(await fingerprint(driver, database)).toBe(before);
  }, 60_000);

  const INGEST = `mutation ($input: IngestInput!) {
    ingestDocument(input: $input) {
      document { key language }
      facts { key value citations { quote } conflicts { fact { key } } }
      corroborated { key citations { document { key } } }
    }
  }`;

  it("ingests a settled draft in one transaction: new facts, new citations of the graph's facts, changes", async () => {
    const doc = documentOf("920_en_rural_network");
    const yaml = draftYaml(draftDocument(doc, await readDraftGraph(new Db(driver, database))));
    const input = { id: doc.id, text: doc.text, facts: yaml };

    const before = await fingerprint(driver, database);
    const denied = await server.graphql<Any>(INGEST, { input });
    expect(denied.body.errors?.[0]?.message).toMatch(/curator's bearer token/);
    const unsettled = await server.graphql<Any>(
      INGEST,
      {
        input: {
          ...input,
          facts: yaml.replace("\n    about: rural-medical-unit\n", "\n    about: todo-about\n"),
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(unsettled.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unsettled.body.errors?.[0]?.message, JSON.stringify(unsettled.body.errors)).toMatch(
      /unknown entity "todo-about"/,
    );
    expect(await fingerprint(driver, database)).toBe(before);

    const { body } = await server.graphql<Any>(
      INGEST,
      { input },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(body.errors).toBeUndefined();
    const result = body.data.ingestDocument;
    expect(result.document).toEqual({ key: doc.id, language: "EN" });
    expect(result.facts.map((f: Any) => f.value)).toEqual([3650]);
    expect(result.corroborated.map((f: Any) => f.key).sort()).toEqual(
      [
        "imss-bienestar-deliveries-daily-2021",
        "imss-bienestar-states-2022",
        "imss-bienestar-surgeries-daily-2021",
        "rural-hospital-count-2022",
      ].sort(),
    );
    for (const f of result.corroborated)
      expect(f.citations.map((c: Any) => c.document.key)).toContain(doc.id);
    expect(result.facts[0].conflicts.map((c: Any) => c.fact.key)).toEqual([
      "rural-medical-unit-count-2022",
    ]);
    const changes = await driver.executeQuery(
      "MATCH (c:Change) WHERE c.summary CONTAINS $id RETURN c.action AS action, c.by AS by",
      { id: doc.id },
      { database },
    );
    expect(changes.records.map((r) => r.get("action")).sort()).toEqual([
      "add-citation",
      "add-citation",
      "add-citation",
      "add-citation",
      "add-fact",
    ]);

    const again = await server.graphql<Any>(
      INGEST,
      { input },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(again.body.errors?.[0]?.message).toMatch(/already in the graph/);
  });
});
