import { coerceInputValue, type GraphQLInputType, isInputType } from "graphql";
import type { FactFilter } from "../loaders/facts.js";
import { schema } from "../schema.js";
import { factFilter } from "../schema/fact-filter.js";

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

function filterType(): GraphQLInputType {
  const type = schema.getType("FactFilter");
  if (!type || !isInputType(type)) throw new Error("the schema has no input type FactFilter");
  return type;
}

/**
 * The filter of an export's query string (`?variable=...&statistic=TOTAL&garbled=false`),
 * coerced by the GraphQL `FactFilter` input type itself (so an export and `facts(filter:)`
 * accept the same values: `statistic` by its GraphQL name, booleans as `true` or `false`).
 * Throws ExportParameterError naming the first bad parameter.
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
    } else input[name] = value;
  }
  const coerced = coerceInputValue(input, filterType(), (path, _invalid, error) => {
    const parameter = String(path[0] ?? "filter");
    throw new ExportParameterError(parameter, error.message);
  }) as Parameters<typeof factFilter>[0];
  return factFilter(coerced);
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

/** Which file reads the facts of a filter in key order, and where its candidates come from. */
export function factsQueryOf(filter: FactFilter): { name: string; source: string } {
  if (filter.about) return { name: "export-facts", source: "ABOUT" };
  if (filter.scope) return { name: "export-facts", source: "SCOPE" };
  if (filter.document) return { name: "export-facts", source: "DOCUMENT" };
  return { name: "export-facts-by-key", source: filter.period ? "PERIOD" : "VARIABLE" };
}

/** Where the facts of a filtered slice come from (export-graph-context.cypher). */
export function contextSourceOf(filter: FactFilter): string {
  if (filter.about) return "ABOUT";
  if (filter.scope) return "SCOPE";
  if (filter.document) return "DOCUMENT";
  if (filter.period) return "PERIOD";
  if (filter.variable) return "VARIABLE";
  return "ALL";
}
