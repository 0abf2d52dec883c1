import type { Statistic } from "../vocabulary.js";

/**
 * When two figures of the same series (entity, variable, statistic, scope and unit) at two
 * periods are the same quantity read twice, so that the later one restates the earlier (same
 * value) or is a change from it (another value): the one home of that rule, for the drafter
 * (src/draft/graph-match.ts), the API's changes between releases (cypher/value-changes.cypher
 * takes `COMPARED_BY` as a parameter) and this module's `valueChangesOf`.
 */

/** What two periods of a statistic must share for its figures to be compared; never: not compared. */
export type ComparedBy = "any" | "start" | "granularity" | "never";

export const COMPARED_BY: Readonly<Record<Statistic, ComparedBy>> = {
  // A count standing at a date: the same count at any two dates (80 hospitals in January, 80 in June).
  stock: "any",
  // A running total read at two dates is the same count only from the same start (1 April to 19
  // December, then to 25 December); a cumulative over 2–16 May 2022 counts other events than one over 2021.
  cumulative: "start",
  // A rate per day of the same thing over like periods (two years, two typical days) is comparable.
  "daily-average": "granularity",
  // Each period's total sums other events: the total of 2022 is not a new reading of 2021's.
  total: "never",
  // A difference from its own compared period: another period's increase is another difference.
  increase: "never",
  // A goal for a period is that period's goal: another period's goal is another goal.
  target: "never",
};

/** The statistics whose figures are compared across periods. */
export const COMPARED_STATISTICS = (Object.keys(COMPARED_BY) as Statistic[]).filter(
  (s) => COMPARED_BY[s] !== "never",
);

/** A period as the comparison reads it (ISO dates). */
export interface PeriodSpan {
  key: string;
  start: string;
  end: string;
  granularity?: string | null;
}

/** Whether figures of `statistic` at the two (different) periods are the same quantity. */
export function comparablePeriods(statistic: Statistic, a: PeriodSpan, b: PeriodSpan): boolean {
  switch (COMPARED_BY[statistic]) {
    case "any":
      return true;
    case "start":
      return a.start === b.start;
    case "granularity":
      return (a.granularity ?? null) === (b.granularity ?? null);
    case "never":
      return false;
  }
}

/** Time order of periods: by end (a stock stands at its period's end), then start. */
export function periodOrder(a: PeriodSpan, b: PeriodSpan): number {
  return a.end.localeCompare(b.end) || a.start.localeCompare(b.start);
}

/**
 * Of facts at periods other than `period`'s, comparable with it, the one a new figure at `period`
 * is compared with: the latest earlier one (the reading it follows), or, when every one is later,
 * the nearest later one. Among facts of that one period, one of the same value first, else the
 * first given.
 */
export function previousOf<T extends { period: PeriodSpan; value: number | null }>(
  statistic: Statistic,
  period: PeriodSpan,
  facts: readonly T[],
  value: number | null,
): T | undefined {
  const comparable = facts.filter(
    (f) => f.period.key !== period.key && comparablePeriods(statistic, f.period, period),
  );
  const earlier = comparable.filter((f) => periodOrder(f.period, period) < 0);
  const later = comparable.filter((f) => periodOrder(f.period, period) >= 0);
  const sorted = (earlier.length > 0 ? earlier : later).sort((a, b) =>
    periodOrder(a.period, b.period),
  );
  const nearest = earlier.length > 0 ? sorted.at(-1) : sorted[0];
  if (!nearest) return undefined;
  const atNearest = sorted.filter((f) => periodOrder(f.period, nearest.period) === 0);
  return atNearest.find((f) => f.value === value) ?? atNearest[0];
}

/** A fact as the list of changes reads it: its series, period, value and documents. */
export interface SeriesFact {
  key: string;
  about: string;
  variable: string;
  statistic: Statistic;
  scope: string | null;
  unit: string;
  value: number | null;
  period: PeriodSpan;
  documents: readonly string[];
}

/**
 * Changes between releases: in each series, a fact and the latest earlier comparable fact
 * (`previousOf`, its own period's facts left out) that shares no document with it and states
 * another value. Facts without a value are left out. What cypher/value-changes.cypher computes.
 */
export function valueChangesOf(facts: readonly SeriesFact[]): { from: string; to: string }[] {
  const series = new Map<string, SeriesFact[]>();
  for (const f of [...facts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (f.value === null || COMPARED_BY[f.statistic] === "never") continue;
    const id = JSON.stringify([f.about, f.variable, f.statistic, f.scope, f.unit]);
    series.set(id, [...(series.get(id) ?? []), f]);
  }
  const changes: { from: string; to: string }[] = [];
  for (const list of series.values())
    for (const to of list) {
      const earlier = list.filter((f) => periodOrder(f.period, to.period) < 0);
      const from = previousOf(to.statistic, to.period, earlier, to.value);
      if (!from || from.value === to.value) continue;
      if (from.documents.some((d) => to.documents.includes(d))) continue;
      changes.push({ from: from.key, to: to.key });
    }
  return changes;
}
