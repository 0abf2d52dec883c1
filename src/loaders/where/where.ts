import type {
  EntityKind,
  Language,
  Qualifier,
  RelationType,
  Statistic,
  Unit,
} from "../../model/vocabulary.js";

/**
 * A `where` as the loaders take it: the API's `FactWhere` and `EntityWhere` (and the exports'
 * `where` parameter) once checked and normalised by the schema layer: keys, never global ids;
 * enum values as the graph stores them; dates as `YYYY-MM-DD`; text filters as given (the
 * compiler folds them as the search indexes do). Every field is optional; all given must hold.
 */

export interface KeyFilters {
  eq?: string;
  in?: readonly string[];
}

export interface EnumFilters<T extends string> {
  eq?: T;
  in?: readonly T[];
}

export interface NumberFilters {
  eq?: number;
  in?: readonly number[];
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
}

/** Dates as `YYYY-MM-DD`, compared as such. */
export interface DateFilters {
  eq?: string;
  lt?: string;
  lte?: string;
  gt?: string;
  gte?: string;
}

/** Case- and accent-insensitive (folded as `src/text/fold.ts` folds). */
export interface TextFilters {
  eq?: string;
  contains?: string;
  startsWith?: string;
}

export interface BooleanFilters {
  eq?: boolean;
}

export interface FactWhere {
  AND?: readonly FactWhere[];
  OR?: readonly FactWhere[];
  NOT?: FactWhere;
  key?: KeyFilters;
  value?: NumberFilters;
  unit?: EnumFilters<Unit>;
  statistic?: EnumFilters<Statistic>;
  qualifier?: EnumFilters<Qualifier>;
  garbled?: BooleanFilters;
  /** At the top level only, its presence lifts the default of leaving deprecated facts out. */
  deprecated?: BooleanFilters;
  variable?: VariableWhere;
  about?: EntityWhere;
  scope?: EntityWhere;
  period?: PeriodWhere;
  citations?: ListWhere<CitationWhere>;
}

export interface VariableWhere {
  key?: KeyFilters;
  name?: TextFilters;
  unit?: EnumFilters<Unit>;
}

export interface PeriodWhere {
  key?: KeyFilters;
  /** The key of a period: the fact's period is it or lies within it (WITHIN, any depth). */
  within?: string;
  start?: DateFilters;
  end?: DateFilters;
  /** The fact's period shares at least one day with `from`..`to` (both inclusive). */
  overlaps?: { from: string; to: string };
}

export interface CitationWhere {
  document?: DocumentWhere;
  quote?: TextFilters;
}

export interface DocumentWhere {
  key?: KeyFilters;
  date?: DateFilters;
  language?: EnumFilters<Language>;
}

/** A filter over a list: at least one (`some`), every one (`all`), no one (`none`) matches. */
export interface ListWhere<W> {
  some?: W;
  all?: W;
  none?: W;
}

export interface EntityWhere {
  AND?: readonly EntityWhere[];
  OR?: readonly EntityWhere[];
  NOT?: EntityWhere;
  key?: KeyFilters;
  kind?: EnumFilters<EntityKind>;
  /** Any of its labels, in either language. */
  name?: TextFilters;
  relatedTo?: { some?: RelationWhere; none?: RelationWhere };
  facts?: { some?: FactWhere; none?: FactWhere };
  /**
   * Not in the API's EntityWhere: the deprecated `EntityFilter.text`, folded, a fragment of any
   * label or of the key (as that filter always matched).
   */
  text?: string;
}

export interface RelationWhere {
  relation?: EnumFilters<RelationType>;
  /** Seen from the entity filtered; BOTH when absent. */
  direction?: "OUT" | "IN" | "BOTH";
  entity?: EntityWhere;
}

export type SortDirection = "ASC" | "DESC";

export type FactSortField =
  "key" | "value" | "periodStart" | "periodEnd" | "documentDate" | "aboutName";

export type EntitySortField = "key" | "name" | "kind" | "factCount";

/** One sort key each, in order of precedence; ties are always broken by key (ascending). */
export type Sort<F extends string> = readonly { field: F; direction: SortDirection }[];
