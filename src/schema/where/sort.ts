import { inputError } from "../../input-error.js";
import type { Sort, SortDirection } from "../../loaders/where/where.js";
import { given } from "./normalise.js";

/** At most this many sort keys (the tie-break on key not counted). */
export const MAX_SORT_KEYS = 4;

/**
 * A `sort` argument (`[{ value: DESC }, { key: ASC }]`) as the loaders take it: each element
 * exactly one field, at most MAX_SORT_KEYS of them; else BAD_USER_INPUT naming `sort[i]`.
 */
export function sortOf<F extends string>(
  input: readonly Partial<Record<F, SortDirection | null>>[] | null | undefined,
  path = "sort",
): Sort<F> {
  if (!given(input)) return [];
  if (input.length > MAX_SORT_KEYS)
    throw inputError(path, `has ${input.length} elements; at most ${MAX_SORT_KEYS} are allowed`);
  return input.map((element, i) => {
    const fields = Object.entries(element).filter(([, d]) => given(d));
    if (fields.length !== 1)
      throw inputError(
        `${path}[${i}]`,
        `must name exactly one field (it names ${fields.length}); give one element per sort key`,
      );
    const [field, direction] = fields[0] as [F, SortDirection];
    return { field, direction };
  });
}
