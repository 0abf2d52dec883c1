import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { type ParsedNumber, parseNumbers } from "../src/seed/parse-numbers.js";
import {
  headerLength,
  readSeeds,
  type SeedBundle,
  type SeedDocument,
  seedCounts,
} from "../src/seed/read-seeds.js";
import type { Entity, Fact } from "../src/seed/seed-format.js";

/**
 * Every number of the source documents is either used by a fact citation or
 * stands on the short, explained skip list (seeds/coverage-skips.yaml).
 *
 * A number is used when its span lies inside a citation's quote and
 * - it is a figure whose value is the fact's value (an unreadable figure, such
 *   as "2 million 117 1,417", counts when the citation is marked garbled and the
 *   fact's value is null), or
 * - it is a year or a date part that the fact's period or comparedTo period
 *   contains (a year) or starts or ends on (a date part).
 */

const SkipList = z
  .object({
    skips: z.array(
      z
        .object({
          document: z.string(),
          raw: z.string(),
          start: z.number().int().nonnegative(),
          reason: z.string().min(20),
        })
        .strict(),
    ),
  })
  .strict();
type Skip = z.infer<typeof SkipList>["skips"][number];

const bundle: SeedBundle = await readSeeds("seeds");
const skips: Skip[] = SkipList.parse(
  parse(await readFile("seeds/coverage-skips.yaml", "utf8")),
).skips;
const periods = new Map(
  bundle.entities
    .filter((e): e is Entity & { file: string } => e.kind === "TimePeriod")
    .map((e) => [e.key, e]),
);

/** The numbers of a document's body (after the header date). */
function bodyNumbers(doc: SeedDocument): ParsedNumber[] {
  const from = headerLength(doc.text);
  return parseNumbers(doc.text).filter((n) => n.start >= from);
}

/** Does the period (or the increase's comparison period) account for this year or date part? */
function inPeriod(fact: Fact, n: ParsedNumber): boolean {
  return [fact.period, fact.comparedTo].some((key) => {
    const p = key ? periods.get(key) : undefined;
    if (!p?.start || !p.end || n.value === null) return false;
    if (n.kind === "year")
      return Number(p.start.slice(0, 4)) <= n.value && n.value <= Number(p.end.slice(0, 4));
    if (n.kind === "date-part" && n.month !== undefined) {
      const md = `${String(n.month).padStart(2, "0")}-${String(n.value).padStart(2, "0")}`;
      return p.start.slice(5) === md || p.end.slice(5) === md;
    }
    return false;
  });
}

/** The facts whose citations use the number (see the module comment). */
function usedBy(doc: SeedDocument, n: ParsedNumber): string[] {
  const keys: string[] = [];
  for (const fact of bundle.facts) {
    for (const c of fact.citations) {
      if (c.document !== doc.id || n.start < c.start || n.end > c.start + c.quote.length) continue;
      const used =
        n.kind === "year" || n.kind === "date-part"
          ? inPeriod(fact, n)
          : n.value === null
            ? fact.value === null && c.garbled !== undefined
            : fact.value === n.value;
      if (used) keys.push(fact.key);
    }
  }
  return keys;
}

const describeNumber = (doc: SeedDocument, n: ParsedNumber) =>
  `${doc.id} @${n.start} ${n.kind} "${n.raw}" in ${JSON.stringify(doc.text.slice(Math.max(0, n.start - 30), n.end + 30))}`;

const isSkipped = (doc: SeedDocument, n: ParsedNumber) =>
  skips.some((s) => s.document === doc.id && s.start === n.start && s.raw === n.raw);

describe("seed coverage", () => {
  it("uses every number of the documents in a fact, or skips it with a reason", () => {
    const uncovered: string[] = [];
    for (const doc of bundle.documents) {
      for (const n of bodyNumbers(doc)) {
        if (usedBy(doc, n).length === 0 && !isSkipped(doc, n))
          uncovered.push(describeNumber(doc, n));
      }
    }
    expect(uncovered).toEqual([]);
  });

  it("keeps the skip list short, current and exclusive", () => {
    expect(skips.length).toBeLessThanOrEqual(8);
    const stale: string[] = [];
    for (const s of skips) {
      const doc = bundle.documents.find((d) => d.id === s.document);
      const n = doc
        ? bodyNumbers(doc).find((x) => x.start === s.start && x.raw === s.raw)
        : undefined;
      if (!doc || !n) {
        stale.push(`${s.document} @${s.start} "${s.raw}": no such number`);
        continue;
      }
      const users = usedBy(doc, n);
      if (users.length > 0)
        stale.push(`${describeNumber(doc, n)} is used by ${users.join(", ")}: remove the skip`);
    }
    expect(stale).toEqual([]);
  });

  it("reads every document's header date and skips only it", () => {
    for (const doc of bundle.documents) {
      const header = parseNumbers(doc.text).filter((n) => n.start < headerLength(doc.text));
      expect(header.map((n) => [n.kind, n.raw])).toEqual([["date", doc.date]]);
    }
  });

  it("finds the numbers the sources are known for", () => {
    const [d000, d002] = bundle.documents as [SeedDocument, SeedDocument];
    const raws = (doc: SeedDocument) => bodyNumbers(doc).map((n) => n.raw);
    expect(raws(d000)).toEqual(
      expect.arrayContaining(["79", "83.2 million", "20 million 620,148", "three", "two", "one"]),
    );
    expect(raws(d002)).toEqual(
      expect.arrayContaining([
        "138 million 276 thousand 400",
        "54,000 335",
        "2 million 117 1,417",
        "1st",
        "two",
      ]),
    );
  });

  it("prints the counts", () => {
    const counts = seedCounts(bundle);
    const numbers = bundle.documents.map((doc) => {
      const all = bodyNumbers(doc);
      const used = all.filter((n) => usedBy(doc, n).length > 0).length;
      return `${doc.id}: ${all.length} numbers, ${used} used by facts, ${all.length - used} skipped`;
    });
    console.log(
      [
        `entities: ${counts.entities} (${Object.entries(counts.entitiesByKind)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")})`,
        `variables: ${counts.variables}`,
        `relations: ${counts.relations} (${counts.relationsWithSource} with a source)`,
        `facts: ${counts.facts}`,
        `citations: ${counts.citations} (${counts.garbledCitations} garbled)`,
        `conflicts: ${counts.conflicts}`,
        `checks: ${counts.checks}`,
        ...numbers,
      ].join("\n"),
    );
    expect(counts.facts).toBeGreaterThan(0);
  });
});
