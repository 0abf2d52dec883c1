import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchemaAndSeeds, graphCounts, loadSeeds } from "../src/seed/load-seeds.js";
import { parseNumbers } from "../src/text/parse-numbers.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { SeedError } from "../src/model/bundle.js";
import { fingerprint as fingerprintOf } from "./support/fingerprint.js";
import { testDriver } from "./support/neo4j.js";

/** The seeded graph in the real Neo4j: provenance, conflicts, garbled figures, idempotent and atomic loading. */

let driver: Driver;
let database: string | undefined;

async function rows<T = Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const result = await driver.executeQuery(cypher, params, { database, routing: "READ" });
  return result.records.map((r) => r.toObject() as T);
}

const fingerprint = () => fingerprintOf(driver, database);

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(async () => {
  await driver.close();
});

describe("provenance", () => {
  it("finds every citation's quote verbatim at its offsets, and the parser reads the fact's value from it", async () => {
    const citations = await rows<{
      fact: string;
      value: number | null;
      garbled: string | null;
      quote: string;
      start: number;
      end: number;
      text: string;
    }>(
      `MATCH (f:Fact)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
       RETURN f.key AS fact, f.value AS value, c.garbled AS garbled, c.quote AS quote,
              c.start AS start, c.end AS end, d.text AS text`,
    );
    expect(citations.length).toBeGreaterThan(100);
    for (const c of citations) {
      expect(c.text.slice(c.start, c.end), `quote of ${c.fact}`).toBe(c.quote);
      if (c.garbled === null && c.value !== null) {
        const values = parseNumbers(c.quote).map((n) => n.value);
        expect(values, `value of ${c.fact} in "${c.quote}"`).toContain(c.value);
      }
    }
  });

  it("gives every fact at least one citation, a variable, an entity and a period", async () => {
    const [bad] = await rows<{ bad: string[] }>(
      `MATCH (f:Fact)
       WHERE NOT EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document) }
          OR NOT EXISTS { (f)-[:MEASURES]->(:Variable) }
          OR NOT EXISTS { (f)-[:ABOUT]->(:Entity) }
          OR NOT EXISTS { (f)-[:DURING]->(:TimePeriod) }
       RETURN collect(f.key) AS bad`,
    );
    expect(bad?.bad).toEqual([]);
  });
});

describe("where the sources agree, disagree or are garbled", () => {
  it("keeps one fact with two citations where both documents state the same figure", async () => {
    const [fm] = await rows<{ value: number; docs: string[] }>(
      `MATCH (f:Fact {key: 'family-medicine-consultations-daily-2021'})-[:CITED_IN]->(:Citation)-[:QUOTES]->(d:Document)
       RETURN f.value AS value, collect(d.id) AS docs`,
    );
    expect(fm?.value).toBe(303469);
    expect(fm?.docs.sort()).toEqual(["000_c6cef239523a3d84", "002_09b982dd34e5a0da"]);
    const [{ corroborated } = { corroborated: 0 }] = await rows<{ corroborated: number }>(
      `MATCH (f:Fact) WHERE COUNT { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document) } >= 2
       RETURN count(f) AS corroborated`,
    );
    expect(corroborated).toBeGreaterThanOrEqual(15);
  });

  it("keeps both figures where they disagree, related as conflicting, each with its own source", async () => {
    const conflicts = await rows<{
      a: string;
      av: number;
      b: string;
      bv: number;
      aq: string;
      bq: string;
    }>(
      `MATCH (a:Fact)-[:CONFLICTS_WITH]->(b:Fact)
       MATCH (a)-[:CITED_IN]->(ca:Citation), (b)-[:CITED_IN]->(cb:Citation)
       RETURN a.key AS a, a.value AS av, a.qualifier AS aq, b.key AS b, b.value AS bv, b.qualifier AS bq`,
    );
    const values = conflicts.map((c) => [c.av, c.bv].sort((x, y) => x - y));
    expect(values).toContainEqual([1048, 1148]);
    expect(values).toContainEqual([404118, 404500]);
    const consultations = conflicts.find((c) => [c.av, c.bv].includes(404500));
    expect(consultations && [consultations.aq, consultations.bq]).toContain("just-over");
  });

  it("marks garbled words, keeps them verbatim, and resolves only what the other document settles", async () => {
    const [discharges] = await rows<{
      value: number | null;
      garbled: boolean;
      quote: string;
      note: string;
    }>(
      `MATCH (f:Fact)-[:CITED_IN]->(c:Citation) WHERE c.quote CONTAINS '2 million 117 1,417'
       RETURN f.value AS value, f.garbled AS garbled, c.quote AS quote, c.garbled AS note`,
    );
    expect(discharges?.value).toBeNull();
    expect(discharges?.garbled).toBe(true);
    expect(discharges?.note).toBeTruthy();

    const hemodialysis = await rows<{ value: number; doc: string; garbled: string | null }>(
      `MATCH (f:Fact)-[:ABOUT]->(:Service {key: 'hemodialysis-session'})
       MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
       RETURN f.value AS value, d.id AS doc, c.garbled AS garbled ORDER BY doc`,
    );
    expect(hemodialysis.map((h) => h.value)).toEqual([7529, 7529]);
    expect(hemodialysis[0]?.garbled).toMatch(/label/i); // doc 000: "7,529 ," has no label
    expect(hemodialysis[1]?.garbled).toBeNull(); // doc 002 says "7,529 of Hemodialysis"

    const [visits] = await rows<{ value: number; garbled: boolean; compared: string }>(
      `MATCH (f:Fact)-[:CITED_IN]->(c:Citation) WHERE c.quote CONTAINS '24.4 million more visits'
       MATCH (f)-[:COMPARED_TO]->(p)
       RETURN f.value AS value, f.garbled AS garbled, p.key AS compared`,
    );
    expect(visits?.value).toBe(24_400_000);
    expect(visits?.garbled).toBe(true);
  });
});

describe("loading", () => {
  it("changes nothing when the seeds are loaded again", async () => {
    const before = await graphCounts(driver, database);
    const print = await fingerprint();
    await applySchemaAndSeeds(driver, database);
    expect(await graphCounts(driver, database)).toEqual(before);
    expect(await fingerprint()).toBe(print);
  });

  describe("a broken seed fails with the file, the entry and the reason, and writes nothing", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "imss-seeds-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function brokenCopy(
      edit: (yaml: string) => string,
      file = "facts-typical-day-2021.yaml",
    ) {
      const copy = join(dir, String(Math.random()).slice(2));
      await cp("seeds", copy, { recursive: true });
      const path = join(copy, "curated", file);
      const yaml = await readFile(path, "utf8");
      const edited = edit(yaml);
      expect(edited).not.toBe(yaml);
      await writeFile(path, edited);
      return copy;
    }

    const cases: [string, (yaml: string) => string, RegExp][] = [
      ["a missing field", (y) => y.replace(/\n\s+statistic: daily-average/, ""), /statistic/],
      [
        "an unknown entity key",
        (y) => y.replace("about: family-medicine-consultation", "about: no-such-service"),
        /no-such-service/,
      ],
      [
        "a quote not in its document",
        (y) => y.replace("303,469 Family Medicine", "303,469 Family Medicina"),
        /quote/,
      ],
      [
        "a value the quote does not state",
        (y) => y.replace(/value: 303469\b/, "value: 303470"),
        /303470/,
      ],
    ];

    for (const [name, edit, reason] of cases) {
      it(name, async () => {
        const before = await fingerprint();
        const copy = await brokenCopy(edit);
        const error = await applySchemaAndSeeds(driver, database, copy).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SeedError);
        const message = (error as SeedError).message;
        expect(message).toContain("facts-typical-day-2021.yaml");
        expect(message).toMatch(/facts\[\d+\]/);
        expect(message).toMatch(reason);
        expect(await fingerprint()).toBe(before);
      });
    }

    it("a failure inside Neo4j rolls the whole load back", async () => {
      const before = await fingerprint();
      const bundle = await readSeeds("seeds");
      // Valid seeds plus one new entity and one new fact whose value Neo4j cannot store
      // (a map): the entities step writes, then the facts step fails.
      bundle.entities.push({
        ...bundle.entities[0],
        key: "rollback-probe",
        file: "probe",
      } as never);
      const first = bundle.facts[0];
      if (!first) throw new Error("no facts");
      bundle.facts.push({
        ...first,
        key: "rollback-probe-fact",
        value: { nested: 1 } as never,
        file: "probe",
      });
      await expect(loadSeeds(driver, database, bundle)).rejects.toThrow();
      expect(await fingerprint()).toBe(before);
      const probe = await rows("MATCH (n {key: 'rollback-probe'}) RETURN n");
      expect(probe).toEqual([]);
    });
  });
});

describe("counts", () => {
  it("reports entities by label, facts, citations and conflicts", async () => {
    const kinds = await rows<{ kind: string; count: number }>(
      "MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS count ORDER BY kind",
    );
    const [totals] = await rows<{
      facts: number;
      citations: number;
      conflicts: number;
      documents: number;
    }>(
      `CALL () { MATCH (f:Fact) RETURN count(f) AS facts }
       CALL () { MATCH (c:Citation) RETURN count(c) AS citations }
       CALL () { MATCH ()-[r:CONFLICTS_WITH]->() RETURN count(r) AS conflicts }
       CALL () { MATCH (d:Document) RETURN count(d) AS documents }
       RETURN facts, citations, conflicts, documents`,
    );
    console.log("Graph counts:", JSON.stringify({ entities: kinds, ...totals }));
    expect(kinds.map((k) => k.kind)).toEqual([
      "Condition",
      "FacilityType",
      "Organization",
      "Person",
      "Place",
      "Program",
      "Service",
      "TimePeriod",
    ]);
    expect(totals?.documents).toBe(2);
    expect(totals?.conflicts).toBeGreaterThanOrEqual(2);
  });
});
