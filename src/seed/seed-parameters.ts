import { createHash, randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import type { SeedBundle, SeedDocument } from "../model/bundle.js";
import { documentOfLabel } from "../model/check/labels.js";
import { type Label, preferredLabel } from "../model/entity.js";
import type { Skip } from "../model/seed-file.js";
import { foldText } from "../text/fold.js";

/**
 * A bundle as the parameters of the statements of cypher/seed/ (all plain data): what `loadSeeds`
 * writes in one transaction, and what curation writes for a change.
 */

/** The statements of cypher/seed/, in the order they run. */
export const SEED_STEPS = [
  "seed/01-documents",
  "seed/02-entities",
  "seed/03-variables",
  "seed/04-relations",
  "seed/05-facts",
  "seed/05b-percent-of",
  "seed/06-citations",
  "seed/07-conflicts",
  "seed/08-checks",
  "seed/09-changes",
  "seed/10-fact-summaries",
] as const;

/** The SHA-256 of a document's text (its UTF-8 bytes), in hex: what a citation's offsets point into. */
export function sha256Of(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The parameters of each seed step, from the bundle (all plain data, passed as parameters). */
export function seedParameters(
  bundle: SeedBundle,
): Record<(typeof SEED_STEPS)[number], Record<string, unknown>> {
  return {
    "seed/01-documents": { documents: documentRows(bundle) },
    "seed/02-entities": { entities: entityRows(bundle) },
    "seed/03-variables": {
      variables: bundle.variables.map((v) => ({
        key: v.key,
        ...labelProperties(v.labels, bundle.documents),
        unit: v.unit,
        description: v.description,
      })),
    },
    "seed/04-relations": { relations: relationRows(bundle) },
    "seed/05-facts": { facts: factRows(bundle) },
    "seed/05b-percent-of": {
      links: bundle.facts
        .filter((f) => f.percentOf !== undefined)
        .map((f) => ({ fact: f.key, percentOf: f.percentOf })),
    },
    "seed/06-citations": { citations: citationRows(bundle) },
    "seed/07-conflicts": {
      conflicts: bundle.conflicts.map((c) => ({ a: c.facts[0], b: c.facts[1], note: c.note })),
    },
    // The entries as read, with the fields cypher/seed/08-checks and 09-changes set.
    "seed/08-checks": { checks: bundle.checks },
    "seed/09-changes": { changes: bundle.changes },
    "seed/10-fact-summaries": { cells: summaryCells(bundle) },
  };
}

/** The summary cells (variable, period, statistic, unit) of the bundle's facts, each once. */
function summaryCells(bundle: SeedBundle): Record<string, string>[] {
  const cells = new Map<string, Record<string, string>>();
  for (const { variable, period, statistic, unit } of bundle.facts) {
    cells.set(JSON.stringify([variable, period, statistic, unit]), {
      variable,
      period,
      statistic,
      unit,
    });
  }
  return [...cells.values()];
}

/** The documents with their text, hash, search text and skips. */
function documentRows(bundle: SeedBundle): Record<string, unknown>[] {
  return bundle.documents.map((d) => ({
    id: d.id,
    date: d.date,
    text: d.text,
    title: d.title,
    language: d.language,
    sha256: sha256Of(d.text),
    searchTextEn: d.language === "en" ? foldText(d.text) : null,
    searchTextEs: d.language === "es" ? foldText(d.text) : null,
    ...skipProperties(bundle.skips.filter((s) => s.document === d.id)),
  }));
}

/** The entities with their labels, search text and period bounds. */
function entityRows(bundle: SeedBundle): Record<string, unknown>[] {
  return bundle.entities.map((e) => ({
    key: e.key,
    kind: e.kind,
    ...labelProperties(e.labels, bundle.documents),
    aliases: e.aliases,
    description: e.description,
    searchTextEn: foldText(e.description),
    start: e.start ?? null,
    end: e.end ?? null,
    granularity: e.granularity ?? null,
    properties: e.properties ?? {},
  }));
}

/** The relations with their source, if any. */
function relationRows(bundle: SeedBundle): Record<string, unknown>[] {
  return bundle.relations.map((r) => ({
    from: r.from,
    type: r.type,
    to: r.to,
    fact: r.fact ?? null,
    period: r.period ?? null,
    sourceDocument: r.source?.document ?? null,
    sourceQuote: r.source?.quote ?? null,
    sourceStart: r.source ? neo4j.int(r.source.start) : null,
    properties: r.properties ?? {},
  }));
}

/** The facts, each garbled when one of its citations is. */
function factRows(bundle: SeedBundle): Record<string, unknown>[] {
  return bundle.facts.map((f) => ({
    key: f.key,
    variable: f.variable,
    about: f.about,
    scope: f.scope ?? null,
    period: f.period,
    comparedTo: f.comparedTo ?? null,
    statistic: f.statistic,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    note: f.note ?? null,
    garbled: f.citations.some((c) => c.garbled !== undefined),
    deprecatedReason: f.deprecated?.reason ?? null,
    deprecatedAt: f.deprecated?.at ?? null,
  }));
}

/** Every fact's citations, in order, each with its stable key. */
function citationRows(bundle: SeedBundle): Record<string, unknown>[] {
  return bundle.facts.flatMap((f) =>
    f.citations.map((c, i) => ({
      key: citationKey(f.key, c.document, c.start, c.start + c.quote.length),
      fact: f.key,
      document: c.document,
      quote: c.quote,
      start: neo4j.int(c.start),
      end: neo4j.int(c.start + c.quote.length),
      garbled: c.garbled ?? null,
      note: c.note ?? null,
      ordinal: neo4j.int(i),
    })),
  );
}

/** A document's skips, kept on it as parallel lists (in the order the seeds list them). */
export function skipProperties(skips: readonly Skip[]): Record<string, unknown> {
  return {
    skipRaws: skips.map((s) => s.raw),
    skipStarts: skips.map((s) => neo4j.int(s.start)),
    skipReasons: skips.map((s) => s.reason),
  };
}

/**
 * How labels are kept on a node: the preferred names as `name` (English) and `nameEs`, every
 * label as parallel lists (text, language, kind, origin and, for words of a source, the first
 * document that has them), and all of them folded into `searchNames` for the full-text indexes.
 */
export function labelProperties(
  labels: readonly Label[],
  documents: readonly SeedDocument[],
): Record<string, unknown> {
  return {
    name: preferredLabel(labels, "en"),
    nameEs: preferredLabel(labels, "es"),
    labelTexts: labels.map((l) => l.text),
    labelLanguages: labels.map((l) => l.language),
    labelKinds: labels.map((l) => l.kind),
    labelSources: labels.map((l) => l.from),
    labelDocuments: labels.map((l) =>
      l.from === "text" ? (documentOfLabel(l, documents)?.id ?? "") : "",
    ),
    searchNames: foldText(labels.map((l) => l.text).join(" | ")),
  };
}

/** A citation's stable key: its fact, document and span. */
export function citationKey(fact: string, document: string, start: number, end: number): string {
  return `${fact}@${document}:${start}-${end}`;
}

/** A change to record with a load (what `npm run ingest` adds), in the load's own transaction. */
export interface LoadChange {
  by: string;
  action: string;
  target: string;
  summary: string;
}

/** What each action of the change log changes: the label of its target (cypher/change-record.cypher). */
const CHANGE_TARGETS: Record<string, "Entity" | "Fact" | "Document"> = {
  "create-entity": "Entity",
  "update-entity": "Entity",
  "link-entities": "Entity",
  "update-link": "Entity",
  "add-fact": "Fact",
  "add-citation": "Fact",
  "deprecate-fact": "Fact",
};

/** The parameters of cypher/change-record.cypher for a change, with a new key. */
export function changeRecord(change: LoadChange): Record<string, unknown> {
  const kind = CHANGE_TARGETS[change.action];
  if (!kind) throw new Error(`Unknown change action "${change.action}"`);
  return { key: randomUUID(), kind, ...change };
}
