import { optionalKeyFrom } from "../global-id.js";
import type { FactFilter } from "./facts.js";

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
