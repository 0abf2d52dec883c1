import { inputError } from "../../input-error.js";
import { given } from "./normalise.js";

/**
 * The bounds of a `where` (any of them: FactWhere, EntityWhere, nested), checked on the input
 * as GraphQL gives it, before anything is normalised or compiled; each refusal is
 * BAD_USER_INPUT naming the path of the offending input (e.g.
 * `where.OR[2].about.relatedTo.some.entity`).
 */
export const WHERE_LIMITS = {
  /** Nested inputs under AND, OR, NOT, about, scope, entity, facts, relatedTo (the where is 0). */
  depth: 6,
  /** Elements of any list (`in`, AND, OR). */
  list: 20,
  /** Conditions (operators given, such as `eq` or `in`) in all. */
  conditions: 50,
} as const;

/** The fields whose input object is one level deeper. */
const NESTING = new Set(["AND", "OR", "NOT", "about", "scope", "entity", "facts", "relatedTo"]);

type Input = { readonly [field: string]: unknown };

/**
 * Checks the bounds of the where `input` at `path`; returns its size, the number of its
 * conditions (what it adds to the operation's cost).
 */
export function checkWhereLimits(input: Input, path: string): number {
  let conditions = 0;
  const count = (at: string) => {
    conditions += 1;
    if (conditions > WHERE_LIMITS.conditions)
      throw inputError(
        at,
        `is condition number ${conditions} of the where; at most ${WHERE_LIMITS.conditions} are allowed`,
      );
  };
  const walk = (object: Input, at: string, depth: number): void => {
    for (const [field, value] of Object.entries(object)) {
      if (!given(value)) continue;
      const here = `${at}.${field}`;
      const level = NESTING.has(field) ? depth + 1 : depth;
      if (NESTING.has(field) && level > WHERE_LIMITS.depth)
        throw inputError(here, `nests the where deeper than ${WHERE_LIMITS.depth} levels`);
      if (Array.isArray(value)) {
        if (value.length > WHERE_LIMITS.list)
          throw inputError(
            here,
            `has ${value.length} elements; at most ${WHERE_LIMITS.list} are allowed`,
          );
        if (value.some((v) => typeof v === "object" && v !== null))
          value.forEach((v, i) => walk(v as Input, `${here}[${i}]`, level));
        else count(here);
      } else if (typeof value === "object") walk(value as Input, here, level);
      else count(here);
    }
  };
  walk(input, path, 0);
  return conditions;
}
