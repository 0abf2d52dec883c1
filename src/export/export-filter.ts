import { coerceInputValue, GraphQLError, type GraphQLInputType } from "graphql";
import { factFilter, whereOfFilter } from "../loaders/fact-filter.js";
import type { FactFilter } from "../loaders/facts.js";
import type { FactWhere } from "../loaders/where/where.js";
import { STATISTIC } from "../model/vocabulary.js";

/**
 * A bad query-string parameter of an export: answered with a 400 that names it (and, for a
 * `where`, the path in it), with the code the API gives the same mistake (BAD_USER_INPUT:
 * malformed; NOT_FOUND: a key of the old parameters that names nothing).
 */
export class ExportParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND" = "BAD_USER_INPUT",
    readonly path?: string,
  ) {
    super(`Parameter "${parameter}": ${message}`);
  }
}

/** The old query-string parameters of the exports: the fields of the GraphQL `FactFilter`. */
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

/** The keys of the old parameters, checked before the export (NOT_FOUND when one names nothing). */
export type NamedKeys = Partial<
  Record<"variable" | "about" | "scope" | "period" | "document", string>
>;

/** What an export selects: a where, and the keys its old parameters named. */
export interface ExportSelection {
  where: FactWhere;
  keys: NamedKeys;
}

/** How an export reads `?where=`: the API's `FactWhere` type, and its normaliser. */
export interface WhereReading {
  type: GraphQLInputType;
  normalise: (input: unknown) => FactWhere;
}

/**
 * The selection of an export's query string: `?where=<JSON>` read as `facts(where:)` reads its
 * argument (checked against the API's `FactWhere`, then normalised: the same errors, naming the
 * same path), or the old parameters (`?variable=...&statistic=TOTAL&garbled=false`, read as
 * `facts(filter:)` reads them) turned into a where. Throws ExportParameterError.
 */
export function exportSelection(params: URLSearchParams, reading: WhereReading): ExportSelection {
  const names = new Set(params.keys());
  for (const name of names) {
    if (name !== "where" && !(FILTER_PARAMETERS as readonly string[]).includes(name))
      throw new ExportParameterError(
        name,
        `is not a filter of the exports (they take where, or ${FILTER_PARAMETERS.join(", ")})`,
      );
    if (params.getAll(name).length > 1)
      throw new ExportParameterError(name, "is given more than once");
    if (params.get(name) === "") throw new ExportParameterError(name, "is empty");
  }
  if (!names.has("where")) {
    const filter = oldFilter(params);
    return { where: whereOfFilter(filter), keys: namedKeys(filter) };
  }
  if (names.size > 1)
    throw new ExportParameterError(
      "where",
      `is given with ${[...names].filter((n) => n !== "where").join(", ")}: give one or the other`,
    );
  return { where: parsedWhere(params.get("where") ?? "", reading), keys: {} };
}

/** `?where=`: JSON, coerced to the API's `FactWhere`, then normalised as the API does. */
function parsedWhere(text: string, { type, normalise }: WhereReading): FactWhere {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExportParameterError("where", `is not JSON (${(error as Error).message})`);
  }
  const input = coerceInputValue(json, type, (path, _value, error) => {
    const at = path.reduce<string>(
      (p, k) => (typeof k === "number" ? `${p}[${k}]` : `${p}.${k}`),
      "where",
    );
    throw new ExportParameterError("where", `${at}: ${error.message}`, "BAD_USER_INPUT", at);
  });

  try {
    return normalise(input);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const argument = error.extensions.argument;
    throw new ExportParameterError(
      "where",
      error.message,
      "BAD_USER_INPUT",
      typeof argument === "string" ? argument : undefined,
    );
  }
}

/** The old parameters, read as `facts(filter:)` reads its argument. */
function oldFilter(params: URLSearchParams): FactFilter {
  const input: Record<string, unknown> = {};
  for (const [name, value] of params) {
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
  try {
    return factFilter(input);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const argument = String(error.extensions.argument ?? "");
    throw new ExportParameterError(argument, error.message);
  }
}

function namedKeys(filter: FactFilter): NamedKeys {
  const keys: NamedKeys = {};
  for (const name of ["variable", "about", "scope", "period", "document"] as const) {
    const key = filter[name];
    if (key !== null) keys[name] = key;
  }
  return keys;
}

/** Whether a where selects every fact but the deprecated ones (or every one): the whole graph. */
export function selectsAll(where: FactWhere): boolean {
  return Object.keys(where).every((k) => k === "deprecated") && where.deprecated?.eq !== true;
}
