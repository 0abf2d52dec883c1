import { keyFrom, type Named, parseGlobalId } from "../../global-id.js";
import { inputError } from "../../input-error.js";
import type { DateFilters, KeyFilters } from "../../loaders/where/where.js";
import type { InputObject } from "./refs.js";

/**
 * Helpers of the normalisers of `where` inputs (fact-where.ts, entity-where.ts): from what
 * GraphQL gives (optional fields null or absent, keys or global ids) to the plain shape the
 * loaders take (src/loaders/where/where.ts). Each mistake is BAD_USER_INPUT naming its path.
 */

export const given = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;

/** The input's fields that are given, as they are (number, text, boolean and enum filters). */
export function scalars<T>(input: InputObject | null | undefined): T | undefined {
  if (!given(input)) return undefined;
  return Object.fromEntries(Object.entries(input).filter(([, v]) => given(v))) as T;
}

/**
 * The key `value` names: a key as it is, the global id of a `named` as its key; the id of
 * anything else is a mistake (BAD_USER_INPUT naming `path`), not a key of nothing.
 */
export function keyOf(value: string, named: Named, path: string): string {
  const parsed = parseGlobalId(value);
  if (!parsed) return value;
  const key = keyFrom(value, named);
  if (key === value)
    throw inputError(path, `is the id of a ${parsed.typename}; a key or id of a ${named} is taken`);
  return key;
}

/** `{ eq, in }` of keys (or ids of a `named`). */
export function keyFilters(
  input: InputObject | null | undefined,
  named: Named,
  path: string,
): KeyFilters | undefined {
  if (!given(input)) return undefined;
  const filters: { eq?: string; in?: string[] } = {};
  if (given(input.eq)) filters.eq = keyOf(input.eq as string, named, `${path}.eq`);
  if (given(input.in))
    filters.in = (input.in as string[]).map((k, i) => keyOf(k, named, `${path}.in[${i}]`));
  return filters;
}

/** A day written YYYY-MM-DD (a real one), else BAD_USER_INPUT naming `path`. */
export function day(value: string, path: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  )
    throw inputError(path, `must be a day written YYYY-MM-DD (it is "${value}")`);
  return value;
}

/** `{ eq, lt, lte, gt, gte }` of days. */
export function dateFilters(
  input: InputObject | null | undefined,
  path: string,
): DateFilters | undefined {
  const filters = scalars<Record<string, string>>(input);
  if (!filters) return undefined;
  return Object.fromEntries(
    Object.entries(filters).map(([op, v]) => [op, day(v, `${path}.${op}`)]),
  ) as DateFilters;
}

/** Each element of a list input normalised with its index in the path. */
export function each<I, O>(
  items: readonly I[] | null | undefined,
  path: string,
  normalise: (item: I, path: string) => O,
): O[] | undefined {
  return given(items) ? items.map((item, i) => normalise(item, `${path}[${i}]`)) : undefined;
}

/** The object without its undefined fields (so that `{}` stays distinct from absent ones). */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
