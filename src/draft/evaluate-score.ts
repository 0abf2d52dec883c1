import type { Draft, DraftFigure } from "./draft.js";
import type {
  EntityRef,
  ExpectedDocument,
  ExpectedFigure,
  ExpectedSkip,
} from "./evaluate-expected.js";

/**
 * How a draft of the evaluation set compares with its expected draft. A figure is found when a
 * drafted figure has its value and its number covers the expected offset; every other field is
 * then compared with the expected one. Restatements and changes, targets, percents and proposals
 * of new entities are counted over every expected one of their kind (a missed figure counts as
 * wrong), the other fields over the figures found.
 */
export interface SetCounts {
  /** Expected figures, and how many a drafted figure found. */
  expected: number;
  found: number;
  /** Drafted figures, and how many are expected figures. */
  drafted: number;
  drafts: number;
  /** Of the figures found: `about` right (the key, or a proposal of the expected kind). */
  aboutTop1: number;
  variableTop1: number;
  scopeRight: number;
  statisticRight: number;
  unitRight: number;
  /** Of the figures found whose expected graph match is right in kind and fact. */
  graphRight: number;
  /** Found figures with an expected period (not null), and how many have it first. */
  periods: number;
  periodRight: number;
  /** Expected restatements and changes, and how many were drafted with that kind and fact. */
  restatesChanged: number;
  restatesChangedRight: number;
  /** Expected targets, and how many were drafted with statistic target. */
  targets: number;
  targetsRight: number;
  /** Expected percents, and how many were drafted in percent. */
  percents: number;
  percentsRight: number;
  /** Expected figures about an entity the graph lacks, and how many propose one of that kind. */
  newEntities: number;
  newEntitiesRight: number;
  /** Expected skips, and how many the draft skips (and does not draft as a figure). */
  skips: number;
  skipsRight: number;
  /** Milliseconds of drafting, and characters drafted. */
  ms: number;
  chars: number;
}

export const zeroSetCounts = (): SetCounts => ({
  expected: 0,
  found: 0,
  drafted: 0,
  drafts: 0,
  aboutTop1: 0,
  variableTop1: 0,
  scopeRight: 0,
  statisticRight: 0,
  unitRight: 0,
  graphRight: 0,
  periods: 0,
  periodRight: 0,
  restatesChanged: 0,
  restatesChangedRight: 0,
  targets: 0,
  targetsRight: 0,
  percents: 0,
  percentsRight: 0,
  newEntities: 0,
  newEntitiesRight: 0,
  skips: 0,
  skipsRight: 0,
  ms: 0,
  chars: 0,
});

/** Adds the counts of `b` into `a`. */
export function addSetCounts(a: SetCounts, b: SetCounts): void {
  for (const k of Object.keys(a) as (keyof SetCounts)[]) a[k] += b[k];
}

const sameValue = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 1e-9;

/** Does the drafted figure state the expected one: its value, its number over the offset? */
export const states = (f: DraftFigure, e: ExpectedFigure): boolean =>
  sameValue(f.value, e.value) &&
  f.numberStart <= e.at &&
  e.at < Math.max(f.numberEnd, f.numberStart + 1);

/** What the draft proposes the figure is about: a new entity's kind, else its first candidate. */
const proposed = (f: DraftFigure): string =>
  f.newEntity ? `new ${f.newEntity.kind}` : (f.about[0]?.key ?? "-");

const refText = (r: EntityRef): string => (typeof r === "string" ? r : `new ${r.new}`);

const aboutRight = (f: DraftFigure, e: ExpectedFigure): boolean =>
  typeof e.about === "string"
    ? f.newEntity === null && f.about[0]?.key === e.about
    : f.newEntity?.kind === e.about.new;

const graphRight = (f: DraftFigure, e: ExpectedFigure): boolean =>
  f.graph.kind === e.graph && (f.graph.kind === "new" || f.graph.fact === e.fact);

const graphText = (kind: string, fact: string | undefined): string =>
  fact ? `${kind} ${fact}` : kind;

/** Is the expected skip skipped by the draft, and not drafted as a figure? */
function skipped(draft: Draft, s: ExpectedSkip): boolean {
  const end = s.at + s.raw.length;
  return (
    draft.skips.some((x) => x.start >= s.at && x.start < end) &&
    !draft.figures.some((f) => f.numberStart < end && f.numberEnd > s.at)
  );
}

/** Compares one found figure's fields with the expected ones; returns what differs. */
function scoreFound(f: DraftFigure, e: ExpectedFigure, c: SetCounts): string[] {
  const misses: string[] = [];
  const where = `"${e.raw}" at ${e.at}`;
  const check = (right: boolean, field: string, drafted: string, expected: string) => {
    if (!right) misses.push(`${where}: ${field} ${drafted} (expected ${expected})`);
    return right ? 1 : 0;
  };
  c.found++;
  c.aboutTop1 += check(aboutRight(f, e), "about", proposed(f), refText(e.about));
  const variable = f.variable[0]?.key ?? "-";
  c.variableTop1 += check(variable === e.variable, "variable", variable, e.variable);
  c.scopeRight += check(f.scope === e.scope, "scope", `${f.scope}`, `${e.scope}`);
  c.statisticRight += check(f.statistic === e.statistic, "statistic", f.statistic, e.statistic);
  c.unitRight += check(f.unit === e.unit, "unit", f.unit, e.unit);
  c.graphRight += check(
    graphRight(f, e),
    "graph",
    graphText(f.graph.kind, f.graph.kind === "new" ? undefined : f.graph.fact),
    graphText(e.graph, e.fact),
  );
  if (e.period !== null) {
    c.periods++;
    const period = f.period[0]?.key ?? (f.newPeriod ? `new ${f.newPeriod.key}` : "-");
    c.periodRight += check(period === e.period, "period", period, e.period);
  }
  return misses;
}

/** Scores a draft of one document of the set; `misses` lists every difference. */
export function scoreDraft(
  expected: ExpectedDocument,
  draft: Draft,
): { counts: SetCounts; misses: string[] } {
  const c = zeroSetCounts();
  const misses: string[] = [];
  c.expected = expected.figures.length;
  c.drafted = draft.figures.length;
  c.chars = expected.doc.text.length;
  for (const e of expected.figures) {
    const f = draft.figures.find((x) => states(x, e));
    if (f) misses.push(...scoreFound(f, e, c));
    else misses.push(`missed "${e.raw}" at ${e.at} (${refText(e.about)}, ${e.variable})`);
    const kinds = e.graph === "restates" || e.graph === "changed";
    c.restatesChanged += kinds ? 1 : 0;
    c.restatesChangedRight += kinds && f && graphRight(f, e) ? 1 : 0;
    c.targets += e.statistic === "target" ? 1 : 0;
    c.targetsRight += e.statistic === "target" && f?.statistic === "target" ? 1 : 0;
    c.percents += e.unit === "percent" ? 1 : 0;
    c.percentsRight += e.unit === "percent" && f?.unit === "percent" ? 1 : 0;
    const isNew = typeof e.about !== "string";
    c.newEntities += isNew ? 1 : 0;
    c.newEntitiesRight += isNew && f && aboutRight(f, e) ? 1 : 0;
  }
  for (const f of draft.figures) {
    if (expected.figures.some((e) => states(f, e))) c.drafts++;
    else
      misses.push(`drafted "${f.raw}" at ${f.numberStart}, not an expected figure: "${f.quote}"`);
  }
  c.skips = expected.skips.length;
  for (const s of expected.skips) {
    if (skipped(draft, s)) c.skipsRight++;
    else misses.push(`not skipped: "${s.raw}" at ${s.at}`);
  }
  return { counts: c, misses };
}
