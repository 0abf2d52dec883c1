import Cypher from "@neo4j/cypher-builder";
import neo4j from "neo4j-driver";
import type { Db } from "../db/db.js";
import {
  type EntityKind,
  FACT_GROUP_KEYS,
  type FactGroupKey,
  type Statistic,
  type Unit,
} from "../model/vocabulary.js";
import { summaryGroups } from "./fact-summaries.js";
import { matchFacts } from "./where/fact-where.js";
import type { FactWhere, Sort } from "./where/where.js";

/**
 * Facts grouped by some of their keys, with each group's count and the sum, average, smallest and
 * largest of its values: composed with @neo4j/cypher-builder on top of `matchFacts(where)`, every
 * value a parameter; the aggregation runs in Neo4j, one query per page of groups (and one for
 * their number, when asked). Groups are paged by keyset: sorted by their aggregates (as asked)
 * then by their keys (ascending, a missing key first), a page starts after the position of the
 * last group seen.
 */

export type FactGroupSortField = "count" | "sum" | "avg" | "min" | "max";

/** Which facts, grouped by what (`groupBy` without repeats). */
export interface FactGroupsOf {
  where: FactWhere | null;
  groupBy: readonly FactGroupKey[];
}

/** Where a page of groups starts: after the group with these sort values and keys. */
export interface GroupPosition {
  sort: readonly number[];
  keys: readonly (string | null)[];
}

export interface FactGroupsPage extends FactGroupsOf {
  sort: Sort<FactGroupSortField>;
  /** How many groups to read (the page's size plus one). */
  limit: number;
  after: GroupPosition | null;
}

/** The aggregates of a set of facts' values (null when none has a value). */
export interface ValueStats {
  count: number;
  withValue: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/** A group's keys: those it is grouped by (null where its facts have none). */
export interface FactGroupKeys {
  about?: string | null;
  scope?: string | null;
  variable?: string | null;
  period?: string | null;
  statistic?: Statistic | null;
  unit?: Unit | null;
  /** A document's id. */
  document?: string | null;
  aboutKind?: EntityKind | null;
}

/** A group: its keys, its facts' stats, and its sort values (its position, with its keys). */
export interface FactGroupRow extends ValueStats {
  keys: FactGroupKeys;
  /** The distinct statistics of its facts: a target is never summed with what was reached. */
  statistics: Statistic[];
  /** The group's sort values, as its cursor carries them. */
  sort: number[];
}

/** Beyond any value: groups without one sort last in both directions. */
export const LAST = 1.0e308;

/** A key of the fact `f`'s links (`head` of a pattern comprehension: one link of each type). */
function linked(f: Cypher.Node, type: string, property: string): Cypher.Expr {
  const e = new Cypher.Node();
  const pattern = new Cypher.Pattern(f).related({ type, direction: "right" }).to(e);
  return Cypher.head(new Cypher.PatternComprehension(pattern).map(e.property(property)));
}

/** The expression of one group key of `f` (DOCUMENT is matched apart: see `groupedFacts`). */
function keyOf(key: Exclude<FactGroupKey, "document">, f: Cypher.Node): Cypher.Expr {
  switch (key) {
    case "about":
      return linked(f, "ABOUT", "key");
    case "scope":
      return linked(f, "SCOPE", "key");
    case "period":
      return linked(f, "DURING", "key");
    case "aboutKind":
      return linked(f, "ABOUT", "kind");
    default:
      return f.property(key);
  }
}

/**
 * The selected facts, one row per fact and group it is in, with its group's keys: a fact citing
 * two documents is in both DOCUMENT groups; one citing none has a null document.
 */
function groupedFacts({ where, groupBy }: FactGroupsOf) {
  const { f, clause } = matchFacts(where);
  const keys = groupBy.map(() => new Cypher.Variable());
  const columns = groupBy.map((key, i): [Cypher.Expr, Cypher.Variable] => {
    const variable = keys[i] as Cypher.Variable;
    return [key === "document" ? Cypher.Null : keyOf(key, f), variable];
  });
  const documentAt = groupBy.indexOf("document");
  if (documentAt < 0) {
    return { f, keys, clause: Cypher.utils.concat(clause, new Cypher.With(f, ...columns)) };
  }
  const d = new Cypher.Node();
  const cited = new Cypher.OptionalMatch(
    new Cypher.Pattern(f)
      .related({ type: "CITED_IN", direction: "right" })
      .to(new Cypher.Node(), { labels: ["Citation"] })
      .related({ type: "QUOTES", direction: "right" })
      .to(d, { labels: ["Document"] }),
  );
  columns[documentAt] = [d.property("id"), keys[documentAt] as Cypher.Variable];
  return {
    f,
    keys,
    clause: Cypher.utils.concat(clause, cited, new Cypher.With(f, ...columns).distinct()),
  };
}

/** A sort value of a group: ascending whatever the direction, the missing last. */
function sortValue(
  { field, direction }: Sort<FactGroupSortField>[number],
  stats: Record<FactGroupSortField, Cypher.Variable>,
): Cypher.Expr {
  const v = stats[field];
  if (field === "count") return direction === "ASC" ? v : Cypher.minus(v);
  return direction === "ASC"
    ? Cypher.coalesce(v, new Cypher.Literal(LAST))
    : Cypher.minus(Cypher.coalesce(v, new Cypher.Literal(-LAST)));
}

/** `columns > values` in lexicographic order (every column ascending). */
function after(columns: readonly Cypher.Expr[], values: readonly unknown[]): Cypher.Predicate {
  const [column, ...rest] = columns;
  const value = new Cypher.Param(values[0]);
  const greater = Cypher.gt(column as Cypher.Expr, value);
  if (rest.length === 0) return greater;
  const equal = Cypher.eq(column as Cypher.Expr, value);
  return Cypher.or(greater, Cypher.and(equal, after(rest, values.slice(1))));
}

/** `aggregate` of `value`, or null when no fact has a value (sum() of nothing is 0). */
export function noneIfEmpty(value: Cypher.Expr, aggregate: Cypher.Expr): Cypher.Expr {
  return new Cypher.Case()
    .when(Cypher.eq(Cypher.count(value), new Cypher.Literal(0)))
    .then(Cypher.Null)
    .else(aggregate);
}

/** The aggregates of the values of `f` by the group's `keys`: the variables they are named by. */
function aggregated(f: Cypher.Node, keys: readonly Cypher.Variable[]) {
  const value = f.property("value");
  const stats = {
    count: new Cypher.Variable(),
    withValue: new Cypher.Variable(),
    sum: new Cypher.Variable(),
    avg: new Cypher.Variable(),
    min: new Cypher.Variable(),
    max: new Cypher.Variable(),
    statistics: new Cypher.Variable(),
  };
  const clause = new Cypher.With(
    ...keys,
    [Cypher.count(f), stats.count],
    [Cypher.count(value), stats.withValue],
    [noneIfEmpty(value, Cypher.sum(value)), stats.sum],
    [Cypher.avg(value), stats.avg],
    [Cypher.min(value), stats.min],
    [Cypher.max(value), stats.max],
    [Cypher.collect(f.property("statistic")).distinct(), stats.statistics],
  );
  return { stats, clause };
}

/**
 * One page of groups (up to `limit`) in sort order: from the facts' summaries when the where
 * selects whole cells and the groups are cells' (src/loaders/fact-summaries.ts), else from the
 * facts.
 */
export async function factGroupsPage(db: Db, page: FactGroupsPage): Promise<FactGroupRow[]> {
  const summarised = await summaryGroups(db, page);
  if (summarised) return summarised;
  const { f, keys, clause } = groupedFacts(page);
  const { stats, clause: aggregate } = aggregated(f, keys);
  const sorts = page.sort.map((s): [Cypher.Expr, Cypher.Variable] => [
    sortValue(s, stats),
    new Cypher.Variable(),
  ]);
  const sorted = new Cypher.With("*", ...sorts);
  const order = [
    ...sorts.map(([, v]) => v),
    ...keys.map((k) => Cypher.coalesce(k, new Cypher.Literal(""))),
  ];
  if (page.after) {
    sorted.where(after(order, [...page.after.sort, ...page.after.keys.map((k) => k ?? "")]));
  }
  const rows = new Cypher.Return(
    [
      new Cypher.Map(
        Object.fromEntries(page.groupBy.map((k, i) => [k, keys[i] as Cypher.Variable])),
      ),
      "keys",
    ],
    [new Cypher.List(sorts.map(([, v]) => v)), "sort"],
    ...Object.entries(stats).map(([name, v]): [Cypher.Variable, string] => [v, name]),
  )
    .orderBy(...order.map((o): [Cypher.Expr, "ASC"] => [o, "ASC"]))
    .limit(new Cypher.Param(neo4j.int(page.limit)));
  return db.readBuilt<FactGroupRow>(Cypher.utils.concat(clause, aggregate, sorted, rows).build());
}

/** How many groups there are (read once per request, however often asked). */
export function factGroupsCount(db: Db, of: FactGroupsOf): Promise<number> {
  return db.once(`fact-groups-count:${JSON.stringify(of)}`, async () => {
    const summarised = await summaryGroups(db, { ...of, sort: [] });
    if (summarised) return summarised.length;
    const { keys, clause } = groupedFacts(of);
    const query = Cypher.utils.concat(
      clause,
      new Cypher.With(...keys).distinct(),
      new Cypher.Return([Cypher.count(new Cypher.Literal(1)), "total"]),
    );
    const [row] = await db.readBuilt<{ total: number }>(query.build());
    return row?.total ?? 0;
  });
}

/** The conditions a group's keys put on its facts (a missing scope or document: none). */
function keyConditions(keys: FactGroupKeys): FactWhere[] {
  const eq = <T>(value: T) => ({ eq: value });
  const byKey: { [K in FactGroupKey]-?: (v: NonNullable<FactGroupKeys[K]>) => FactWhere } = {
    about: (v) => ({ about: { key: eq(v) } }),
    scope: (v) => ({ scope: { key: eq(v) } }),
    document: (v) => ({ citations: { some: { document: { key: eq(v) } } } }),
    period: (v) => ({ period: { key: eq(v) } }),
    variable: (v) => ({ variable: { key: eq(v) } }),
    statistic: (v) => ({ statistic: eq(v) }),
    unit: (v) => ({ unit: eq(v) }),
    aboutKind: (v) => ({ about: { kind: eq(v) } }),
  };
  const none: Partial<Record<FactGroupKey, FactWhere>> = {
    scope: { NOT: { scope: {} } },
    document: { citations: { none: {} } },
  };
  return FACT_GROUP_KEYS.flatMap((k) => {
    if (!(k in keys)) return [];
    const value = keys[k];
    const condition = value == null ? none[k] : (byKey[k] as (v: string) => FactWhere)(value);
    return condition ? [condition] : [];
  });
}

/**
 * The where of a group's facts: `where` and its keys. Each key's condition goes at the top level
 * when `where` has none on that field (so that an anchor can start from it), else in `AND`; the
 * top-level `deprecated` of `where` stays where it decides.
 */
export function groupWhere(where: FactWhere | null, keys: FactGroupKeys): FactWhere {
  const merged: Record<string, unknown> = { ...where };
  const and: FactWhere[] = [...(where?.AND ?? [])];
  for (const condition of keyConditions(keys)) {
    const [field, value] = Object.entries(condition)[0] as [string, unknown];
    if (merged[field] === undefined) merged[field] = value;
    else and.push(condition);
  }
  return and.length > 0 ? { ...merged, AND: and } : merged;
}
