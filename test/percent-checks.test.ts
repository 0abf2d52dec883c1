import { describe, expect, it } from "vitest";
import { checkSeeds } from "../src/model/check/check-seeds.js";
import { SeedError, type SeedProblem, type SourceText } from "../src/model/bundle.js";

// Targets and percents in the seed format: `statistic: target`, `unit: percent`, `percentOf`.

const TEXT =
  " date 2024-06-30 La meta anual del IMSS es de 30 millones de consultas; al corte se lleva un" +
  " 73 por ciento de avance, con 21 millones 900 mil consultas. El 45 por ciento de las consultas" +
  " fueron de especialidad.";
const DOC: SourceText = { id: "doc-t", date: "2024-06-30", text: TEXT, file: "doc-t.txt" };

const names = (en: string) => [
  { text: en, language: "en", kind: "preferred", from: "curated" },
  { text: en, language: "es", kind: "preferred", from: "curated" },
];
const period = (key: string, start: string, end: string, granularity: string) => ({
  key,
  kind: "TimePeriod",
  labels: names(key),
  description: "A period.",
  start,
  end,
  granularity,
});
const variable = (key: string, unit: string) => ({
  key,
  labels: names(key),
  unit,
  description: "A variable.",
});
type Entry = Record<string, unknown>;
const fact = (key: string, fields: Entry, quote: string): Entry => ({
  key,
  scope: "imss",
  unit: "count",
  ...fields,
  citations: [{ document: "doc-t", quote, start: TEXT.indexOf(quote) }],
});

/** A goal, what was reached of it (a count and a percent) and a share of what was reached. */
function files(change: (facts: Entry[], data: Record<string, Entry[]>) => void = () => {}) {
  const facts = [
    fact(
      "goal",
      { variable: "services-delivered", about: "consultation", period: "year-2024" },
      "meta anual del IMSS es de 30 millones de consultas",
    ),
    fact(
      "reached",
      { variable: "services-delivered", about: "consultation", period: "to-jun-30-2024" },
      "21 millones 900 mil consultas",
    ),
    fact(
      "progress",
      { variable: "target-progress", about: "consultation", period: "to-jun-30-2024" },
      "73 por ciento de avance",
    ),
    fact(
      "share",
      { variable: "share-of-total", about: "specialty", period: "to-jun-30-2024" },
      "45 por ciento de las consultas fueron de especialidad",
    ),
  ];
  Object.assign(facts[0] as Entry, { statistic: "target", value: 30_000_000 });
  Object.assign(facts[1] as Entry, { statistic: "cumulative", value: 21_900_000 });
  Object.assign(facts[2] as Entry, {
    statistic: "cumulative",
    value: 73,
    unit: "percent",
    percentOf: "goal",
  });
  Object.assign(facts[3] as Entry, {
    statistic: "cumulative",
    value: 45,
    unit: "percent",
    percentOf: "reached",
  });
  const data: Record<string, Entry[]> = {
    documents: [{ id: "doc-t", language: "es" }],
    entities: [
      { key: "imss", kind: "Organization", labels: names("IMSS"), description: "The Institute." },
      { key: "consultation", kind: "Service", labels: names("Consulta"), description: "A visit." },
      { key: "specialty", kind: "Service", labels: names("Especialidad"), description: "A visit." },
      period("year-2024", "2024-01-01", "2024-12-31", "year"),
      period("to-jun-30-2024", "2024-01-01", "2024-06-30", "range"),
    ],
    variables: [
      variable("services-delivered", "count"),
      variable("target-progress", "percent"),
      variable("share-of-total", "percent"),
    ],
    facts,
  };
  change(facts, data);
  return [{ file: "facts.yaml", data }];
}

function problemsOf(change: Parameters<typeof files>[0]): SeedProblem[] {
  try {
    checkSeeds([DOC], files(change));
  } catch (e) {
    if (e instanceof SeedError) return e.problems;
    throw e;
  }
  throw new Error("expected a SeedError, but the seeds passed");
}

/** The one problem at `path` of the fact or entry `entry`, whose reason matches. */
function expectProblem(change: Parameters<typeof files>[0], path: string, reason: RegExp) {
  const problems = problemsOf(change);
  const found = problems.filter((p) => p.path === path && reason.test(p.reason));
  expect(found, JSON.stringify(problems, null, 2)).toHaveLength(1);
}

const byKey = (facts: Entry[], key: string) => facts.find((f) => f.key === key) as Entry;

describe("targets and percents in the seed format", () => {
  it("accepts a goal, progress towards it and a share, each percent with what it is of", () => {
    const bundle = checkSeeds([DOC], files());
    expect(bundle.facts.map((f) => [f.key, f.statistic, f.unit, f.percentOf])).toEqual([
      ["goal", "target", "count", undefined],
      ["reached", "cumulative", "count", undefined],
      ["progress", "cumulative", "percent", "goal"],
      ["share", "cumulative", "percent", "reached"],
    ]);
  });

  it("refuses a percentOf that names no fact, or the fact itself", () => {
    expectProblem((f) => (byKey(f, "share").percentOf = "nothing"), "percentOf", /unknown fact/);
    expectProblem(
      (f) => (byKey(f, "share").percentOf = "share"),
      "percentOf",
      /not a percent of itself/,
    );
  });

  it("refuses a percentOf on a fact that is not in percent", () => {
    expectProblem(
      (f) => (byKey(f, "reached").percentOf = "goal"),
      "percentOf",
      /only a fact in percent is a percent of another/,
    );
  });

  it("refuses a percent of a percent, progress of an achievement, a share of a target", () => {
    expectProblem((f) => (byKey(f, "share").percentOf = "progress"), "percentOf", /percent itself/);
    expectProblem(
      (f) => (byKey(f, "progress").percentOf = "reached"),
      "percentOf",
      /progress towards a target is a percent of a target/,
    );
    expectProblem(
      (f) => (byKey(f, "share").percentOf = "goal"),
      "percentOf",
      /is a target: a percent of it is target-progress/,
    );
  });

  it("bounds percents: a share at most 100, progress may pass its target but not tenfold", () => {
    expectProblem((f) => (byKey(f, "share").value = 145), "value", /more than the whole/);
    expectProblem((f) => (byKey(f, "progress").value = 1200), "value", /more than 1000 %/);
    expectProblem((f) => (byKey(f, "share").value = -5), "value", /below 0/);
    // 173 % of a target is a target exceeded: no problem of range (only the quote's value).
    const problems = problemsOf((f) => (byKey(f, "progress").value = 173));
    expect(problems.map((p) => p.path)).toEqual(["citations[0].quote"]);
  });

  it("never sums a target with achievements, nor percents, in a part-of-total check", () => {
    const check =
      (parts: string[], totals: string[]) => (_: Entry[], data: Record<string, Entry[]>) => {
        data.checks = [{ key: "c", name: "C", description: "A check.", parts, totals }];
      };
    expectProblem(
      check(["reached", "goal"], ["progress"]),
      "",
      /is a target: a goal is never added/,
    );
    expectProblem(check(["progress", "share"], ["reached"]), "", /percents do not add up/);
  });

  it("does not take a target and an achievement of the same thing and period for a conflict", () => {
    const conflict = (_: Entry[], data: Record<string, Entry[]>) => {
      Object.assign(byKey(data.facts as Entry[], "reached"), { period: "year-2024" });
      data.conflicts = [{ facts: ["goal", "reached"], note: "They differ." }];
    };
    expectProblem(conflict, "facts", /a target and an achievement do not conflict/);
  });
});
