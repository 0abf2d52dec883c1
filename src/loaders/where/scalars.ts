import Cypher from "@neo4j/cypher-builder";
import { foldText } from "../../text/fold.js";
import type {
  BooleanFilters,
  DateFilters,
  EnumFilters,
  KeyFilters,
  NumberFilters,
  TextFilters,
} from "./where.js";

/**
 * The scalar filters of a `where` (`eq`, `in`, `lt`...) as Cypher predicates on a property,
 * shared by the fact and entity compilers. Every value becomes a `Cypher.Param`; the text of
 * the query depends only on which operators are given. Each predicate is two-valued: a
 * property that is null matches no comparison (so `NOT` of it matches), as in plain code.
 */

type Predicate = Cypher.Predicate;

/** All of `parts` that are given, or undefined (no condition) when none is. */
export function allOf(parts: readonly (Predicate | undefined)[]): Predicate | undefined {
  const given = parts.filter((p): p is Predicate => p !== undefined);
  if (given.length === 0) return undefined;
  return given.length === 1 ? given[0] : Cypher.and(...given);
}

/**
 * A condition that never holds: a parameter, not the literal `false`, which the planner would
 * fold away with the index hint of a page read along keys (src/loaders/where/fact-page.ts).
 */
const never = (): Predicate => {
  const no = new Cypher.Param(false);
  return new Cypher.Raw((env) => env.compile(no));
};

/** At least one of `parts`; a part that is undefined holds always. An empty list holds never. */
export function anyOf(parts: readonly (Predicate | undefined)[]): Predicate | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  if (parts.length === 0) return never();
  return parts.length === 1 ? parts[0] : Cypher.or(...(parts as Predicate[]));
}

/** Not `part` (which, undefined, holds always: its negation never does). */
export function noneOf(part: Predicate | undefined): Predicate {
  return part === undefined ? never() : Cypher.not(part);
}

const param = (value: unknown) => new Cypher.Param(value);

/** `eq`/`in` on a property that is never null (keys and enums the graph always sets). */
export function keyPredicate(
  filters: KeyFilters | EnumFilters<string> | undefined,
  property: Cypher.Expr,
): Predicate | undefined {
  if (!filters) return undefined;
  return allOf([
    filters.eq === undefined ? undefined : Cypher.eq(property, param(filters.eq)),
    filters.in === undefined ? undefined : Cypher.in(property, param([...filters.in])),
  ]);
}

/** Comparisons on a property that may be null (a fact without a value matches none). */
function ordered(
  filters: NumberFilters | DateFilters,
  property: Cypher.Expr,
): Predicate | undefined {
  const parts = allOf([
    filters.eq === undefined ? undefined : Cypher.eq(property, param(filters.eq)),
    "in" in filters && filters.in !== undefined
      ? Cypher.in(property, param([...filters.in]))
      : undefined,
    filters.lt === undefined ? undefined : Cypher.lt(property, param(filters.lt)),
    filters.lte === undefined ? undefined : Cypher.lte(property, param(filters.lte)),
    filters.gt === undefined ? undefined : Cypher.gt(property, param(filters.gt)),
    filters.gte === undefined ? undefined : Cypher.gte(property, param(filters.gte)),
  ]);
  return parts && Cypher.and(Cypher.isNotNull(property), parts);
}

export function numberPredicate(
  filters: NumberFilters | undefined,
  property: Cypher.Expr,
): Predicate | undefined {
  return filters && ordered(filters, property);
}

/** Dates as `YYYY-MM-DD` strings, compared as such. */
export function datePredicate(
  filters: DateFilters | undefined,
  property: Cypher.Expr,
): Predicate | undefined {
  return filters && ordered(filters, property);
}

/** `eq` on a boolean property, null taken as false (as `deprecated` is written). */
export function booleanPredicate(
  filters: BooleanFilters | undefined,
  property: Cypher.Expr,
): Predicate | undefined {
  if (filters?.eq === undefined) return undefined;
  return Cypher.eq(Cypher.coalesce(property, Cypher.false), param(filters.eq));
}

/**
 * Text filters on `folded`, an expression that is already folded (lower case, no accents): the
 * values given are folded here the same way (src/text/fold.ts).
 */
export function textPredicate(
  filters: TextFilters | undefined,
  folded: Cypher.Expr,
): Predicate | undefined {
  if (!filters) return undefined;
  const parts = allOf([
    filters.eq === undefined ? undefined : Cypher.eq(folded, param(foldText(filters.eq))),
    filters.contains === undefined
      ? undefined
      : Cypher.contains(folded, param(foldText(filters.contains))),
    filters.startsWith === undefined
      ? undefined
      : Cypher.startsWith(folded, param(foldText(filters.startsWith))),
  ]);
  // Null (no text) matches nothing, computed once: the folded text may be an expression.
  return parts && Cypher.coalesce(parts, Cypher.false);
}

/** The combining marks (U+0300 to U+036F) that folding removes after NFD. */
const MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));

/**
 * `text` folded in Cypher as src/text/fold.ts folds in TypeScript (for text the graph does not
 * hold folded, such as quotes): decomposed (NFD), its combining marks removed, lower case.
 */
export function foldedText(text: Cypher.Expr): Cypher.Expr {
  const marks = param(MARKS);
  return new Cypher.Raw(
    (env) =>
      `reduce(s = toLower(normalize(${env.compile(text)}, NFD)), m IN ${env.compile(marks)} | replace(s, m, ''))`,
  );
}

/**
 * The labels of a node (entity or variable), each folded: its `searchNames` (every label in
 * either language, folded when seeded: src/seed/seed-parameters.ts) split at its separator.
 */
export function foldedLabels(node: Cypher.Node): Cypher.Expr {
  return Cypher.split(node.property("searchNames"), new Cypher.Literal(" | "));
}

/** Text filters that hold for at least one of `node`'s labels (see foldedLabels). */
export function labelPredicate(
  filters: TextFilters | undefined,
  node: Cypher.Node,
): Predicate | undefined {
  if (!filters) return undefined;
  const label = new Cypher.Variable();
  const holds = textPredicate(filters, label);
  return (
    holds && Cypher.any(label, Cypher.coalesce(foldedLabels(node), new Cypher.List([])), holds)
  );
}
