// Longer than 300 lines: one builder of every section of the file, so that the server and the explorer build the same one.
// A reviewed draft as a facts file in the seed format (what `ingestDocument` and `npm run ingest`
// take): one builder for the server's draft (draft-yaml.ts, every proposal accepted) and the
// explorer's review (web/src/drafts/, the figures the curator accepted, with their corrections).
// Accepted corroborations cite the graph's fact, a conflicting figure is a new fact plus a
// `conflicts` entry, a rejected figure's number is skipped ("rejected by the curator") so that
// every number of the document stays accounted for, the draft's skips are kept, and the new
// periods the accepted facts use are added as TimePeriod entities named in both languages, the
// new entities they use as the curator named them (facts-file-entities.ts).
// Pure (its imports are too): esbuild bundles it into the explorer.
import { type Made, proposedEntities, type RelationEntry } from "./facts-file-entities.js";
import {
  type DraftedDocument,
  type DraftedFigure,
  factKeyOf,
  type FigureEdit,
  locateQuote,
  type NewPeriod,
  numberStart,
  seedWord,
  valueOf,
} from "./figure-edit.js";

/** The reason a rejected figure's number is skipped with. */
const REJECTED = "rejected by the curator";

/** The months' names, in each language the graph is written in. */
export const MONTHS = {
  en: "January February March April May June July August September October November December".split(
    " ",
  ),
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(
    " ",
  ),
};

/** A new period's names, as the graph's are written: "10 to 20 January 2022", "Del 10 al 20 de enero de 2022". */
export function periodNames(p: Pick<NewPeriod, "start" | "end" | "granularity">): {
  en: string;
  es: string;
} {
  const [y1, m1, d1] = p.start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = p.end.split("-").map(Number) as [number, number, number];
  const en = (m: number) => MONTHS.en[m - 1] ?? String(m);
  const es = (m: number) => MONTHS.es[m - 1] ?? String(m);
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  switch (p.granularity) {
    case "year":
      return { en: String(y1), es: String(y1) };
    case "typical-day":
      return { en: `A typical day of ${y1}`, es: `Un día típico de ${y1}` };
    case "month":
      return { en: `${en(m1)} ${y1}`, es: capital(`${es(m1)} de ${y1}`) };
    case "day":
      return { en: `${d1} ${en(m1)} ${y1}`, es: `${d1} de ${es(m1)} de ${y1}` };
  }
  if (p.start === p.end) return { en: `${d1} ${en(m1)} ${y1}`, es: `${d1} de ${es(m1)} de ${y1}` };
  if (y1 !== y2)
    return {
      en: `${d1} ${en(m1)} ${y1} to ${d2} ${en(m2)} ${y2}`,
      es: `Del ${d1} de ${es(m1)} de ${y1} al ${d2} de ${es(m2)} de ${y2}`,
    };
  if (m1 !== m2)
    return {
      en: `${d1} ${en(m1)} to ${d2} ${en(m2)} ${y2}`,
      es: `Del ${d1} de ${es(m1)} al ${d2} de ${es(m2)} de ${y2}`,
    };
  return { en: `${d1} to ${d2} ${en(m2)} ${y2}`, es: `Del ${d1} al ${d2} de ${es(m2)} de ${y2}` };
}

interface Citation {
  document: string;
  quote: string;
  start: number;
  garbled?: string;
}

export interface FactsFile {
  documents: { id: string; language: string; title?: string }[];
  entities?: {
    key: string;
    /** TimePeriod for a new period (with its start, end and granularity), or a proposal's kind. */
    kind: string;
    labels: { text: string; language: "en" | "es"; kind: "preferred"; from: "curated" }[];
    description: string;
    start?: string;
    end?: string;
    granularity?: string;
  }[];
  relations?: RelationEntry[];
  facts?: {
    key: string;
    variable: string;
    about: string;
    scope?: string;
    period: string;
    statistic: string;
    comparedTo?: string;
    value: number | null;
    unit: string;
    qualifier?: string;
    percentOf?: string;
    citations: Citation[];
  }[];
  corroborations?: { fact: string; citation: Citation }[];
  conflicts?: { facts: [string, string]; note: string }[];
  skips?: { document: string; raw: string; start: number; reason: string }[];
}

export interface Review<F extends DraftedFigure = DraftedFigure> {
  draft: DraftedDocument<F>;
  /** The text that was drafted (offsets point into it); read for a changed quote or a rejection. */
  text: string;
  /** One per figure, by index. */
  edits: readonly FigureEdit[];
  /** The names the curator gives new periods, by key (otherwise periodNames()). */
  periodNames: Readonly<Record<string, { en: string; es: string }>>;
  /** An optional title for the document. */
  title?: string;
}

/** A figure the curator accepted or rejected, as the file will have it. */
export type Outcome =
  | { kind: "fact"; key: string; conflictWith: string | undefined }
  | { kind: "corroboration"; fact: string }
  | { kind: "skip" }
  | { kind: "undecided" };

export function outcomeOf(
  review: { draft: { id: string } },
  f: DraftedFigure,
  edit: FigureEdit,
): Outcome {
  if (edit.decision === undefined) return { kind: "undecided" };
  if (edit.decision === "reject") return { kind: "skip" };
  const graph = f.graph.fact;
  const kind = seedWord(f.graph.kind);
  if (kind === "corroborates" && edit.corroborate && graph)
    return { kind: "corroboration", fact: graph.key };
  return {
    kind: "fact",
    key: factKeyOf(review.draft.id, f, edit),
    conflictWith: kind === "conflicts" && edit.conflict && graph ? graph.key : undefined,
  };
}

/** The new periods a draft offers (each figure's proposal), by key. */
export function newPeriodsOf<P extends NewPeriod>(draft: {
  figures: readonly { newPeriod: P | null }[];
}): Map<string, P> {
  const periods = new Map<string, P>();
  for (const f of draft.figures) if (f.newPeriod) periods.set(f.newPeriod.key, f.newPeriod);
  return periods;
}

type Fact = NonNullable<FactsFile["facts"]>[number];

/** A drafted percent's link: a figure of the draft (its index) or a graph fact (key, or `{ key }`). */
type PercentFigure = DraftedFigure & {
  percentOf?: { figure: number | null; fact: string | { key: string } | null } | null;
};

/** The fact an accepted percent is a percent of: the fact of the figure it names, or the graph's. */
function percentOfKey(review: Review, f: DraftedFigure, edit: FigureEdit): string | undefined {
  const of = (f as PercentFigure).percentOf;
  if (!of || seedWord(edit.unit) !== "percent") return undefined;
  if (of.figure === null) return typeof of.fact === "string" ? of.fact : of.fact?.key;
  const other = review.draft.figures[of.figure];
  const otherEdit = review.edits[of.figure];
  if (!other || !otherEdit) return undefined;
  const outcome = outcomeOf(review, other, otherEdit);
  if (outcome.kind === "fact") return outcome.key;
  return outcome.kind === "corroboration" ? outcome.fact : undefined;
}

/** An accepted new figure's fact, and the problems that keep it from being sent. */
function factOf(review: Review, f: DraftedFigure, edit: FigureEdit, key: string) {
  const { draft, text } = review;
  const label = `Figure ${f.index + 1} ("${f.quote}")`;
  const problems: string[] = [];
  // The drafted quote stands at the drafted offsets; a corrected one is looked for near them.
  const start = edit.quote === f.quote ? f.start : locateQuote(text, edit.quote, f.start);
  if (start < 0) problems.push(`${label}: its quote "${edit.quote}" is not in the text.`);
  const value = valueOf(edit);
  if (value !== null && Number.isNaN(value))
    problems.push(`${label}: its value "${edit.value}" is not a number.`);
  const citation: Citation = { document: draft.id, quote: edit.quote, start: Math.max(0, start) };
  if (value === null) citation.garbled = "the number cannot be read with confidence";
  const scope = edit.scope.trim();
  const percentOf = percentOfKey(review, f, edit);
  const fact: Fact = {
    key,
    variable: edit.variable.trim(),
    about: edit.about.trim(),
    ...(scope ? { scope } : {}),
    period: edit.period.trim(),
    statistic: seedWord(edit.statistic),
    ...(seedWord(edit.statistic) === "increase" ? { comparedTo: edit.comparedTo.trim() } : {}),
    value,
    unit: seedWord(edit.unit),
    ...(seedWord(edit.qualifier) !== "exact" ? { qualifier: seedWord(edit.qualifier) } : {}),
    ...(percentOf ? { percentOf } : {}),
    citations: [citation],
  };
  return {
    fact,
    problems,
    cited: { start: citation.start, end: citation.start + edit.quote.length },
  };
}

/** The draft's skips, and each rejected figure's number unless an accepted fact's quote uses it. */
function skipsOf(
  review: Review,
  rejected: readonly DraftedFigure[],
  cited: readonly { start: number; end: number; value: number | null }[],
): NonNullable<FactsFile["skips"]> {
  const id = review.draft.id;
  const skips = review.draft.skips.map((s) => ({
    document: id,
    raw: s.raw,
    start: s.start,
    reason: s.reason,
  }));
  for (const f of rejected) {
    const start = numberStart(review.text, f);
    const used = cited.some(
      (c) => c.start <= start && start + f.raw.length <= c.end && c.value === f.value,
    );
    if (!used) skips.push({ document: id, raw: f.raw, start, reason: REJECTED });
  }
  return skips.sort((a, b) => a.start - b.start);
}

/** The new periods the facts use, named as the curator chose (or by periodNames()). */
function periodsOf(review: Review, facts: readonly Fact[]): NonNullable<FactsFile["entities"]> {
  const used = new Set(facts.flatMap((f) => [f.period, f.comparedTo ?? ""]));
  return [...newPeriodsOf(review.draft).values()]
    .filter((p) => used.has(p.key))
    .map((p) => {
      const names = review.periodNames[p.key] ?? periodNames(p);
      return {
        key: p.key,
        kind: "TimePeriod",
        labels: [
          { text: names.en.trim(), language: "en", kind: "preferred", from: "curated" },
          { text: names.es.trim(), language: "es", kind: "preferred", from: "curated" },
        ],
        description: `A period added with ${review.draft.id}: from ${p.start} to ${p.end}.`,
        start: p.start,
        end: p.end,
        granularity: p.granularity,
      };
    });
}

/**
 * The facts file of a review, and what keeps it from being sent (figures undecided, a quote not
 * in the text, a value that is no number). The server checks everything else.
 */
export function buildFactsFile(review: Review): { file: FactsFile; problems: string[] } {
  const { draft, edits } = review;
  const id = draft.id;
  const problems: string[] = [];
  const facts: Fact[] = [];
  const corroborations: NonNullable<FactsFile["corroborations"]> = [];
  const conflicts: NonNullable<FactsFile["conflicts"]> = [];
  const rejected: DraftedFigure[] = [];
  const made: Made[] = [];
  /** Numbers cited by an accepted figure, with the value it gives them (for the skips). */
  const cited: { start: number; end: number; value: number | null }[] = [];

  draft.figures.forEach((f, i) => {
    const edit = edits[i];
    if (!edit) return;
    const outcome = outcomeOf(review, f, edit);
    if (outcome.kind === "undecided") {
      problems.push(`Figure ${f.index + 1} ("${f.quote}"): accept or reject it.`);
    } else if (outcome.kind === "skip") {
      rejected.push(f);
    } else if (outcome.kind === "corroboration") {
      corroborations.push({
        fact: outcome.fact,
        citation: { document: id, quote: f.quote, start: f.start },
      });
      cited.push({ start: f.start, end: f.end, value: f.graph.fact?.value ?? null });
    } else {
      const fact = factOf(review, f, edit, outcome.key);
      facts.push(fact.fact);
      made.push({ figure: f, edit, fact: fact.fact });
      problems.push(...fact.problems);
      cited.push({ ...fact.cited, value: fact.fact.value });
      if (outcome.conflictWith)
        conflicts.push({
          facts: [outcome.key, outcome.conflictWith],
          note: edit.conflictNote.trim() || `${id} and ${outcome.conflictWith} disagree.`,
        });
    }
  });

  const skips = skipsOf(review, rejected, cited);
  const proposed = proposedEntities(id, made);
  problems.push(...proposed.problems);
  const entities = [...periodsOf(review, facts), ...proposed.entities];
  const document: FactsFile["documents"][number] = { id, language: draft.language.toLowerCase() };
  if (review.title?.trim()) document.title = review.title.trim();
  const file: FactsFile = { documents: [document] };
  if (entities.length > 0) file.entities = entities;
  if (proposed.relations.length > 0) file.relations = proposed.relations;
  if (facts.length > 0) file.facts = facts;
  if (corroborations.length > 0) file.corroborations = corroborations;
  if (conflicts.length > 0) file.conflicts = conflicts;
  if (skips.length > 0) file.skips = skips;
  return { file, problems };
}
