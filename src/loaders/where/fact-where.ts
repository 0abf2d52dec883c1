import Cypher from "@neo4j/cypher-builder";
import { entityPredicate } from "./entity-where.js";
import {
  allOf,
  anyOf,
  booleanPredicate,
  keyPredicate,
  noneOf,
  numberPredicate,
} from "./scalars.js";
import type { EntityWhere, FactWhere } from "./where.js";

/**
 * STAND-IN (entities' branch): core owns this file and its real fact compiler; this one handles
 * what an EntityWhere's `facts` needs in the entities' tests (no period, citations, variable
 * name or unit). The owner's file wins at merge.
 */

type Predicate = Cypher.Predicate;

function linkedEntity(f: Cypher.Node, type: string, where: EntityWhere): Predicate {
  const e = new Cypher.Node();
  const match = new Cypher.Match(
    new Cypher.Pattern(f).related({ type }).to(e, { labels: ["Entity"] }),
  );
  const condition = entityPredicate(where, e);
  return new Cypher.Exists(condition ? match.where(condition) : match);
}

/** The predicate on `f` that `where` states (undefined: it states none, every fact matches). */
export function factPredicate(where: FactWhere, f: Cypher.Node): Predicate | undefined {
  if (where.period || where.citations || where.variable?.name || where.variable?.unit)
    throw new Error("not in the stand-in fact compiler: period, citations, variable name/unit");
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
    keyPredicate(where.variable?.key, f.property("variable")),
    where.about && linkedEntity(f, "ABOUT", where.about),
    where.scope && linkedEntity(f, "SCOPE", where.scope),
  ]);
}

/** `factPredicate`, deprecated facts left out unless the where's top level says `deprecated`. */
export function factSelection(where: FactWhere | null, f: Cypher.Node): Predicate | undefined {
  const hidden =
    where?.deprecated === undefined
      ? Cypher.not(Cypher.coalesce(f.property("deprecated"), Cypher.false))
      : undefined;
  return allOf([hidden, where ? factPredicate(where, f) : undefined]);
}
