import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeedBundle } from "../src/model/bundle.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { entityMatches, factMatches } from "./support/where-oracle/evaluate.js";
import { arbitraries, fieldsIn } from "./support/where-oracle/generate.js";
import type { FactWhereIn } from "./support/where-oracle/input.js";
import { groupFacts, selectFacts, sortFacts, statsOf } from "./support/where-oracle/select.js";
import { type World, worldOf } from "./support/where-oracle/world.js";

/**
 * The where oracle (test/support/where-oracle/) against cases worked out by hand on a small
 * world, and its generator's wheres within the API's limits. No Neo4j.
 */

const label = (text: string, language = "en", kind = "preferred") => ({ text, language, kind });
const entity = (key: string, kind: string, names: string[], period?: [string, string]) => ({
  key,
  kind,
  name: names[0],
  labels: names.map((n, i) => label(n, i === 1 ? "es" : "en", i < 2 ? "preferred" : "alias")),
  ...(period ? { start: period[0], end: period[1] } : {}),
});
const cite = (document: string, quote: string, garbled?: string) => ({ document, quote, garbled });
const fact = (key: string, value: number | null, more: Record<string, unknown>) => ({
  key,
  value,
  unit: "count",
  statistic: "total",
  qualifier: "exact",
  variable: "beds",
  about: "clinic",
  period: "y2021",
  citations: [cite("doc-a", "There are 10 beds")],
  ...more,
});

/** Four facts, a period inside a period inside a year, two documents. */
const world: World = worldOf({
  documents: [
    { id: "doc-a", date: "2022-01-20", language: "en" },
    { id: "doc-b", date: "2021-12-31", language: "es" },
  ],
  entities: [
    entity("clinic", "FacilityType", ["Clinic", "Clínica", "UMF"]),
    entity("hospital", "FacilityType", ["Hospital", "Hospital"]),
    entity("bienestar", "Program", ["IMSS-BIENESTAR", "IMSS-BIENESTAR"]),
    entity("y2021", "TimePeriod", ["2021", "2021"], ["2021-01-01", "2021-12-31"]),
    entity("h2", "TimePeriod", ["H2 2021", "S2 2021"], ["2021-07-01", "2021-12-31"]),
    entity("dec", "TimePeriod", ["December 2021", "Diciembre 2021"], ["2021-12-01", "2021-12-31"]),
  ],
  variables: [{ key: "beds", unit: "count", labels: [label("Beds"), label("Camas", "es")] }],
  relations: [
    { from: "bienestar", type: "OPERATES", to: "clinic" },
    { from: "bienestar", type: "OPERATES", to: "clinic" },
    { from: "h2", type: "WITHIN", to: "y2021" },
    { from: "dec", type: "WITHIN", to: "h2" },
  ],
  facts: [
    fact("a", 10, {}),
    fact("b", null, { citations: [cite("doc-b", "camas ilegibles", "smudged")], period: "dec" }),
    fact("c", 5, { about: "hospital", scope: "bienestar", period: "h2", unit: "people" }),
    fact("d", 7, { citations: [cite("doc-a", "7 beds"), cite("doc-b", "7 camas")] }),
  ],
} as unknown as SeedBundle);

const keys = (where: FactWhereIn | undefined) => selectFacts(world, where).map((f) => f.key);

describe("the where oracle's evaluator", () => {
  it("reads the world: garbled facts, links once, periods within periods at any depth", () => {
    expect(world.facts.map((f) => f.garbled)).toEqual([false, true, false, false]);
    expect(world.relations).toHaveLength(3);
    expect([...world.within.get("dec")!].sort()).toEqual(["dec", "h2", "y2021"]);
    expect(world.factsOf.get("bienestar")!.map((f) => f.key)).toEqual(["c"]);
    expect(world.factsOf.get("clinic")!.map((f) => f.key)).toEqual(["a", "b", "d"]);
  });

  it("filters scalars; a fact without a value fails a value filter and passes its NOT", () => {
    expect(keys(undefined)).toEqual(["a", "b", "c", "d"]);
    expect(keys({ value: { gte: 7, lt: 10 } })).toEqual(["d"]);
    expect(keys({ value: { in: [5, 10] } })).toEqual(["a", "c"]);
    expect(keys({ NOT: { value: { gt: 6 } } })).toEqual(["b", "c"]);
    expect(keys({ key: { in: ["a", "zz"] }, unit: { eq: "COUNT" } })).toEqual(["a"]);
    expect(keys({ unit: { in: ["PEOPLE"] } })).toEqual(["c"]);
    expect(keys({ garbled: { eq: true } })).toEqual(["b"]);
    expect(keys({ key: { eq: "nothing" } })).toEqual([]);
    expect(keys({ OR: [{ key: { eq: "a" } }, { value: { eq: 5 } }] })).toEqual(["a", "c"]);
    expect(keys({ OR: [] })).toEqual([]);
    expect(keys({ AND: [] })).toEqual(["a", "b", "c", "d"]);
  });

  it("folds case and accents, and matches any label of an entity or variable", () => {
    expect(keys({ about: { name: { eq: "CLINICA" } } })).toEqual(["a", "b", "d"]);
    expect(keys({ about: { name: { startsWith: "um" } } })).toEqual(["a", "b", "d"]);
    expect(keys({ about: { name: { contains: "ospit" } } })).toEqual(["c"]);
    expect(keys({ variable: { name: { eq: "cámas" } } })).toHaveLength(4);
    expect(keys({ citations: { some: { quote: { contains: "CAMAS" } } } })).toEqual(["b", "d"]);
  });

  it("filters periods: key, within at any depth, bounds, overlaps (inclusive days)", () => {
    expect(keys({ period: { within: "y2021" } })).toEqual(["a", "b", "c", "d"]);
    expect(keys({ period: { within: "h2" } })).toEqual(["b", "c"]);
    expect(keys({ period: { within: "dec" } })).toEqual(["b"]);
    expect(keys({ period: { start: { gt: "2021-01-01" } } })).toEqual(["b", "c"]);
    expect(keys({ period: { overlaps: { from: "2021-06-30", to: "2021-06-30" } } })).toEqual([
      "a",
      "d",
    ]);
    expect(keys({ period: { overlaps: { from: "2021-11-30", to: "2021-12-01" } } })).toHaveLength(
      4,
    );
  });

  it("filters citations with some, all and none", () => {
    expect(keys({ citations: { some: { document: { key: { eq: "doc-b" } } } } })).toEqual([
      "b",
      "d",
    ]);
    expect(keys({ citations: { all: { document: { language: { eq: "EN" } } } } })).toEqual([
      "a",
      "c",
    ]);
    expect(keys({ citations: { none: { document: { date: { lt: "2022-01-01" } } } } })).toEqual([
      "a",
      "c",
    ]);
  });

  it("filters entities by scope, links (either way) and their facts", () => {
    expect(keys({ scope: { kind: { eq: "PROGRAM" } } })).toEqual(["c"]);
    expect(keys({ NOT: { scope: { key: { eq: "bienestar" } } } })).toEqual(["a", "b", "d"]);
    const operated = { relatedTo: { some: { relation: { eq: "OPERATES" } } } };
    expect(keys({ about: operated })).toEqual(["a", "b", "d"]);
    expect(keys({ about: { relatedTo: { some: { direction: "OUT" } } } })).toEqual([]);
    expect(
      keys({
        about: { relatedTo: { some: { direction: "IN", entity: { key: { eq: "bienestar" } } } } },
      }),
    ).toEqual(["a", "b", "d"]);
    expect(keys({ about: { relatedTo: { none: {} } } })).toEqual(["c"]);
    const clinic = world.entities.get("clinic")!;
    expect(entityMatches({ facts: { some: { value: { eq: 7 } } } }, clinic, world)).toBe(true);
    expect(entityMatches({ facts: { none: { garbled: { eq: true } } } }, clinic, world)).toBe(
      false,
    );
    expect(
      factMatches({ scope: { facts: { some: { key: { eq: "c" } } } } }, world.facts[2]!, world),
    ).toBe(true);
  });

  it("sorts with nulls last either way, ties by key, document date the earliest cited", () => {
    const facts = selectFacts(world, undefined);
    const order = (sort: Parameters<typeof sortFacts>[1]) =>
      sortFacts(facts, sort, world).map((f) => f.key);
    expect(order([{ value: "ASC" }])).toEqual(["c", "d", "a", "b"]);
    expect(order([{ value: "DESC" }])).toEqual(["a", "d", "c", "b"]);
    expect(order([{ periodEnd: "DESC" }, { key: "DESC" }])).toEqual(["d", "c", "b", "a"]);
    expect(order([{ documentDate: "ASC" }])).toEqual(["b", "d", "a", "c"]);
    expect(order([{ aboutName: "DESC" }, { value: "ASC" }])).toEqual(["c", "d", "a", "b"]);
    expect(order([{ periodStart: "DESC" }])).toEqual(["b", "c", "a", "d"]);
  });

  it("groups with UNIT added, a fact in each document it cites, and the statistics", () => {
    const groups = groupFacts(selectFacts(world, undefined), ["DOCUMENT"], world);
    const byDoc = Object.fromEntries(
      groups.map((g) => [`${g.keys.DOCUMENT}/${g.keys.UNIT}`, g.stats]),
    );
    expect(byDoc).toEqual({
      "doc-a/COUNT": { count: 2, withValue: 2, sum: 17, avg: 8.5, min: 7, max: 10 },
      "doc-b/COUNT": { count: 2, withValue: 1, sum: 7, avg: 7, min: 7, max: 7 },
      "doc-a/PEOPLE": { count: 1, withValue: 1, sum: 5, avg: 5, min: 5, max: 5 },
    });
    const kinds = groupFacts(selectFacts(world, undefined), ["ABOUT_KIND", "SCOPE"], world);
    expect(kinds.map((g) => g.keys)).toEqual([
      { ABOUT_KIND: "FACILITY_TYPE", SCOPE: null, UNIT: "COUNT" },
      { ABOUT_KIND: "FACILITY_TYPE", SCOPE: "bienestar", UNIT: "PEOPLE" },
    ]);
    expect(statsOf([world.facts[1]!])).toEqual({
      count: 1,
      withValue: 0,
      sum: null,
      avg: null,
      min: null,
      max: null,
    });
  });
});

describe("the where oracle's generator", () => {
  it("makes wheres within the limits that often select some facts and rarely all", async () => {
    const seeds = worldOf(await readSeeds());
    const { where, sort } = arbitraries(seeds);
    const samples = fc.sample(where(4), { numRuns: 300, seed: 24 });
    const counts = samples.map((w) => selectFacts(seeds, w).length);
    expect(samples.every((w) => fieldsIn(w) <= 40 && depthOf(w) <= 6)).toBe(true);
    expect(counts.filter((n) => n > 0 && n < seeds.facts.length).length).toBeGreaterThan(60);
    const sorts = fc.sample(sort, { numRuns: 100, seed: 24 });
    expect(sorts.every((s) => s.every((e) => Object.keys(e).length === 1))).toBe(true);
  });
});

/** The nesting depth as the API counts it: each nested input object of a where is one. */
function depthOf(input: unknown): number {
  if (Array.isArray(input)) return Math.max(0, ...input.map(depthOf));
  if (typeof input !== "object" || input === null) return 0;
  const nested = Object.entries(input).map(([k, v]) =>
    ["AND", "OR", "NOT", "about", "scope", "entity", "facts", "relatedTo"].includes(k)
      ? 1 + depthOf(v)
      : depthOf(v),
  );
  return Math.max(1, ...nested);
}
