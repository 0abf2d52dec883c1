import type { Db } from "../db/db.js";
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
  return [{ ...empty, count: 0, withValue: 0, sum: null, min: null, max: null, units: [] }];
}
