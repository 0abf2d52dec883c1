import { periodAccountsFor } from "../model/check/coverage.js";
import type { ParsedNumber } from "../text/parse-numbers.js";
import type { DraftEntity } from "./draft-graph.js";
import type { DraftFigure, DraftSkip } from "./draft.js";
import type { Matcher } from "./match.js";

/**
 * The numbers that are not figures, with why: phone numbers, codes, durations at once; years and
 * dates once the figures are drafted, when no figure's quote holds them with its period.
 */

/** Why a number is not a figure, "defer" for dates (decided once figures are drafted), or undefined. */
export function skipReason(n: ParsedNumber, matcher: Matcher): string | "defer" | undefined {
  if (n.kind === "phone") return "a phone number, not a figure";
  if (n.kind === "code") return "a code or a name (such as a strategy's), not a figure";
  if (n.kind === "date") return "a date";
  if (n.ambiguous?.outOfRange) return `a number that cannot be read (${n.ambiguous.reason})`;
  if (n.kind === "year" || n.kind === "date-part" || n.kind === "ordinal") return "defer";
  if (n.unit === "percent" && !matcher.hasVariableWithUnit("percent"))
    return "a percentage: no variable of the graph is in percent";
  if (n.unit && ["hours", "days", "weeks", "months"].includes(n.unit))
    return `a duration or a schedule (${n.raw} ${n.unit}), not a count`;
  if (n.unit === "years" && !matcher.hasVariableWithUnit("years"))
    return "an age or a duration in years, not a count";
  return undefined;
}

/**
 * The skips of years and dates (deferred by skipReason): one is used when a figure's quote holds
 * it and the figure's period accounts for it; else it is narrative, and skipped with why.
 */
export function skipsOfDates(
  deferred: ParsedNumber[],
  figures: DraftFigure[],
  entities: Map<string, DraftEntity>,
): DraftSkip[] {
  const skips: DraftSkip[] = [];
  const accounting = new PeriodsOfFigures(figures, entities);
  const holding: DraftFigure[] = [];
  let nextFigure = 0;
  for (const n of deferred) {
    // The figures whose quotes may hold n: started at or before it, not ended before it ends.
    while (nextFigure < figures.length && (figures[nextFigure] as DraftFigure).start <= n.start)
      holding.push(figures[nextFigure++] as DraftFigure);
    for (let i = holding.length - 1; i >= 0; i--)
      if ((holding[i] as DraftFigure).end < n.end) holding.splice(i, 1);
    // A figure uses n when its quote holds n and its period (or comparedTo) accounts for n.
    const user = holding.find(
      (f) =>
        n.start >= f.start &&
        n.end <= f.end &&
        periodsOf(f, entities).some((p) => periodAccountsFor(p, n)),
    );
    if (user) continue;
    const outside = accounting.first(n);
    skips.push({
      raw: n.raw,
      start: n.start,
      kind: n.kind,
      reason: outside
        ? `a date of the period of "${outside.quote}", outside its quote`
        : deferredReason(n),
    });
  }
  return skips;
}

function deferredReason(n: ParsedNumber): string {
  if (n.kind === "year")
    return "a year in a narrative sentence, not the period of a figure it states";
  if (n.kind === "ordinal") return "an ordinal, not a figure";
  return "a date in a narrative sentence, not the period of a figure it states";
}

/** The periods (with comparedTo and a new period) of a figure. */
function periodsOf(
  f: DraftFigure,
  entities: Map<string, DraftEntity>,
): { start?: string; end?: string }[] {
  const keys = [f.period[0]?.key, f.comparedTo].filter((k): k is string => !!k);
  const periods: { start?: string; end?: string }[] = keys.map((k) => entities.get(k) ?? {});
  if (f.newPeriod) periods.push(f.newPeriod);
  return periods;
}

/**
 * The first figure whose period accounts for a year or a date part (periodAccountsFor), found
 * through the figures' periods once, not through every figure for every date.
 */
class PeriodsOfFigures {
  /** Each distinct set of periods, with the first figure that has it, in the figures' order. */
  private readonly distinct: {
    figure: DraftFigure;
    periods: { start?: string; end?: string }[];
  }[] = [];
  private readonly byYear = new Map<number, DraftFigure | undefined>();
  /** "MM-DD" of a period's first or last day: the first figure with it. */
  private readonly byDay = new Map<string, DraftFigure>();

  constructor(figures: DraftFigure[], entities: Map<string, DraftEntity>) {
    const seen = new Set<string>();
    for (const figure of figures) {
      const periods = periodsOf(figure, entities);
      const key = JSON.stringify(periods.map((p) => [p.start, p.end]));
      if (seen.has(key)) continue;
      seen.add(key);
      this.distinct.push({ figure, periods });
      for (const p of periods) {
        if (!p.start || !p.end) continue;
        for (const day of [p.start.slice(5), p.end.slice(5)])
          if (!this.byDay.has(day)) this.byDay.set(day, figure);
      }
    }
  }

  first(n: ParsedNumber): DraftFigure | undefined {
    if (n.value === null) return undefined;
    if (n.kind === "year") {
      if (!this.byYear.has(n.value))
        this.byYear.set(
          n.value,
          this.distinct.find((d) => d.periods.some((p) => periodAccountsFor(p, n)))?.figure,
        );
      return this.byYear.get(n.value);
    }
    if (n.kind === "date-part" && n.month !== undefined)
      return this.byDay.get(
        `${String(n.month).padStart(2, "0")}-${String(n.value).padStart(2, "0")}`,
      );
    return undefined;
  }
}
