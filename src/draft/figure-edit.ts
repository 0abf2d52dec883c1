// A drafted figure and what the curator makes of it (accepted, corrected or rejected), as
// facts-file.ts reads them. Pure (no imports): esbuild bundles it into the explorer. Words of the
// vocabularies are read in either spelling, the API's (DAILY_AVERAGE) or the seed format's.

/** A period to add to the graph, as the drafter proposes it. */
export interface NewPeriod {
  key: string;
  start: string;
  end: string;
  granularity: string;
}

/**
 * An entity the graph lacks, as the drafter proposes it for a figure (draft.ts's
 * NewEntityProposal, or the API's): its kind in either spelling (FacilityType, FACILITY_TYPE),
 * its labels the drafter's guesses for the curator to confirm, and the words it came from.
 */
export interface NewEntity {
  key: string;
  kind: string;
  labels: { en: string; es: string };
  words: string;
  start: number;
  end: number;
  /** A link of the new entity with the figure's subject (e.g. a program OPERATES it), if given. */
  relation?: { from: string; type: string; to: string } | null;
}

/** What the curator makes of a proposed entity: its key, kind and names, confirmed or edited. */
export interface NewEntityEdit {
  key: string;
  kind: string;
  en: string;
  es: string;
}

/** A proposal as the curator first sees it: as the drafter proposed it. */
export const proposedEntity = (p: NewEntity): NewEntityEdit => ({
  key: p.key,
  kind: p.kind,
  en: p.labels.en,
  es: p.labels.es,
});

/** A drafted figure, as the drafter (draft.ts) or the API (DraftFigure) gives it. */
export interface DraftedFigure<
  S extends string = string,
  Q extends string = string,
  U extends string = string,
> {
  /** Its place in the document's figures, from 0. */
  index: number;
  value: number | null;
  /** The number's words. */
  raw: string;
  quote: string;
  start: number;
  end: number;
  statistic: S;
  qualifier: Q;
  unit: U;
  scope: string | null;
  comparedTo: string | null;
  /** Candidates, best first. */
  about: readonly { key: string }[];
  variable: readonly { key: string }[];
  period: readonly { key: string }[];
  newPeriod: NewPeriod | null;
  /** An entity to add, proposed instead of `about[0]` (absent where the API was not asked). */
  newEntity?: NewEntity | null;
  graph: { kind: string; fact: { key: string; value: number | null } | null };
}

export interface DraftedDocument<F extends DraftedFigure = DraftedFigure> {
  id: string;
  language: string;
  figures: readonly F[];
  skips: readonly { raw: string; start: number; reason: string }[];
}

/** A vocabulary's word as the seed format writes it: DAILY_AVERAGE → daily-average. */
export const seedWord = (value: string) => value.toLowerCase().replace(/_/g, "-");

/** What the curator makes of one drafted figure. Every field starts as the drafter proposes. */
export interface FigureEdit<
  S extends string = string,
  Q extends string = string,
  U extends string = string,
> {
  /** Undecided until the curator accepts or rejects it. */
  decision: "accept" | "reject" | undefined;
  /** A figure the graph already states: cite the graph's fact (true), or add a new fact. */
  corroborate: boolean;
  /** A figure that conflicts with the graph's fact: record the conflict. */
  conflict: boolean;
  conflictNote: string;
  /** The fact key; undefined: derived from the document, the figure's place and its entity. */
  key: string | undefined;
  about: string;
  variable: string;
  scope: string;
  period: string;
  comparedTo: string;
  statistic: S;
  qualifier: Q;
  unit: U;
  /** As typed (digits, a point, commas allowed); empty: unreadable (a garbled citation). */
  value: string;
  /** The words that state it; found in the text near the drafted quote. */
  quote: string;
  /**
   * The curator's version of the figure's proposed entity (null: none proposed). It is added
   * with the document while `about` is its key; another key of `about` sets it aside.
   */
  newEntity: NewEntityEdit | null;
}

/** What the drafter proposes, as an edit: undecided. */
export function initialEdit<S extends string, Q extends string, U extends string>(
  draft: { id: string },
  f: DraftedFigure<S, Q, U>,
): FigureEdit<S, Q, U> {
  const graph = f.graph.fact;
  const kind = seedWord(f.graph.kind);
  return {
    decision: undefined,
    corroborate: kind === "corroborates",
    conflict: kind === "conflicts",
    conflictNote:
      kind === "conflicts" && graph
        ? `${draft.id} states ${f.value ?? "an unreadable value"}; ${graph.key} states ${graph.value ?? "no value"} for the same period.`
        : "",
    key: undefined,
    about: f.newEntity?.key ?? f.about[0]?.key ?? "todo-about",
    variable: f.variable[0]?.key ?? "todo-variable",
    scope: f.scope ?? "",
    period: f.period[0]?.key ?? f.newPeriod?.key ?? "todo-period",
    comparedTo: f.comparedTo ?? (seedWord(f.statistic) === "increase" ? "todo-compared-to" : ""),
    statistic: f.statistic,
    qualifier: f.qualifier,
    unit: f.unit,
    value: f.value === null ? "" : String(f.value),
    quote: f.quote,
    newEntity: f.newEntity ? proposedEntity(f.newEntity) : null,
  };
}

/** The entity a figure's proposal adds, when the curator keeps it as what the figure is about. */
export function acceptedEntity(edit: FigureEdit): NewEntityEdit | null {
  const e = edit.newEntity;
  return e && e.key.trim() === edit.about.trim() ? e : null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** A drafted figure's fact key: the document, the figure's place (from 1) and its entity. */
export function figureKey(documentId: string, index: number, about: string | undefined): string {
  return [slug(documentId), String(index + 1), slug(about ?? "") || "figure"].join("-");
}

/** The fact key of a figure: the one typed, or its figureKey with the entity chosen. */
export function factKeyOf(documentId: string, f: DraftedFigure, edit: FigureEdit): string {
  return edit.key ?? figureKey(documentId, f.index, edit.about);
}

/** The value typed, as a number: null when empty, NaN when it is no number. */
export function valueOf(edit: FigureEdit): number | null {
  const text = edit.value.trim().replace(/,/g, "");
  if (text === "") return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Where a quote stands in the text: the occurrence nearest `near`, or -1. */
export function locateQuote(text: string, quote: string, near: number): number {
  if (!quote) return -1;
  if (text.startsWith(quote, near)) return near;
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** Where a figure's number starts: its words inside its quote (a qualifier may come first). */
export function numberStart(text: string, f: DraftedFigure): number {
  const at = text.indexOf(f.raw, f.start);
  return at >= 0 && at < f.end ? at : f.start;
}
