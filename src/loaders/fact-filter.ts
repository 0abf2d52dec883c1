import { optionalKeyFrom } from "../global-id.js";
import type { FactOrder } from "../model/vocabulary.js";
import type { FactFilter } from "./facts.js";
import type { FactSortField, FactWhere, Sort } from "./where/where.js";

/** A filter of facts as a client gives it (the API's `FactFilter`, an export's query string). */
export type FactFilterInput =
  | {
      variable?: string | null;
      about?: string | null;
      scope?: string | null;
      period?: string | null;
      document?: string | null;
      statistic?: string | null;
      garbled?: boolean | null;
      includeDeprecated?: boolean | null;
    }
  | null
  | undefined;

/** The filter as the loaders take it: every key given as a global id turned into its key. */
export function factFilter(input: FactFilterInput): FactFilter {
  return {
    variable: optionalKeyFrom(input?.variable, "variable"),
    about: optionalKeyFrom(input?.about, "entity"),
    scope: optionalKeyFrom(input?.scope, "entity"),
    period: optionalKeyFrom(input?.period, "period"),
    document: optionalKeyFrom(input?.document, "document"),
    statistic: input?.statistic ?? null,
    garbled: input?.garbled ?? null,
    includeDeprecated: input?.includeDeprecated ?? false,
  };
}

const eq = (key: string | null) => (key === null ? undefined : { key: { eq: key } });

/**
 * The old filter as a where (answered by the same compiled queries): each key an `eq`, the
 * period with those within it, `includeDeprecated` as a `deprecated` that lifts the default.
 */
export function factWhereOf(filter: FactFilter): FactWhere {
  const where: FactWhere = {
    variable: eq(filter.variable),
    about: eq(filter.about),
    scope: eq(filter.scope),
    period: filter.period === null ? undefined : { within: filter.period },
    citations: filter.document === null ? undefined : { some: { document: eq(filter.document) } },
    statistic: filter.statistic === null ? undefined : { eq: filter.statistic as never },
    garbled: filter.garbled === null ? undefined : { eq: filter.garbled },
    deprecated: filter.includeDeprecated ? {} : undefined,
  };
  return Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
}

/** The old order as a sort. */
export function factSortOf(order: FactOrder): Sort<FactSortField> {
  if (order === "KEY") return [];
  return [{ field: "value", direction: order === "VALUE_ASC" ? "ASC" : "DESC" }];
}
