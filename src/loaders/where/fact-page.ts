import Cypher from "@neo4j/cypher-builder";
import neo4j from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import { type AnchorKind, anchorMatch, anchorOf } from "./fact-anchor.js";
import { FACT, factSelection, matchFacts } from "./fact-where.js";
import { afterPosition, factSortPlan, orderOf } from "./sort.js";
import type { FactSortField, FactWhere, Sort } from "./where.js";

/**
 * The queries of lists of facts, composed from a where and a sort: a page (keyset: the rows
 * after the cursor's position, in the sort's order, `limit` of them; page k reads what page 1
 * reads), its count, and both for many parents at once (an entity's, a period's, a document's
 * or a variable's facts, one query for every parent of a tick).
 */

export interface BuiltQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface FactPageOf {
  where: FactWhere | null;
  sort: Sort<FactSortField>;
  limit: number;
  /** The last row seen: its sort values (one per sort key before `key`) and its key. */
  after: { values: readonly unknown[]; key: string } | null;
  /** Read each fact's links (see facts-page-rows.cypher). */
  links: boolean;
}

const SORTED = new Cypher.NamedVariable("sort");
const FACT_ROW = new Cypher.NamedVariable("fact");
const PARENT = new Cypher.NamedVariable("parentKey");

/**
 * The page's rows: each fact with its sort values and key (read for every fact, before the
 * cursor's position is compared, so that a page after a cursor reads what page 1 reads), after
 * the position, ordered and limited.
 */
function pageRows(facts: Cypher.Clause, of: FactPageOf): Cypher.Clause {
  const plan = factSortPlan(of.sort, FACT);
  const key = new Cypher.NamedVariable("key");
  const sorted = new Cypher.With(
    FACT,
    [new Cypher.List(plan.fields.map((s) => s.expr)), SORTED],
    [FACT.property("key"), key],
  );
  const page = (of.after ? sorted.where(afterPosition(plan, SORTED, key, of.after)) : sorted)
    .orderBy(...orderOf(plan, SORTED, key))
    .limit(new Cypher.Param(neo4j.int(of.limit)));
  return Cypher.utils.concat(facts, page, new Cypher.Raw(cypher("facts-page-rows")));
}

/**
 * In key order with no entity or document to start from, the facts are read along an index of
 * keys from the cursor on (a planner hint: the where's own indexes would read every fact it
 * selects, then sort), stopping at the limit: page k costs what page 1 costs, whatever the
 * length of the list. A variable's facts are read along the index of (variable, key), so that a
 * rare variable costs no scan of every fact's key. A period given at the top level is resolved
 * once, with the periods within it, before the scan.
 */
function alongKeys(of: FactPageOf): Cypher.Clause | undefined {
  const plan = factSortPlan(of.sort, FACT);
  const anchor = anchorOf(of.where ?? {}, false);
  if (
    plan.fields.length > 0 ||
    ["ABOUT", "SCOPE", "ABOUT_OR_SCOPE", "DOCUMENT", "RELATED"].includes(anchor.from)
  )
    return undefined;
  if (anchor.from === "VARIABLE")
    return alongVariableKeys(new Cypher.Param(anchor.key), anchor.rest, of);
  const key = FACT.property("key");
  const from = new Cypher.Param(of.after?.key ?? "");
  const fromCursor =
    plan.keyDirection === "ASC" || !of.after ? Cypher.gt(key, from) : Cypher.lt(key, from);
  const within = anchor.from === "WITHIN" ? periodsWithin(anchor.key ?? "") : undefined;
  const selected = factSelection(within ? anchor.rest : of.where, FACT);
  const where = Cypher.and(fromCursor, within?.holds, selected);
  const scan = new Cypher.Raw(
    (env) => `MATCH (f:Fact) USING INDEX f:Fact(key)\nWHERE ${env.compile(where)}`,
  );
  const page = new Cypher.With(FACT, [new Cypher.List([]), SORTED])
    .orderBy([key, plan.keyDirection])
    .limit(new Cypher.Param(neo4j.int(of.limit)));
  return Cypher.utils.concat(within?.clause, scan, page);
}

/**
 * The facts of `variable` (a parameter, or a parent's key in a batch) that `rest` selects, in key
 * order from the cursor on, read along the index of (variable, key): ordering by both lets the
 * planner take the index's order and stop at the limit.
 */
function alongVariableKeys(variable: Cypher.Expr, rest: FactWhere, of: FactPageOf): Cypher.Clause {
  const { keyDirection } = factSortPlan(of.sort, FACT);
  const key = FACT.property("key");
  const from = new Cypher.Param(of.after?.key ?? "");
  const fromCursor =
    keyDirection === "ASC" || !of.after ? Cypher.gt(key, from) : Cypher.lt(key, from);
  const where = Cypher.and(
    Cypher.eq(FACT.property("variable"), variable),
    fromCursor,
    factSelection(rest, FACT),
  );
  const scan = new Cypher.Raw(
    (env) => `MATCH (f:Fact) USING INDEX f:Fact(variable, key)\nWHERE ${env.compile(where)}`,
  );
  const page = new Cypher.With(FACT, [new Cypher.List([]), SORTED])
    .orderBy([FACT.property("variable"), keyDirection], [key, keyDirection])
    .limit(new Cypher.Param(neo4j.int(of.limit)));
  return Cypher.utils.concat(scan, page);
}

/** The periods `key` names (it and those within it), collected once; a fact's period among them. */
function periodsWithin(key: string) {
  const periods = new Cypher.NamedVariable("periods");
  const p = new Cypher.Node();
  const pattern = new Cypher.Pattern(new Cypher.Node(), {
    labels: ["Entity"],
    properties: { key: new Cypher.Param(key) },
  })
    .related({ type: "WITHIN", direction: "left", length: { min: 0, max: 5 } })
    .to(p, { labels: ["Entity"] });
  const clause = Cypher.utils.concat(
    new Cypher.OptionalMatch(pattern),
    new Cypher.With([Cypher.collect(p).distinct(), periods]),
  );
  const q = new Cypher.Node();
  const during = new Cypher.Match(new Cypher.Pattern(FACT).related({ type: "DURING" }).to(q));
  return { clause, holds: new Cypher.Exists(during.where(Cypher.in(q, periods))) };
}

/** One page of the facts `of.where` selects: rows of `key`, `sort` and `fact`. */
export function factPageQuery(of: FactPageOf): BuiltQuery {
  const keyed = alongKeys(of);
  const rows = keyed
    ? Cypher.utils.concat(keyed, new Cypher.Raw(cypher("facts-page-rows")))
    : pageRows(matchFacts(of.where).clause, of);
  const query = Cypher.utils.concat(
    rows,
    new Cypher.Return([FACT.property("key"), "key"], SORTED, FACT_ROW),
  );
  const { cypher: text, params } = query.build();
  return { cypher: text, params: { ...params, links: of.links } };
}

/** How many facts the where selects: one row, `total`. */
export function factCountQuery(where: FactWhere | null): BuiltQuery {
  const { f, clause } = matchFacts(where);
  return Cypher.utils.concat(clause, new Cypher.Return([Cypher.count(f), "total"])).build();
}

/** The facts of each parent (`$keys`), reached from it as `anchor` says, that `where` selects. */
function factsOfParent(anchor: AnchorKind, where: FactWhere | null): Cypher.Clause {
  return anchorMatch(anchor, PARENT, FACT, factSelection(where, FACT));
}

/**
 * For each parent key: one page of its facts (rows of `parentKey` and `items`). A variable's
 * facts in key order are read along the index of (variable, key), as `alongVariableKeys` says.
 */
export function parentsPageQuery(anchor: AnchorKind, keys: readonly string[], of: FactPageOf) {
  const item = new Cypher.Map({ key: FACT.property("key"), sort: SORTED, fact: FACT_ROW });
  const alongVariable = anchor === "VARIABLE" && factSortPlan(of.sort, FACT).fields.length === 0;
  const rows = alongVariable
    ? Cypher.utils.concat(
        alongVariableKeys(PARENT, of.where ?? {}, of),
        new Cypher.Raw(cypher("facts-page-rows")),
      )
    : pageRows(factsOfParent(anchor, of.where), of);
  const page = Cypher.utils.concat(rows, new Cypher.Return([Cypher.collect(item), "rows"]));
  return perParent(keys, page, "rows", "items", { links: of.links });
}

/** For each parent key: how many facts its list holds (rows of `parentKey` and `total`). */
export function parentsCountQuery(
  anchor: AnchorKind,
  keys: readonly string[],
  where: FactWhere | null,
): BuiltQuery {
  const count = Cypher.utils.concat(
    factsOfParent(anchor, where),
    new Cypher.Return([Cypher.count(FACT), "total"]),
  );
  return perParent(keys, count, "total", "total", {});
}

function perParent(
  keys: readonly string[],
  perKey: Cypher.Clause,
  column: string,
  as: string,
  extra: Record<string, unknown>,
): BuiltQuery {
  const query = Cypher.utils.concat(
    new Cypher.Unwind([new Cypher.Param([...keys]), PARENT]),
    new Cypher.Call(perKey, [PARENT]),
    new Cypher.Return(PARENT, [new Cypher.NamedVariable(column), as]),
  );
  const { cypher: text, params } = query.build();
  return { cypher: text, params: { ...params, ...extra } };
}
