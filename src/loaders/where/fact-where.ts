import Cypher from "@neo4j/cypher-builder";
import { entityPredicate } from "./entity-where.js";
import { anchorOf } from "./fact-anchor.js";
import { anchorClause } from "./fact-anchor-clause.js";
import {
  allOf,
  anyOf,
  booleanPredicate,
  datePredicate,
  foldedText,
  keyPredicate,
  labelPredicate,
  noneOf,
  numberPredicate,
  textPredicate,
} from "./scalars.js";
import type {
  CitationWhere,
  DocumentWhere,
  EntityWhere,
  FactWhere,
  PeriodWhere,
  VariableWhere,
} from "./where.js";

/**
 * The fact compiler: a `FactWhere` (src/loaders/where/where.ts) as a Cypher predicate on a fact
 * node, and the clause that yields every fact a where selects. Built with @neo4j/cypher-builder:
 * every value is a parameter, the text depends only on the where's shape.
 */

type Predicate = Cypher.Predicate;

/** An existence subquery: some `pattern` whose nodes satisfy `where` (no condition: any). */
function exists(pattern: Cypher.Pattern, where: Predicate | undefined): Predicate {
  const match = new Cypher.Match(pattern);
  return new Cypher.Exists(where ? match.where(where) : match);
}

/** Facts linked by `type` to an entity that `where` selects. */
function linkedEntity(f: Cypher.Node, type: string, where: EntityWhere): Predicate {
  const e = new Cypher.Node();
  const pattern = new Cypher.Pattern(f).related({ type }).to(e, { labels: ["Entity"] });
  return exists(pattern, entityPredicate(where, e));
}

function variablePredicate(where: VariableWhere, f: Cypher.Node): Predicate | undefined {
  const byKey = keyPredicate(where.key, f.property("variable"));
  if (!where.name && !where.unit) return byKey;
  const v = new Cypher.Node();
  const pattern = new Cypher.Pattern(f)
    .related({ type: "MEASURES" })
    .to(v, { labels: ["Variable"] });
  const onNode = allOf([
    labelPredicate(where.name, v),
    keyPredicate(where.unit, v.property("unit")),
  ]);
  return allOf([byKey, exists(pattern, onNode)]);
}

/** Periods that are `key` or lie within it (WITHIN, up to five levels, as the old filter). */
export function withinPeriod(p: Cypher.Node, key: Cypher.Expr): Predicate {
  const outer = new Cypher.Node();
  const pattern = new Cypher.Pattern(p)
    .related({ type: "WITHIN", length: { min: 0, max: 5 } })
    .to(outer, { labels: ["Entity"] });
  return exists(pattern, Cypher.eq(outer.property("key"), key));
}

/** What `where` says of a period node `p` (undefined: nothing, every period). */
export function periodCondition(where: PeriodWhere, p: Cypher.Node): Predicate | undefined {
  const start = p.property("start");
  const end = p.property("end");
  const overlaps =
    where.overlaps &&
    Cypher.and(
      Cypher.isNotNull(start),
      Cypher.isNotNull(end),
      Cypher.lte(start, new Cypher.Param(where.overlaps.to)),
      Cypher.gte(end, new Cypher.Param(where.overlaps.from)),
    );
  return allOf([
    keyPredicate(where.key, p.property("key")),
    where.within === undefined ? undefined : withinPeriod(p, new Cypher.Param(where.within)),
    datePredicate(where.start, start),
    datePredicate(where.end, end),
    overlaps,
  ]);
}

function periodPredicate(where: PeriodWhere, f: Cypher.Node): Predicate {
  const p = new Cypher.Node();
  return exists(new Cypher.Pattern(f).related({ type: "DURING" }).to(p), periodCondition(where, p));
}

function documentPredicate(where: DocumentWhere, d: Cypher.Node): Predicate | undefined {
  return allOf([
    keyPredicate(where.key, d.property("id")),
    datePredicate(where.date, d.property("date")),
    keyPredicate(where.language, d.property("language")),
  ]);
}

function citationPredicate(where: CitationWhere, c: Cypher.Node): Predicate | undefined {
  const d = new Cypher.Node();
  const quotes = new Cypher.Pattern(c).related({ type: "QUOTES" }).to(d, { labels: ["Document"] });
  return allOf([
    where.document && exists(quotes, documentPredicate(where.document, d)),
    textPredicate(where.quote, foldedText(c.property("quote"))),
  ]);
}

/** `some`, `all` and `none` over the fact's citations. */
function citationsPredicate(where: NonNullable<FactWhere["citations"]>, f: Cypher.Node) {
  const cited = (w: CitationWhere | undefined, negate: boolean) => {
    const c = new Cypher.Node();
    const pattern = new Cypher.Pattern(f)
      .related({ type: "CITED_IN" })
      .to(c, { labels: ["Citation"] });
    const holds = w && citationPredicate(w, c);
    return exists(pattern, negate ? noneOf(holds) : holds);
  };
  return allOf([
    where.some && cited(where.some, false),
    where.all && Cypher.not(cited(where.all, true)),
    where.none && Cypher.not(cited(where.none, false)),
  ]);
}

/** The predicate on `f` that `where` states (undefined: it states none, every fact matches). */
export function factPredicate(where: FactWhere, f: Cypher.Node): Predicate | undefined {
  return allOf([
    where.AND && allOf(where.AND.map((w) => factPredicate(w, f))),
    where.OR && anyOf(where.OR.map((w) => factPredicate(w, f))),
    where.NOT && noneOf(factPredicate(where.NOT, f)),
    keyPredicate(where.key, f.property("key")),
    numberPredicate(where.value, f.property("value")),
    keyPredicate(where.unit, f.property("unit")),
    keyPredicate(where.statistic, f.property("statistic")),
    keyPredicate(where.qualifier, f.property("qualifier")),
    booleanPredicate(where.garbled, f.property("garbled")),
    booleanPredicate(where.deprecated, f.property("deprecated")),
    where.variable && variablePredicate(where.variable, f),
    where.about && linkedEntity(f, "ABOUT", where.about),
    where.scope && linkedEntity(f, "SCOPE", where.scope),
    where.period && periodPredicate(where.period, f),
    where.citations && citationsPredicate(where.citations, f),
  ]);
}

/**
 * What every list of facts adds to its where: deprecated facts are left out unless the where
 * says something about `deprecated` at its top level.
 */
export function factSelection(where: FactWhere | null, f: Cypher.Node): Predicate | undefined {
  const hidden =
    where?.deprecated === undefined
      ? Cypher.not(Cypher.coalesce(f.property("deprecated"), Cypher.false))
      : undefined;
  return allOf([hidden, where ? factPredicate(where, f) : undefined]);
}

/** The fact variable of every clause built here, named so that fixed Cypher can follow it. */
export const FACT = new Cypher.NamedNode("f");

/**
 * A clause yielding `f` for every fact the where selects (anchor chosen from its top-level
 * AND: about/scope key eq, a document key eq, period within, variable key eq; deprecated rule
 * applied); pages, counts, aggregates, groups and exports all start from it.
 */
export function matchFacts(where: FactWhere | null): { f: Cypher.Node; clause: Cypher.Clause } {
  const anchor = anchorOf(where ?? {});
  return {
    f: FACT,
    clause: anchorClause(anchor, FACT, factSelection(anchor.rest, FACT)),
  };
}
