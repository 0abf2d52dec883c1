import type { Db } from "../db/db.js";
import type { FactGroupKey, Statistic } from "../model/vocabulary.js";
import { type FactGroupRow, type FactGroupsPage, LAST } from "./fact-groups.js";
import type { FactWhere } from "./where/where.js";

/**
 * The facts' summaries: the graph keeps, per cell of facts (variable, period, statistic, unit),
 * how many are not deprecated, how many have a value, and the values' sum, min and max
 * (cypher/seed/10-fact-summaries.cypher, in the transaction of every write of facts). A count,
 * an aggregate or a grouping whose selection is a union of whole cells reads them instead of the
 * facts: the cost of the variable view at national scale is that of its cells, not its facts.
 */

/** The cells a selection covers: the values each cell key may take (null: any). */
export interface SummaryCells {
  variables: readonly string[] | null;
  periods: readonly string[] | null;
  statistics: readonly string[] | null;
  units: readonly string[] | null;
}

/** The cell keys a grouping of summaries can use. */
export type SummaryKey = "VARIABLE" | "PERIOD" | "STATISTIC" | "UNIT";

export interface SummaryRow {
  variable: string | null;
  period: string | null;
  statistic: string | null;
  unit: string | null;
  count: number;
  withValue: number;
  sum: number | null;
  min: number | null;
  max: number | null;
  units: string[];
  /** The distinct statistics of the group's cells. */
  statistics: string[];
}

/** The values `{ eq }` or `{ in }` allow, or undefined when the filter says anything else. */
function valuesOf(filter: { eq?: string; in?: readonly string[] }): readonly string[] | undefined {
  const given = Object.keys(filter);
  if (given.length !== 1) return undefined;
  if (filter.eq !== undefined) return [filter.eq];
  return filter.in;
}

/**
 * The cells `where` selects, when it selects whole cells: nothing but the variable's key, the
 * period's key, the statistic and the unit, each an `eq` or an `in` given once (at the top or
 * in an AND), deprecated facts left out (no `deprecated` given). Any other where (a value range,
 * a nested entity, OR, NOT...) cuts through cells: undefined, and the facts are read.
 */
export function summaryCellsOf(where: FactWhere | null): SummaryCells | undefined {
  const cells: { -readonly [K in keyof SummaryCells]: SummaryCells[K] } = {
    variables: null,
    periods: null,
    statistics: null,
    units: null,
  };
  const FIELDS = {
    variable: "variables",
    period: "periods",
    statistic: "statistics",
    unit: "units",
  };
  const take = (w: FactWhere): boolean => {
    for (const [field, filter] of Object.entries(w)) {
      if (filter === undefined) continue;
      if (field === "AND") {
        if (!(filter as FactWhere[]).every(take)) return false;
        continue;
      }
      const cell = FIELDS[field as keyof typeof FIELDS] as keyof SummaryCells | undefined;
      if (!cell || cells[cell] !== null) return false;
      const nested = field === "variable" || field === "period";
      if (nested && Object.keys(filter).some((k) => k !== "key")) return false;
      const values = valuesOf(nested ? (filter.key ?? {}) : filter);
      if (!values) return false;
      cells[cell] = values;
    }
    return true;
  };
  return take(where ?? {}) ? cells : undefined;
}

/** The summaries of `cells`, summed per group of `by` (no key: one row, zeros when empty). */
export async function summaryRows(
  db: Db,
  cells: SummaryCells,
  by: readonly SummaryKey[] = [],
): Promise<SummaryRow[]> {
  const params = {
    ...cells,
    byVariable: by.includes("VARIABLE"),
    byPeriod: by.includes("PERIOD"),
    byStatistic: by.includes("STATISTIC"),
    byUnit: by.includes("UNIT"),
  };
  const rows = await db.once(`fact-summaries:${JSON.stringify(params)}`, () =>
    db.read<SummaryRow>("fact-summaries", params),
  );
  if (rows.length > 0 || by.length > 0) return rows;
  const empty = { variable: null, period: null, statistic: null, unit: null };
  return [
    {
      ...empty,
      count: 0,
      withValue: 0,
      sum: null,
      min: null,
      max: null,
      units: [],
      statistics: [],
    },
  ];
}

/** The grouping keys of factGroups that are cell keys, as the summaries name them. */
const CELL_KEYS: Partial<Record<FactGroupKey, SummaryKey>> = {
  variable: "VARIABLE",
  period: "PERIOD",
  statistic: "STATISTIC",
  unit: "UNIT",
};

/** `a` before `b`, comparing element by element (numbers as numbers, strings as strings). */
function compare(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * The groups of `page` from the facts' summaries, when its where selects whole cells and it
 * groups by cell keys only; undefined otherwise. Sorted and paged as `factGroupsPage` sorts and
 * pages (its sort values, then its keys ascending, a missing key first).
 */
export async function summaryGroups(
  db: Db,
  page: Omit<FactGroupsPage, "limit" | "after"> & Partial<FactGroupsPage>,
): Promise<FactGroupRow[] | undefined> {
  const cells = summaryCellsOf(page.where);
  const by = page.groupBy.map((k) => CELL_KEYS[k]);
  if (!cells || by.some((k) => k === undefined)) return undefined;
  const rows = await summaryRows(db, cells, by as SummaryKey[]);
  const groups = rows.map((r): FactGroupRow & { order: (number | string)[] } => {
    const avg = r.withValue > 0 && r.sum !== null ? r.sum / r.withValue : null;
    const stats = {
      count: r.count,
      withValue: r.withValue,
      sum: r.sum,
      avg,
      min: r.min,
      max: r.max,
      statistics: r.statistics as Statistic[],
    };
    const sort = page.sort.map(({ field, direction }) => {
      const v = stats[field];
      if (field === "count") return direction === "ASC" ? (v as number) : -(v as number);
      return direction === "ASC" ? (v ?? LAST) : -(v ?? -LAST);
    });
    const keys = Object.fromEntries(page.groupBy.map((k) => [k, r[k as keyof SummaryRow]]));
    const order = [...sort, ...page.groupBy.map((k) => (keys[k] as string | null) ?? "")];
    return { ...stats, keys, sort, order };
  });
  groups.sort((a, b) => compare(a.order, b.order));
  const after = page.after;
  const from = after
    ? groups.filter((g) => compare(g.order, [...after.sort, ...after.keys.map((k) => k ?? "")]) > 0)
    : groups;
  return from.slice(0, page.limit ?? from.length).map(({ order: _order, ...group }) => group);
}
