import Cypher from "@neo4j/cypher-builder";
import type { FactSortField, Sort, SortDirection } from "./where.js";

/**
 * Sorts as Cypher: each sort key an expression on the row (`fields`), ties broken by the key
 * (`keyDirection`, ascending unless the sort names `key` itself), and the keyset predicate of
 * a cursor: the rows strictly after the position (every sort value, then the key). Rows whose
 * sort value is missing (a fact without a value, without a cited document's date...) sort last
 * in both directions: the value is replaced by a bound above or below every real one.
 */
export interface SortPlan {
  fields: { expr: Cypher.Expr; direction: SortDirection }[];
  keyDirection: SortDirection;
}

/** The bounds that stand for a missing value: past every real one in the sort's direction. */
const LAST = {
  number: { ASC: 1.0e308, DESC: -1.0e308 },
  text: { ASC: "\uffff", DESC: "" },
} as const;

function orLast(expr: Cypher.Expr, type: keyof typeof LAST, direction: SortDirection) {
  return Cypher.coalesce(expr, new Cypher.Param(LAST[type][direction]));
}

/** The first value of `property` on the node `f` links to by `type`. */
function linked(f: Cypher.Node, type: string, property: string): Cypher.Expr {
  const n = new Cypher.Node();
  const pattern = new Cypher.Pattern(f).related({ type }).to(n);
  return Cypher.listIndex(new Cypher.PatternComprehension(pattern).map(n.property(property)), 0);
}

/** The earliest date of the documents the fact's citations quote. */
function documentDate(f: Cypher.Node): Cypher.Expr {
  const d = new Cypher.Node();
  const pattern = new Cypher.Pattern(f)
    .related({ type: "CITED_IN" })
    .to(new Cypher.Node(), { labels: ["Citation"] })
    .related({ type: "QUOTES" })
    .to(d, { labels: ["Document"] });
  const date = d.property("date");
  const earliest = new Cypher.Match(pattern)
    .where(Cypher.isNotNull(date))
    .return(date)
    .orderBy(date)
    .limit(1);
  return Cypher.listIndex(new Cypher.Collect(earliest), 0);
}

const FACT_SORT: Record<FactSortField, (f: Cypher.Node, d: SortDirection) => Cypher.Expr> = {
  key: (f) => f.property("key"),
  value: (f, d) => orLast(f.property("value"), "number", d),
  periodStart: (f, d) => orLast(linked(f, "DURING", "start"), "text", d),
  periodEnd: (f, d) => orLast(linked(f, "DURING", "end"), "text", d),
  documentDate: (f, d) => orLast(documentDate(f), "text", d),
  aboutName: (f, d) => orLast(linked(f, "ABOUT", "name"), "text", d),
};

/** The sort keys before the first `key` (which, with its direction, breaks the ties). */
export function sortPlan<F extends string>(
  sort: Sort<F>,
  expressions: Record<F, (node: Cypher.Node, d: SortDirection) => Cypher.Expr>,
  node: Cypher.Node,
): SortPlan {
  const at = sort.findIndex((s) => s.field === "key");
  const before = at === -1 ? sort : sort.slice(0, at);
  return {
    fields: before.map(({ field, direction }) => ({
      expr: expressions[field](node, direction),
      direction,
    })),
    keyDirection: at === -1 ? "ASC" : (sort[at]?.direction ?? "ASC"),
  };
}

export function factSortPlan(sort: Sort<FactSortField>, f: Cypher.Node): SortPlan {
  return sortPlan(sort, FACT_SORT, f);
}

const after = (direction: SortDirection, a: Cypher.Expr, b: Cypher.Expr) =>
  direction === "ASC" ? Cypher.gt(a, b) : Cypher.lt(a, b);

/**
 * The rows after the position `values` (one per sort key, as `sorted`, the list of the row's
 * sort values, holds them) and `key`: lexicographic, each key in its own direction.
 */
export function afterPosition(
  plan: SortPlan,
  sorted: Cypher.Variable,
  key: Cypher.Expr,
  position: { values: readonly unknown[]; key: string },
): Cypher.Predicate {
  let predicate: Cypher.Predicate = after(plan.keyDirection, key, new Cypher.Param(position.key));
  for (let i = plan.fields.length - 1; i >= 0; i -= 1) {
    const value = Cypher.listIndex(sorted, i);
    const at = new Cypher.Param(position.values[i] ?? null);
    const direction = plan.fields[i]?.direction ?? "ASC";
    predicate = Cypher.or(after(direction, value, at), Cypher.and(Cypher.eq(value, at), predicate));
  }
  return predicate;
}

/** ORDER BY of a plan: each sort value of `sorted` in its direction, then the key. */
export function orderOf(
  plan: SortPlan,
  sorted: Cypher.Variable,
  key: Cypher.Expr,
): [Cypher.Expr, SortDirection][] {
  return [
    ...plan.fields.map(({ direction }, i): [Cypher.Expr, SortDirection] => [
      Cypher.listIndex(sorted, i),
      direction,
    ]),
    [key, plan.keyDirection],
  ];
}
