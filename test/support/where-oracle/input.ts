/**
 * The API's where and sort inputs as the oracle sends them (enum values by their GraphQL names,
 * keys, never global ids): written from the SDL of PLAN-24, not imported from the server, so
 * that the oracle and the server share no reading of them.
 */

export type Direction = "ASC" | "DESC";

export interface KeyIn {
  eq?: string;
  in?: string[];
}
export interface EnumIn {
  eq?: string;
  in?: string[];
}
export interface NumberIn {
  eq?: number;
  in?: number[];
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
}
export interface DateIn {
  eq?: string;
  lt?: string;
  lte?: string;
  gt?: string;
  gte?: string;
}
export interface TextIn {
  eq?: string;
  contains?: string;
  startsWith?: string;
}

export interface FactWhereIn {
  AND?: FactWhereIn[];
  OR?: FactWhereIn[];
  NOT?: FactWhereIn;
  key?: KeyIn;
  value?: NumberIn;
  unit?: EnumIn;
  statistic?: EnumIn;
  qualifier?: EnumIn;
  garbled?: { eq?: boolean };
  deprecated?: { eq?: boolean };
  variable?: { key?: KeyIn; name?: TextIn; unit?: EnumIn };
  about?: EntityWhereIn;
  scope?: EntityWhereIn;
  period?: PeriodWhereIn;
  citations?: { some?: CitationWhereIn; all?: CitationWhereIn; none?: CitationWhereIn };
}

export interface PeriodWhereIn {
  key?: KeyIn;
  within?: string;
  start?: DateIn;
  end?: DateIn;
  overlaps?: { from: string; to: string };
}

export interface CitationWhereIn {
  document?: { key?: KeyIn; date?: DateIn; language?: EnumIn };
  quote?: TextIn;
}

export interface EntityWhereIn {
  AND?: EntityWhereIn[];
  OR?: EntityWhereIn[];
  NOT?: EntityWhereIn;
  key?: KeyIn;
  kind?: EnumIn;
  name?: TextIn;
  relatedTo?: { some?: RelationWhereIn; none?: RelationWhereIn };
  facts?: { some?: FactWhereIn; none?: FactWhereIn };
}

export interface RelationWhereIn {
  relation?: EnumIn;
  direction?: "OUT" | "IN" | "BOTH";
  entity?: EntityWhereIn;
}

export const FACT_SORT_FIELDS = [
  "key",
  "value",
  "periodStart",
  "periodEnd",
  "documentDate",
  "aboutName",
] as const;
export type FactSortField = (typeof FACT_SORT_FIELDS)[number];
/** One element of `sort: [FactSort!]`: exactly one field. */
export type FactSortIn = Partial<Record<FactSortField, Direction>>;

export const GROUP_BY = [
  "ABOUT",
  "SCOPE",
  "VARIABLE",
  "PERIOD",
  "STATISTIC",
  "UNIT",
  "DOCUMENT",
  "ABOUT_KIND",
] as const;
export type GroupBy = (typeof GROUP_BY)[number];
