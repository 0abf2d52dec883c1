import { describe, expect, it } from "vitest";
import { buildFactsFile, type Review } from "../src/draft/facts-file.js";
import {
  type DraftedFigure,
  type FigureEdit,
  initialEdit,
  type NewEntity,
  type NewEntityEdit,
} from "../src/draft/figure-edit.js";
import { checkSeeds } from "../src/model/check/check-seeds.js";
import { readSeeds } from "../src/seed/read-seeds.js";

/**
 * The facts file of a review whose figures propose new entities (a hand-built draft: the
 * drafter's proposals are the match helper's): an accepted proposal is one `entities` entry named
 * as the curator confirmed or edited it, shared by the figures proposing its key, with the link
 * the draft gives it; the seed check accepts the file; a proposal the curator set aside adds
 * nothing; what keeps a proposal from being sent names its figure.
 */

const ID = "960_unit_albergues";
const TEXT =
  " date 2022-06-14 El programa IMSS-BIENESTAR informó que cuenta con 63 Albergues Comunitarios, " +
  "de los cuales 12 albergues comunitarios están en Chiapas. Informes al 800 623 2323.";

const SHELTER: Omit<NewEntity, "words" | "start" | "end"> = {
  key: "community-shelter",
  kind: "FacilityType",
  labels: { en: "Community shelter", es: "Albergue comunitario" },
  relation: { from: "imss-bienestar", type: "OPERATES", to: "community-shelter" },
};

/** A figure of TEXT: its number, the words it counts, and the proposal those words give. */
function figure(index: number, raw: string, counted: string): DraftedFigure {
  const quote = `${raw} ${counted}`;
  const start = TEXT.indexOf(quote);
  const wordsAt = start + raw.length + 1;
  return {
    index,
    value: Number(raw),
    raw,
    quote,
    start,
    end: start + quote.length,
    statistic: "STOCK",
    qualifier: "EXACT",
    unit: "COUNT",
    scope: "imss-bienestar",
    comparedTo: null,
    // A weak candidate beside the proposal: what the curator may pick instead.
    about: [{ key: "rural-hospital" }],
    variable: [{ key: "facility-count" }],
    period: [{ key: "year-2022" }],
    newPeriod: null,
    newEntity: { ...SHELTER, words: counted, start: wordsAt, end: wordsAt + counted.length },
    graph: { kind: "NEW", fact: null },
  };
}

const DRAFT = {
  id: ID,
  language: "ES",
  figures: [figure(0, "63", "Albergues Comunitarios"), figure(1, "12", "albergues comunitarios")],
  skips: [
    { raw: "800 623 2323", start: TEXT.indexOf("800 623"), reason: "a phone number, not a figure" },
  ],
};

/**
 * Every figure accepted as drafted, or with the curator's version of the proposal (kept as what
 * the figure is about), and any other change of each figure's edit.
 */
function review(entity?: NewEntityEdit, change: Partial<FigureEdit> = {}): Review {
  const edits = DRAFT.figures.map((f) => {
    const drafted = initialEdit(DRAFT, f);
    const newEntity = entity ?? drafted.newEntity;
    const about = newEntity?.key ?? drafted.about;
    return { ...drafted, newEntity, about, decision: "accept" as const, ...change };
  });
  return { draft: DRAFT, text: TEXT, edits, periodNames: {} };
}

const seeds = await readSeeds("seeds");

/** The file checked with the seeds, as `npm run ingest` checks it against the graph. */
function check(file: unknown) {
  return checkSeeds(
    [...seeds.documents, { id: ID, date: "2022-06-14", text: TEXT, file: `${ID}.txt` }],
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
      { file: "facts.json", data: JSON.parse(JSON.stringify(file)) },
    ],
  );
}

describe("buildFactsFile with proposals of new entities", () => {
  it("proposes the new entity as what each figure is about", () => {
    expect(DRAFT.figures.map((f) => initialEdit(DRAFT, f).about)).toEqual([
      "community-shelter",
      "community-shelter",
    ]);
  });

  it("adds one entry for the figures proposing one key, with the link the draft gives it, and the seed check accepts it", () => {
    const { file, problems } = buildFactsFile(review());
    expect(problems).toEqual([]);
    expect(file.entities).toEqual([
      {
        key: "community-shelter",
        kind: "FacilityType",
        labels: [
          { text: "Community shelter", language: "en", kind: "preferred", from: "curated" },
          { text: "Albergue comunitario", language: "es", kind: "preferred", from: "curated" },
        ],
        description: `Proposed with ${ID}, from the words "Albergues Comunitarios"; named by the curator.`,
      },
    ]);
    expect(file.facts?.map((f) => [f.key, f.about, f.scope, f.value])).toEqual([
      [`960-unit-albergues-1-community-shelter`, "community-shelter", "imss-bienestar", 63],
      [`960-unit-albergues-2-community-shelter`, "community-shelter", "imss-bienestar", 12],
    ]);
    expect(file.relations).toEqual([
      {
        from: "imss-bienestar",
        type: "OPERATES",
        to: "community-shelter",
        fact: "960-unit-albergues-1-community-shelter",
        period: "year-2022",
        source: { document: ID, quote: "63 Albergues Comunitarios", start: TEXT.indexOf("63 A") },
      },
    ]);
    const bundle = check(file);
    expect(bundle.entities.find((e) => e.key === "community-shelter")).toMatchObject({
      kind: "FacilityType",
      name: "Community shelter",
    });
    expect(bundle.relations.filter((r) => r.to === "community-shelter")).toHaveLength(1);
  });

  it("links a new facility type to the owner its count is scoped to, when the draft gives no link", () => {
    const figures = DRAFT.figures.map((f) => ({
      ...f,
      newEntity: f.newEntity && { ...f.newEntity, relation: null },
    }));
    const draft = { ...DRAFT, figures };
    const { file } = buildFactsFile({ ...review(), draft });
    expect(file.relations).toEqual([
      {
        from: "imss-bienestar",
        type: "OPERATES",
        to: "community-shelter",
        fact: "960-unit-albergues-1-community-shelter",
        period: "year-2022",
        source: { document: ID, quote: "63 Albergues Comunitarios", start: TEXT.indexOf("63 A") },
      },
    ]);
    check(file);
    // A new entity of another kind gets no link the draft does not give.
    const service = buildFactsFile({
      ...review({ key: "shelter-stay", kind: "Service", en: "Shelter stay", es: "Hospedaje" }),
      draft,
    }).file;
    expect(service.entities?.map((e) => e.kind)).toEqual(["Service"]);
    expect(service.relations).toBeUndefined();
  });

  it("names and keys the entity as the curator edited them, the facts following the key", () => {
    const { file, problems } = buildFactsFile(
      review({
        key: "shelter",
        kind: "FACILITY_TYPE",
        en: " Community shelter (IMSS-BIENESTAR) ",
        es: "Albergue Comunitario",
      }),
    );
    expect(problems).toEqual([]);
    expect(file.entities?.map((e) => [e.key, e.kind, e.labels.map((l) => l.text)])).toEqual([
      ["shelter", "FacilityType", ["Community shelter (IMSS-BIENESTAR)", "Albergue Comunitario"]],
    ]);
    expect(file.relations?.map((r) => [r.from, r.to, r.fact])).toEqual([
      ["imss-bienestar", "shelter", "960-unit-albergues-1-shelter"],
    ]);
    expect(file.facts?.map((f) => f.about)).toEqual(["shelter", "shelter"]);
    check(file);
  });

  it("adds nothing for a proposal set aside: an existing entity picked, or its figures rejected", () => {
    const existing = buildFactsFile(review(undefined, { about: "rural-hospital" })).file;
    expect(existing.entities).toBeUndefined();
    expect(existing.relations).toBeUndefined();
    expect(existing.facts?.map((f) => f.about)).toEqual(["rural-hospital", "rural-hospital"]);
    check(existing);

    const none = buildFactsFile(review(undefined, { decision: "reject" })).file;
    expect(none.entities).toBeUndefined();
    expect(none.facts).toBeUndefined();
    expect(none.skips?.map((s) => s.raw)).toEqual(["63", "12", "800 623 2323"]);
  });

  it("adds the entity when one figure keeps the proposal and another picks an existing entity", () => {
    const mixed = review();
    const edits = mixed.edits.map((e, i) => (i === 0 ? { ...e, about: "rural-hospital" } : e));
    const { file, problems } = buildFactsFile({ ...mixed, edits });
    expect(problems).toEqual([]);
    expect(file.entities?.map((e) => e.key)).toEqual(["community-shelter"]);
    expect(file.facts?.map((f) => f.about)).toEqual(["rural-hospital", "community-shelter"]);
    // Its link is sourced by the figure that keeps it.
    expect(file.relations?.map((r) => [r.fact, r.source?.quote])).toEqual([
      ["960-unit-albergues-2-community-shelter", "12 albergues comunitarios"],
    ]);
    check(file);
  });

  it("names the figure whose proposal has no known kind or no name, and the seed check refuses it", () => {
    const bad = review({ key: "community-shelter", kind: "Shelter", en: "", es: "Albergue" });
    const { file, problems } = buildFactsFile(bad);
    expect(problems).toEqual([
      `Figure 1 ("63 Albergues Comunitarios"): its new entity "community-shelter" has the kind "Shelter", which is none of Organization, Program, FacilityType, Service, Condition, Place, Person.`,
      `Figure 1 ("63 Albergues Comunitarios"): its new entity "community-shelter" needs an English and a Spanish name.`,
    ]);
    expect(() => check(file)).toThrow(/entities\[0\] \(key: community-shelter\) at kind/);

    const period = buildFactsFile(
      review({ key: "community-shelter", kind: "TIME_PERIOD", en: "A", es: "B" }),
    );
    expect(period.problems).toEqual([
      `Figure 1 ("63 Albergues Comunitarios"): its new entity "community-shelter" cannot be a TimePeriod: a new period is added as a period.`,
    ]);
  });

  it("refuses a proposal whose key is already an entity's, in the seed check", () => {
    const { file } = buildFactsFile(
      review({ key: "rural-hospital", kind: "FacilityType", en: "A", es: "B" }),
    );
    expect(file.entities?.map((e) => e.key)).toEqual(["rural-hospital"]);
    expect(() => check(file)).toThrow(/duplicate key "rural-hospital"/);
  });
});
