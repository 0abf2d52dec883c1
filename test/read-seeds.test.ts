import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkSeeds } from "../src/model/check/check-seeds.js";
import {
  formatFilledStart,
  type SeedBundle,
  SeedError,
  type SeedProblem,
  type SourceText,
} from "../src/model/bundle.js";
import { readSeeds } from "../src/seed/read-seeds.js";

// --- The real seeds --------------------------------------------------------

describe("readSeeds on the real seeds", () => {
  it("loads them clean", async () => {
    const bundle = await readSeeds("seeds");
    expect(bundle.documents.map((d) => [d.id, d.date])).toEqual([
      ["000_c6cef239523a3d84", "2022-01-20"],
      ["002_09b982dd34e5a0da", "2022-01-03"],
    ]);
    expect(bundle.documents[0]?.text.startsWith(" date 2022-01-20 Upon reaching 79 years")).toBe(
      true,
    );
    expect(bundle.documents[0]?.file).toBe(join("seeds", "documents", "000_c6cef239523a3d84.txt"));
    expect(bundle.entities.length).toBeGreaterThan(50);
    expect(bundle.facts.length).toBeGreaterThan(50);
    for (const f of bundle.facts) expect(f.file).toMatch(/^seeds\/curated\/.*\.yaml$/);
  });

  it("keeps agreeing figures as one fact with two citations, and disagreeing ones as a conflict", async () => {
    const bundle = await readSeeds("seeds");
    const fact = (key: string) => bundle.facts.find((f) => f.key === key);
    expect(
      fact("family-medicine-consultations-daily-2021")?.citations.map((c) => c.document),
    ).toEqual(["000_c6cef239523a3d84", "002_09b982dd34e5a0da"]);
    expect(fact("deliveries-daily-2021")).toMatchObject({ value: 832, period: "typical-day-2021" });
    expect(fact("deliveries-daily-2021")?.citations).toHaveLength(2);
    const conflicts = bundle.conflicts.map((c) => c.facts.join(" vs "));
    expect(conflicts).toContain(
      "nuclear-medicine-sessions-daily-2021-doc-000 vs nuclear-medicine-sessions-daily-2021-doc-002",
    );
    expect(conflicts).toContain(
      "consultations-daily-2021-doc-000 vs consultations-daily-2021-doc-002",
    );
  });

  it("marks the garbled sources and resolves only what the other document settles", async () => {
    const bundle = await readSeeds("seeds");
    const fact = (key: string) => bundle.facts.find((f) => f.key === key);
    const hemo = fact("hemodialysis-sessions-daily-2021");
    expect(hemo?.value).toBe(7529);
    expect(hemo?.citations.map((c) => [c.document, c.garbled !== undefined])).toEqual([
      ["000_c6cef239523a3d84", true],
      ["002_09b982dd34e5a0da", false],
    ]);
    expect(hemo?.citations[0]?.garbled).toMatch(/doc 002 settles/i);
    const discharges = fact("hospital-discharges-recovery-to-dec-25-2021");
    expect(discharges?.value).toBeNull();
    expect(discharges?.citations[0]?.quote).toBe("2 million 117 1,417 hospital discharges");
    const visits = fact("medical-actions-increase-2021");
    expect(visits).toMatchObject({
      value: 24_400_000,
      period: "year-2021",
      comparedTo: "year-2021",
    });
    expect(visits?.citations[0]?.garbled).toBeDefined();
    // "54,000 335" is a number form, not garbled
    const specialty = fact("specialty-consultations-daily-2021");
    expect(specialty?.value).toBe(54_335);
    expect(specialty?.citations.every((c) => c.garbled === undefined)).toBe(true);
  });

  it("has checks whose parts add up as the texts say", async () => {
    const bundle = await readSeeds("seeds");
    const value = (key: string) => bundle.facts.find((f) => f.key === key)?.value ?? Number.NaN;
    const sum = (key: string) => {
      const check = bundle.checks.find((c) => c.key === key);
      if (!check) throw new Error(`no check ${key}`);
      return {
        parts: check.parts.reduce((s, k) => s + value(k), 0),
        totals: check.totals.map(value),
      };
    };
    expect(sum("beds-2022")).toEqual({ parts: 56_753, totals: [56_753] });
    expect(sum("daily-consultations-2021")).toEqual({ parts: 404_658, totals: [404_500, 404_118] });
    expect(sum("people-covered-2022").parts).toBeCloseTo(83_200_000);
    expect(sum("cat-by-place-2022")).toEqual({ parts: 11, totals: [11] });
  });
});

// --- Broken inputs, without touching disk ------------------------------------

const TEXT =
  " date 2022-01-20 The IMSS has 1,531 Family Medicine Units (UMF) and 146,000 nurses; 2 million 117 1,417 hospital discharges in 2021.";
const DOC: SourceText = {
  id: "doc-a",
  date: "2022-01-20",
  text: TEXT,
  file: "seeds/documents/doc-a.txt",
};

/** Labels for a test entity or variable: the same curated name in English and Spanish. */
function names(en: string, es = en): Record<string, string>[] {
  return [
    { text: en, language: "en", kind: "preferred", from: "curated" },
    { text: es, language: "es", kind: "preferred", from: "curated" },
  ];
}
const at = (quote: string) => TEXT.indexOf(quote);

interface RawFile {
  file: string;
  data: Record<string, Record<string, unknown>[]>;
}

/** A small valid seed set over DOC; each test breaks one thing in a copy. */
function baseFiles(): RawFile[] {
  return [
    {
      file: "seeds/curated/entities.yaml",
      data: {
        documents: [{ id: "doc-a", language: "en" }],
        entities: [
          {
            key: "imss",
            kind: "Organization",
            labels: names("IMSS"),
            description: "The Institute.",
          },
          {
            key: "umf",
            kind: "FacilityType",
            labels: names("Family Medicine Unit"),
            description: "A unit.",
          },
          {
            key: "hospital-discharge",
            kind: "Service",
            labels: names("Hospital discharge"),
            description: "A discharge.",
          },
          {
            key: "jan-20-2022",
            kind: "TimePeriod",
            labels: names("20 January 2022"),
            description: "A day.",
            start: "2022-01-20",
            end: "2022-01-20",
            granularity: "day",
          },
          {
            key: "year-2021",
            kind: "TimePeriod",
            labels: names("2021"),
            description: "A year.",
            start: "2021-01-01",
            end: "2021-12-31",
            granularity: "year",
          },
        ],
      },
    },
    {
      file: "seeds/curated/variables.yaml",
      data: {
        skips: [
          {
            document: "doc-a",
            raw: "2021",
            start: at("2021"),
            reason: "the year of the discharges, outside the garbled quote",
          },
        ],
        variables: [
          {
            key: "facility-count",
            labels: names("Facilities"),
            unit: "count",
            description: "Facilities.",
          },
          { key: "nurse-count", labels: names("Nurses"), unit: "people", description: "Nurses." },
          {
            key: "services-delivered",
            labels: names("Services"),
            unit: "count",
            description: "Services.",
          },
        ],
      },
    },
    {
      file: "seeds/curated/facts.yaml",
      data: {
        facts: [
          {
            key: "umf-count",
            variable: "facility-count",
            about: "umf",
            scope: "imss",
            period: "jan-20-2022",
            statistic: "stock",
            value: 1531,
            unit: "count",
            citations: [
              {
                document: "doc-a",
                quote: "1,531 Family Medicine Units (UMF)",
                start: at("1,531 Family Medicine Units (UMF)"),
              },
            ],
          },
          {
            key: "nurses",
            variable: "nurse-count",
            about: "imss",
            period: "jan-20-2022",
            statistic: "stock",
            value: 146000,
            unit: "people",
            citations: [
              { document: "doc-a", quote: "146,000 nurses", start: at("146,000 nurses") },
            ],
          },
          {
            key: "discharges",
            variable: "services-delivered",
            about: "hospital-discharge",
            period: "year-2021",
            statistic: "total",
            value: null,
            unit: "count",
            citations: [
              {
                document: "doc-a",
                quote: "2 million 117 1,417 hospital discharges",
                start: at("2 million 117 1,417 hospital discharges"),
                garbled: "a word is missing",
              },
            ],
          },
        ],
        relations: [
          {
            from: "imss",
            type: "OPERATES",
            to: "umf",
            fact: "umf-count",
            period: "jan-20-2022",
            source: { document: "doc-a", quote: "The IMSS has", start: at("The IMSS has") },
          },
        ],
      },
    },
  ];
}

/** A copy of the base files with `change` applied to the file named `name`. */
function broken(name: string, change: (data: RawFile["data"]) => void): RawFile[] {
  const files = structuredClone(baseFiles());
  const file = files.find((f) => f.file.endsWith(name));
  if (!file) throw new Error(`no file ${name}`);
  change(file.data);
  return files;
}

function problemsOf(run: () => unknown): { problems: SeedProblem[]; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof SeedError) return { problems: e.problems, message: e.message };
    throw e;
  }
  throw new Error("expected a SeedError, but the seeds passed");
}

/** Checks that exactly one problem matches, and that the message names its file, entry and reason. */
function expectProblem(
  files: RawFile[],
  expected: { file: string; entry: string; path: string; reason: RegExp },
  documents: SourceText[] = [DOC],
): SeedProblem {
  const { problems, message } = problemsOf(() => checkSeeds(documents, files));
  const match = problems.filter(
    (p) =>
      p.file === expected.file &&
      p.entry === expected.entry &&
      p.path === expected.path &&
      expected.reason.test(p.reason),
  );
  expect(match, JSON.stringify(problems, null, 2)).toHaveLength(1);
  const [p] = match as [SeedProblem];
  expect(message).toContain(`${p.file}: ${p.entry}${p.path ? ` at ${p.path}` : ""}: ${p.reason}`);
  return p;
}

const FACTS = "seeds/curated/facts.yaml";
const facts = (d: RawFile["data"]) => d.facts as Record<string, unknown>[];
const fact0 = (d: RawFile["data"]) => facts(d)[0] as Record<string, unknown>;
const citation0 = (d: RawFile["data"]) =>
  (fact0(d).citations as Record<string, unknown>[])[0] as Record<string, unknown>;

describe("checkSeeds", () => {
  it("accepts the small valid set and annotates every item with its file", () => {
    const bundle: SeedBundle = checkSeeds([DOC], baseFiles());
    expect(bundle.entities.map((e) => e.file)).toEqual(
      Array(5).fill("seeds/curated/entities.yaml"),
    );
    expect(bundle.facts.map((f) => [f.key, f.file, f.qualifier])).toEqual([
      ["umf-count", FACTS, "exact"],
      ["nurses", FACTS, "exact"],
      ["discharges", FACTS, "exact"],
    ]);
    // The name is the English preferred label; every other label (here the Spanish one) is an alias.
    expect(bundle.entities[0]?.name).toBe("IMSS");
    expect(bundle.entities[0]?.aliases).toEqual(["IMSS"]);
  });

  it("reports a missing field", () => {
    const files = broken("facts.yaml", (d) => {
      delete fact0(d).variable;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "variable",
      reason: /expected string, received undefined/,
    });
  });

  it("reports an unknown field and a bad enum value", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).colour = "blue";
      fact0(d).statistic = "median";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "",
      reason: /Unrecognized key.*colour/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "statistic",
      reason: /daily-average/,
    });
  });

  it("reports an unknown entity key", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).about = "family-medicine-unit";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "about",
      reason: /unknown entity "family-medicine-unit"/,
    });
  });

  it("reports a period that is not a TimePeriod", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).period = "imss";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "period",
      reason: /"imss" is an Organization, not a TimePeriod/,
    });
  });

  it("reports an unknown variable, fact, document and relation end", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).variable = "units";
      citation0(d).document = "doc-z";
      const rel = (d.relations as Record<string, unknown>[])[0] as Record<string, unknown>;
      rel.fact = "no-such-fact";
      rel.to = "no-such-entity";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "variable",
      reason: /unknown variable "units"/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].document",
      reason: /unknown document "doc-z" \(known: doc-a\)/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "relations[0] (imss OPERATES no-such-entity)",
      path: "fact",
      reason: /unknown fact "no-such-fact"/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "relations[0] (imss OPERATES no-such-entity)",
      path: "to",
      reason: /unknown entity "no-such-entity"/,
    });
  });

  it("reports a quote that is not in its document", () => {
    const files = broken("facts.yaml", (d) => {
      citation0(d).quote = "1,531 Family Medicine Clinics (UMF)";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].start",
      reason:
        /the quote does not occur in document doc-a; its first 22 characters occur at offset 30, then the document has "Units \(UMF\)/,
    });
  });

  it("reports a quote at a wrong offset and says where it occurs", () => {
    const files = broken("facts.yaml", (d) => {
      citation0(d).start = 5;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].start",
      reason: new RegExp(
        `the quote is not at offset 5 \\(the text there is .*\\); it occurs at offset ${at("1,531")}$`,
      ),
    });
  });

  it("reports a relation source at a wrong offset", () => {
    const files = broken("facts.yaml", (d) => {
      const rel = (d.relations as Record<string, unknown>[])[0] as Record<
        string,
        { start: number }
      >;
      (rel.source as { start: number }).start += 1;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "relations[0] (imss OPERATES umf)",
      path: "source.start",
      reason: /not at offset .*; it occurs at offset 17/,
    });
  });

  it("fills in a start left out where the quote occurs once, and reports it", () => {
    const files = broken("facts.yaml", (d) => {
      delete citation0(d).start;
      const rel = (d.relations as Record<string, Record<string, unknown>>[])[0];
      delete rel?.source?.start;
    });
    const bundle = checkSeeds([DOC], files);
    expect(bundle.facts[0]?.citations[0]?.start).toBe(at("1,531 Family Medicine Units (UMF)"));
    expect(bundle.relations[0]?.source?.start).toBe(at("The IMSS has"));
    expect(bundle.filledStarts).toEqual([
      {
        file: FACTS,
        entry: "facts[0] (key: umf-count)",
        path: "citations[0]",
        start: at("1,531 Family Medicine Units (UMF)"),
      },
      {
        file: FACTS,
        entry: "relations[0] (imss OPERATES umf)",
        path: "source",
        start: at("The IMSS has"),
      },
    ]);
    expect(bundle.filledStarts.map(formatFilledStart)).toContain(
      `${FACTS}: filled in start ${at("1,531")} for facts[0] (key: umf-count) at citations[0]`,
    );
    // Given starts are not reported, and a bundle with every start given fills in none.
    expect(checkSeeds([DOC], baseFiles()).filledStarts).toEqual([]);
  });

  it("lists the offsets to choose from where a quote left without start occurs more than once", () => {
    const quote = "1,531 Family Medicine Units (UMF)";
    const twice: SourceText = { ...DOC, text: `${TEXT} Again: ${quote}.` };
    const files = broken("facts.yaml", (d) => {
      delete citation0(d).start;
    });
    const { problems } = problemsOf(() => checkSeeds([twice], files));
    expectProblem(
      files,
      {
        file: FACTS,
        entry: "facts[0] (key: umf-count)",
        path: "citations[0].start",
        reason: new RegExp(
          `the start is left out, and the quote occurs 2 times in document doc-a, at offsets ${at(quote)}, ${TEXT.length + 8}: give the one meant`,
        ),
      },
      [twice],
    );
    // The fact is left out of the later steps: the relation that names it is not reported again.
    expect(problems).toHaveLength(1);
  });

  it("says how much of a quote left without start occurs, when it does not", () => {
    const files = broken("facts.yaml", (d) => {
      delete citation0(d).start;
      citation0(d).quote = "1,531 Family Medicine Clinics (UMF)";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].quote",
      reason:
        /the quote does not occur in document doc-a; its first 22 characters occur at offset 30, then the document has "Units \(UMF\)/,
    });
  });

  it("reports a value the quote does not state", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).value = 1532;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].quote",
      reason: /does not state the value 1532: it states "1,531" \(1531\)/,
    });
  });

  it("reports a quote that cuts a number in two", () => {
    const files = broken("facts.yaml", (d) => {
      citation0(d).quote = "531 Family Medicine Units (UMF)";
      citation0(d).start = at("531 Family");
      fact0(d).value = 531;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "citations[0].quote",
      reason: /cuts the number "1,531"/,
    });
  });

  it("asks to mark a citation garbled when its only number cannot be read", () => {
    const files = broken("facts.yaml", (d) => {
      const f = facts(d)[2] as Record<string, unknown>;
      f.value = 2_117_417;
      delete ((f.citations as Record<string, unknown>[])[0] as Record<string, unknown>).garbled;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[2] (key: discharges)",
      path: "citations[0].quote",
      reason:
        /does not state the value 2117417: it states no figure; "2 million 117 1,417" cannot be read.*mark the citation garbled/,
    });
  });

  it("rejects a null value unless every citation is garbled", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).value = null;
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "value",
      reason: /only a fact whose every citation is garbled may have a null value/,
    });
  });

  it("reports a unit that differs from its variable's", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).unit = "people";
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "unit",
      reason: /unit "people" differs from the unit "count" of variable "facility-count"/,
    });
  });

  it("reports an increase compared with its own period unless garbled", () => {
    const files = broken("facts.yaml", (d) => {
      Object.assign(fact0(d), { statistic: "increase", comparedTo: "jan-20-2022" });
    });
    expectProblem(files, {
      file: FACTS,
      entry: "facts[0] (key: umf-count)",
      path: "comparedTo",
      reason: /compared with its own period/,
    });
  });

  it("reports a duplicate key, naming both places", () => {
    const files = broken("variables.yaml", (d) => {
      d.entities = [
        { key: "imss", kind: "Organization", labels: names("IMSS again"), description: "Twice." },
      ];
    });
    expectProblem(files, {
      file: "seeds/curated/variables.yaml",
      entry: "entities[0] (key: imss)",
      path: "key",
      reason:
        /duplicate key "imss" \(first in seeds\/curated\/entities\.yaml, entities\[0\] \(key: imss\)\)/,
    });
    const dupFacts = broken("facts.yaml", (d) => {
      facts(d).push(structuredClone(fact0(d)));
    });
    expectProblem(dupFacts, {
      file: FACTS,
      entry: "facts[3] (key: umf-count)",
      path: "key",
      reason: /duplicate key "umf-count"/,
    });
  });

  it("requires a language on every label and a preferred name in each language", () => {
    const ENTITIES = "seeds/curated/entities.yaml";
    const noLanguage = broken("entities.yaml", (d) => {
      const imss = (d.entities as Record<string, unknown>[])[0] as Record<string, unknown>;
      imss.labels = [...names("IMSS"), { text: "El Instituto", kind: "alias", from: "curated" }];
    });
    expectProblem(noLanguage, {
      file: ENTITIES,
      entry: "entities[0] (key: imss)",
      path: "labels[2].language",
      reason: /expected one of "en"\|"es"|invalid/i,
    });
    const noSpanish = broken("entities.yaml", (d) => {
      const umf = (d.entities as Record<string, unknown>[])[1] as Record<string, unknown>;
      umf.labels = [
        { text: "Family Medicine Unit", language: "en", kind: "preferred", from: "text" },
        { text: "UMF", language: "es", kind: "acronym", from: "text" },
      ];
    });
    expectProblem(noSpanish, {
      file: ENTITIES,
      entry: "entities[1] (key: umf)",
      path: "labels",
      reason: /needs exactly one preferred label in "es" \(it has 0\)/,
    });
  });

  it("checks that a label from the text occurs in a document", () => {
    const files = broken("entities.yaml", (d) => {
      const umf = (d.entities as Record<string, unknown>[])[1] as Record<string, unknown>;
      umf.labels = [
        ...names("Family Medicine Unit", "Unidad de Medicina Familiar"),
        { text: "family medicine units", language: "en", kind: "alias", from: "text" },
        { text: "Unidades de Medicina Familiar", language: "es", kind: "alias", from: "text" },
      ];
    });
    expectProblem(files, {
      file: "seeds/curated/entities.yaml",
      entry: "entities[1] (key: umf)",
      path: "labels[3].from",
      reason: /"Unidades de Medicina Familiar" occurs in no document: .* from: curated/,
    });
  });

  it("reads a Spanish document's figures the Spanish way, and each fact's qualifier from its words", () => {
    const text = " date 2022-02-10 En enero se abrieron más de 4 mil 873 consultorios.";
    const es: SourceText = { id: "doc-es", date: "2022-02-10", text, file: "doc-es.txt" };
    const withFact = (value: number, qualifier: string) =>
      broken("facts.yaml", (d) => {
        d.documents = [{ id: "doc-es", language: "es" }];
        facts(d).push({
          key: "es-count",
          variable: "facility-count",
          about: "umf",
          period: "jan-20-2022",
          statistic: "stock",
          value,
          unit: "count",
          qualifier,
          citations: [
            {
              document: "doc-es",
              quote: "más de 4 mil 873 consultorios",
              start: text.indexOf("más"),
            },
          ],
        });
      });
    expect(() => checkSeeds([DOC, es], withFact(4873, "more-than"))).not.toThrow();
    expectProblem(
      withFact(4873, "exact"),
      {
        file: FACTS,
        entry: "facts[3] (key: es-count)",
        path: "qualifier",
        reason: /"exact", but the quotes state it as "más de 4 mil 873" \(more-than\)/,
      },
      [DOC, es],
    );
    expectProblem(
      withFact(873, "more-than"),
      {
        file: FACTS,
        entry: "facts[3] (key: es-count)",
        path: "citations[0].quote",
        reason: /does not state the value 873: it states "4 mil 873" \(4873\)/,
      },
      [DOC, es],
    );
  });

  it("reports a relation between the wrong kinds of entity", () => {
    const files = broken("facts.yaml", (d) => {
      (d.relations as Record<string, unknown>[]).push({ from: "umf", type: "RUNS", to: "imss" });
    });
    expectProblem(files, {
      file: FACTS,
      entry: "relations[1] (umf RUNS imss)",
      path: "from",
      reason: /"umf" is a FacilityType, not an Organization/,
    });
  });

  it("reports conflicts and checks over unknown or unlike facts", () => {
    const files = broken("facts.yaml", (d) => {
      d.conflicts = [{ facts: ["umf-count", "nope"], note: "x" }];
      d.checks = [
        {
          key: "mixed",
          name: "Mixed",
          description: "x",
          parts: ["umf-count", "nurses"],
          totals: ["umf-count"],
        },
      ];
    });
    expectProblem(files, {
      file: FACTS,
      entry: "conflicts[0] (umf-count vs nope)",
      path: "facts[1]",
      reason: /unknown fact "nope"/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "checks[0] (key: mixed)",
      path: "totals",
      reason: /"umf-count" is both a part and a total/,
    });
    expectProblem(files, {
      file: FACTS,
      entry: "checks[0] (key: mixed)",
      path: "",
      reason: /"umf-count" and "nurses" differ in variable/,
    });
  });

  it("reports a period whose dates do not match its granularity, and a WITHIN that does not nest", () => {
    const files = broken("entities.yaml", (d) => {
      const year = (d.entities as Record<string, unknown>[])[4] as Record<string, unknown>;
      year.end = "2021-12-30";
      d.relations = [{ from: "jan-20-2022", type: "WITHIN", to: "year-2021" }];
    });
    expectProblem(files, {
      file: "seeds/curated/entities.yaml",
      entry: "entities[4] (key: year-2021)",
      path: "end",
      reason: /a year period starting 2021-01-01 runs 2021-01-01 to 2021-12-31/,
    });
    expectProblem(files, {
      file: "seeds/curated/entities.yaml",
      entry: "relations[0] (jan-20-2022 WITHIN year-2021)",
      path: "to",
      reason: /is not within year-2021/,
    });
  });

  it("reports an unknown section and a section that is not a list", () => {
    const files = broken("facts.yaml", (d) => {
      (d as Record<string, unknown>).fcts = [];
      (d as Record<string, unknown>).checks = { key: "x" };
    });
    expectProblem(files, { file: FACTS, entry: "(file)", path: "fcts", reason: /unknown section/ });
    expectProblem(files, { file: FACTS, entry: "checks", path: "", reason: /must be a list/ });
  });

  it("collects every problem before throwing, without cascading from an invalid entry", () => {
    const files = broken("facts.yaml", (d) => {
      fact0(d).unit = "pesos"; // wrong unit (but valid shape)
      (facts(d)[1] as Record<string, unknown>).value = "many"; // invalid shape
    });
    const entities = structuredClone(files);
    // an entity that fails the schema: references to it are not reported again
    const ent = entities[0]?.data.entities as Record<string, unknown>[];
    (ent[1] as Record<string, unknown>).kind = "Facility";
    const { problems } = problemsOf(() => checkSeeds([DOC], entities));
    expect(problems.map((p) => `${p.entry} ${p.path}`)).toEqual([
      "entities[1] (key: umf) kind",
      "facts[1] (key: nurses) value",
      "facts[0] (key: umf-count) unit",
    ]);
  });
});

// --- Files on disk: headers and YAML syntax ----------------------------------

describe("readSeeds on disk", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function seedDir(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), "seeds-"));
    await mkdir(join(dir, "documents"));
    await mkdir(join(dir, "curated"));
    for (const [name, text] of Object.entries(files))
      await writeFile(join(dir, name), text, "utf8");
    return dir;
  }

  it("reads documents with their header date and full text, and their language and title", async () => {
    const text = " date 2022-01-20 Un texto sin cifras.";
    const d = await seedDir({
      "documents/doc-a.txt": text,
      "curated/a.yaml": "documents:\n  - { id: doc-a, language: es, title: Un documento }\n",
    });
    const bundle = await readSeeds(d);
    expect(bundle.documents).toEqual([
      {
        id: "doc-a",
        date: "2022-01-20",
        text,
        file: join(d, "documents", "doc-a.txt"),
        language: "es",
        title: "Un documento",
      },
    ]);
  });

  it("requires every document to have its language, and every documents: entry a document", async () => {
    const d = await seedDir({
      "documents/doc-a.txt": TEXT,
      "curated/a.yaml":
        "documents:\n  - { id: doc-z, language: en }\n  - { id: doc-a, language: fr }\n",
    });
    const err = (await readSeeds(d).catch((e: unknown) => e)) as SeedError;
    expect(err).toBeInstanceOf(SeedError);
    expect(err.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entry: "documents[0] (id: doc-z)",
          path: "id",
          reason: expect.stringMatching(/unknown document "doc-z"/),
        }),
        expect.objectContaining({ entry: "documents[1] (id: doc-a)", path: "language" }),
        expect.objectContaining({
          file: join(d, "documents", "doc-a.txt"),
          path: "language",
          reason: expect.stringMatching(/no entry in a documents: section says its language/),
        }),
      ]),
    );
  });

  it("reports bad YAML with its file and line", async () => {
    const d = await seedDir({
      "documents/doc-a.txt": TEXT,
      "curated/bad.yaml": "facts:\n  - key: x\n    value: [1, 2\n",
      "curated/dup.yaml": "variables: []\nvariables: []\n",
    });
    const err = await readSeeds(d).then(
      () => {
        throw new Error("expected a SeedError");
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SeedError);
    const problems = (err as SeedError).problems;
    const bad = problems.find((p) => p.file === join(d, "curated", "bad.yaml"));
    expect(bad).toMatchObject({
      entry: "(file)",
      reason: expect.stringMatching(/^invalid YAML: /),
    });
    expect(bad?.path).toMatch(/^line \d+, column \d+$/);
    const dup = problems.find((p) => p.file === join(d, "curated", "dup.yaml"));
    expect(dup).toMatchObject({ entry: "(file)", path: "line 2, column 1" });
    expect(dup?.reason).toMatch(/invalid YAML: .*unique/i);
    expect((err as SeedError).message).toContain(
      `${join(d, "curated", "bad.yaml")}: (file) at line`,
    );
  });

  it("reports a document without its header", async () => {
    const d = await seedDir({ "documents/doc-b.txt": "No header here.", "curated/a.yaml": "" });
    await expect(readSeeds(d)).rejects.toThrow(
      /doc-b\.txt: \(document\) at header: the document does not start with " date YYYY-MM-DD "/,
    );
  });

  it("merges curated files in name order and checks them against the documents", async () => {
    const files = baseFiles();
    const { stringify } = await import("yaml");
    const d = await seedDir({
      "documents/doc-a.txt": TEXT,
      "curated/b-facts.yaml": stringify(files[2]?.data),
      "curated/a-entities.yaml": stringify(files[0]?.data),
      "curated/c-variables.yaml": stringify(files[1]?.data),
    });
    const bundle = await readSeeds(d);
    expect([
      ...new Set([...bundle.entities, ...bundle.facts, ...bundle.variables].map((x) => x.file)),
    ]).toEqual([
      join(d, "curated", "a-entities.yaml"),
      join(d, "curated", "b-facts.yaml"),
      join(d, "curated", "c-variables.yaml"),
    ]);
  });
});
