import { factFilter } from "../loaders/fact-filter.js";
import type { FactFilter } from "../loaders/facts.js";
import { STATISTIC } from "../model/vocabulary.js";

/**
 * A bad query-string parameter of an export: answered with a 400 that names it, with the code
 * the API gives the same mistake (BAD_USER_INPUT: malformed; NOT_FOUND: a key that names
 * nothing).
 */
export class ExportParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND" = "BAD_USER_INPUT",
  ) {
    super(`Parameter "${parameter}": ${message}`);
  }
}

/** The query-string parameters of the exports: the fields of the GraphQL `FactFilter`. */
export const FILTER_PARAMETERS = [
  "variable",
  "about",
  "scope",
  "period",
  "document",
  "statistic",
  "garbled",
  "includeDeprecated",
] as const;

const BOOLEANS = new Set(["garbled", "includeDeprecated"]);

/**
 * The filter of an export's query string (`?variable=...&statistic=TOTAL&garbled=false`), read
 * as `facts(filter:)` reads its argument: `statistic` by its GraphQL name, booleans as `true`
 * or `false`, keys or global ids. Throws ExportParameterError naming the first bad parameter.
 */
export function exportFilter(params: URLSearchParams): FactFilter {
  const input: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if (!(FILTER_PARAMETERS as readonly string[]).includes(name))
      throw new ExportParameterError(
        name,
        `is not a filter of the exports (they take ${FILTER_PARAMETERS.join(", ")})`,
      );
    const values = params.getAll(name);
    if (values.length > 1) throw new ExportParameterError(name, "is given more than once");
    const value = values[0] ?? "";
    if (value === "") throw new ExportParameterError(name, "is empty");
    if (BOOLEANS.has(name)) {
      if (value !== "true" && value !== "false")
        throw new ExportParameterError(name, `must be true or false (it is "${value}")`);
      input[name] = value === "true";
    } else if (name === "statistic") {
      input[name] = Object.hasOwn(STATISTIC, value)
        ? STATISTIC[value as keyof typeof STATISTIC].value
        : undefined;
      if (!input[name])
        throw new ExportParameterError(
          name,
          `Value "${value}" does not exist in "Statistic" enum.`,
        );
    } else input[name] = value;
  }
  return factFilter(input);
}

/** Whether no filter but the default one (deprecated facts hidden) is set: the whole graph. */
export function selectsAll(filter: FactFilter): boolean {
  return (
    filter.variable === null &&
    filter.about === null &&
    filter.scope === null &&
    filter.period === null &&
    filter.document === null &&
    filter.statistic === null &&
    filter.garbled === null
  );
}
