import { describe, expect, it } from "vitest";
import { bodyNumbers, factsUsing } from "../src/model/check/coverage.js";
import { type ParsedNumber, parseNumbers } from "../src/text/parse-numbers.js";
import { headerLength } from "../src/model/document-header.js";
import { readSeeds, seedCounts } from "../src/seed/read-seeds.js";
import type { SeedBundle, SeedDocument } from "../src/model/bundle.js";

/**
 * Every number of the source documents is either used by a fact citation or stands on the
 * short, explained skip list (seeds/curated/coverage-skips.yaml). The loader checks it for every
 * document (src/model/check/coverage.ts); these tests show it on the seeds and keep the list short.
 */

const bundle: SeedBundle = await readSeeds("seeds");
const usedBy = factsUsing(bundle);

const describeNumber = (doc: SeedDocument, n: ParsedNumber) =>
  `${doc.id} @${n.start} ${n.kind} "${n.raw}" in ${JSON.stringify(doc.text.slice(Math.max(0, n.start - 30), n.end + 30))}`;

const isSkipped = (doc: SeedDocument, n: ParsedNumber) =>
  bundle.skips.some((s) => s.document === doc.id && s.start === n.start && s.raw === n.raw);

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
    expect(bundle.skips.length).toBeLessThanOrEqual(8);
    const stale: string[] = [];
    for (const s of bundle.skips) {
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
