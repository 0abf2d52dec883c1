import type { SeedBundle, SeedDocument } from "../model/bundle.js";
import { type Draft, type DraftFigure, draftDocument } from "./draft.js";
import { draftGraphOf } from "./draft-graph.js";

/**
 * The tuning set of `npm run draft:eval`: the drafts of the seed documents against their curated
 * facts, each document drafted against a graph with the seeds' entities and variables but none of
 * their facts, then every curated citation of that document looked for among the drafted figures.
 * (The evaluation set, new documents never tuned on, is evaluate-set.ts.)
 */

interface Curated {
  fact: string;
  value: number | null;
  quote: string;
  start: number;
  end: number;
  about: string;
  variable: string;
  period: string;
  qualifier: string;
}

export interface Counts {
  /** Curated citations of the documents, and how many a drafted figure found. */
  curated: number;
  found: number;
  /** Drafted figures, and how many are curated facts (and how many the seeds skip). */
  drafted: number;
  drafts: number;
  draftsSkippedBySeeds: number;
  quoteExact: number;
  quoteWithin: number;
  aboutTop1: number;
  aboutTop3: number;
  variableTop1: number;
  variableTop3: number;
  periodTop1: number;
  qualifier: number;
  skips: number;
  skipsRight: number;
  /** Milliseconds of drafting, and characters drafted. */
  ms: number;
  chars: number;
}

export interface Evaluation {
  documents: { id: string; counts: Counts; draft: Draft; misses: string[] }[];
  total: Counts;
}

const zero = (): Counts => ({
  curated: 0,
  found: 0,
  drafted: 0,
  drafts: 0,
  draftsSkippedBySeeds: 0,
  quoteExact: 0,
  quoteWithin: 0,
  aboutTop1: 0,
  aboutTop3: 0,
  variableTop1: 0,
  variableTop3: 0,
  periodTop1: 0,
  qualifier: 0,
  skips: 0,
  skipsRight: 0,
  ms: 0,
  chars: 0,
});

function curatedOf(bundle: SeedBundle, doc: SeedDocument): Curated[] {
  return bundle.facts.flatMap((f) =>
    f.citations
      .filter((c) => c.document === doc.id)
      .map((c) => ({
        fact: f.key,
        value: f.value,
        quote: c.quote,
        start: c.start,
        end: c.start + c.quote.length,
        about: f.about,
        variable: f.variable,
        period: f.period,
        qualifier: f.qualifier,
      })),
  );
}

/** Words of a span of the text (to say how much longer one quote is than another). */
const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Does the figure state the curated citation: same value, its number inside the quote? */
function states(f: DraftFigure, c: Curated): boolean {
  const sameValue =
    f.value === c.value ||
    (f.value !== null && c.value !== null && Math.abs(f.value - c.value) < 1e-9);
  return sameValue && f.numberStart >= c.start && f.numberEnd <= c.end;
}

export function evaluateDrafts(bundle: SeedBundle): Evaluation {
  const graph = draftGraphOf(bundle, false);
  const documents: Evaluation["documents"] = [];
  for (const doc of bundle.documents) {
    const started = performance.now();
    const draft = draftDocument(doc, graph);
    const ms = performance.now() - started;
    const curated = curatedOf(bundle, doc);
    const counts = zero();
    counts.ms = ms;
    counts.chars = doc.text.length;
    counts.curated = curated.length;
    counts.drafted = draft.figures.length;
    const misses: string[] = [];
    for (const c of curated) {
      const f = draft.figures.find((x) => states(x, c));
      if (!f) {
        misses.push(`missed ${c.fact} (${c.value}): "${c.quote}"`);
        continue;
      }
      counts.found++;
      const within =
        f.start <= c.start &&
        f.end >= c.end &&
        wordCount(doc.text.slice(f.start, f.end)) - wordCount(c.quote) <= 3;
      if (f.start === c.start && f.end === c.end) counts.quoteExact++;
      if (within || (f.start === c.start && f.end === c.end)) counts.quoteWithin++;
      for (const field of ["about", "variable"] as const) {
        const keys = f[field].map((x) => x.key);
        if (keys[0] === c[field]) counts[`${field}Top1` as const]++;
        else misses.push(`${c.fact}: ${field} ${keys.join(" | ") || "-"} (curated ${c[field]})`);
        if (keys.slice(0, 3).includes(c[field])) counts[`${field}Top3` as const]++;
      }
      if (f.period[0]?.key === c.period) counts.periodTop1++;
      else
        misses.push(
          `${c.fact}: period ${f.period[0]?.key ?? f.newPeriod?.key ?? "-"} (curated ${c.period})`,
        );
      if (f.qualifier === c.qualifier) counts.qualifier++;
      else misses.push(`${c.fact}: qualifier ${f.qualifier} (curated ${c.qualifier})`);
    }
    const skipped = new Set(
      bundle.skips.filter((s) => s.document === doc.id).map((s) => `${s.start}:${s.raw}`),
    );
    for (const f of draft.figures) {
      if (curated.some((c) => states(f, c))) counts.drafts++;
      else if (skipped.has(`${f.numberStart}:${f.raw}`)) counts.draftsSkippedBySeeds++;
      else misses.push(`drafted "${f.raw}" at ${f.numberStart}, not a curated fact: "${f.quote}"`);
    }
    counts.skips = draft.skips.length;
    for (const s of draft.skips) {
      const aFigure = curated.some(
        (c) =>
          s.start >= c.start &&
          s.start < c.end &&
          c.quote.includes(s.raw) &&
          c.value === Number(s.raw.replace(/,/g, "")),
      );
      if (!aFigure) counts.skipsRight++;
      else misses.push(`skipped "${s.raw}" at ${s.start}, a curated figure (${s.reason})`);
    }
    documents.push({ id: doc.id, counts, draft, misses });
  }
  const total = zero();
  for (const { counts } of documents)
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
  return { documents, total };
}
