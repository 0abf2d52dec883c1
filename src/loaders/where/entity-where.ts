import Cypher from "@neo4j/cypher-builder";
import { RELATION_TYPES } from "../../model/vocabulary.js";
import { factSelection } from "./fact-where.js";
import { allOf, anyOf, keyPredicate, labelPredicate, noneOf } from "./scalars.js";
import type { EntityWhere, FactWhere, RelationWhere } from "./where.js";

/**
 * The entity compiler: an `EntityWhere` (./where.ts) as a Cypher predicate on an entity node.
 * Built with @neo4j/cypher-builder: every value is a parameter, the text depends only on the
 * where's shape.
 */

type Predicate = Cypher.Predicate;

/** The predicate on `e` that `where` states (undefined: it states none, every entity matches). */
export function entityPredicate(where: EntityWhere, e: Cypher.Node): Predicate | undefined {
  return allOf([
    where.AND && allOf(where.AND.map((w) => entityPredicate(w, e))),
    where.OR && anyOf(where.OR.map((w) => entityPredicate(w, e))),
    where.NOT && noneOf(entityPredicate(where.NOT, e)),
    keyPredicate(where.key, e.property("key")),
    keyPredicate(where.kind, e.property("kind")),
    labelPredicate(where.name, e),
    where.text === undefined ? undefined : fragmentPredicate(where.text, e),
    where.relatedTo?.some && relatedPredicate(where.relatedTo.some, e),
    where.relatedTo?.none && Cypher.not(relatedPredicate(where.relatedTo.none, e)),
    where.facts?.some && factsPredicate(where.facts.some, e),
    where.facts?.none && Cypher.not(factsPredicate(where.facts.none, e)),
  ]);
}

/** The deprecated `EntityFilter.text` (folded): a fragment of any label or of the key. */
function fragmentPredicate(text: string, e: Cypher.Node): Predicate {
  const fragment = new Cypher.Param(text);
  return Cypher.or(
    Cypher.contains(e.property("searchNames"), fragment),
    Cypher.contains(e.property("key"), fragment),
  );
}

/** The structural links, those the relation fields follow (never a fact's links). */
const STRUCTURAL = Cypher.labelExpr.or(...RELATION_TYPES);

const DIRECTIONS = { OUT: "right", IN: "left", BOTH: "undirected" } as const;

/**
 * The link types a relation filter names, written into the pattern (only values of the closed
 * RELATION_TYPES list ever become pattern text), and what of the filter is left to check on
 * `type(r)`. Any other filter (none, an empty `in`, an unknown value) reads every structural type.
 */
export function linkTypes(relation: RelationWhere["relation"]) {
  const wanted = relation?.eq !== undefined ? [relation.eq] : relation?.in;
  if (!wanted?.length || !wanted.every((t) => RELATION_TYPES.includes(t)))
    return { type: STRUCTURAL, rest: relation };
  const types = RELATION_TYPES.filter((t) => wanted.includes(t));
  const rest = relation?.eq !== undefined && relation.in ? { in: relation.in } : undefined;
  return { type: Cypher.labelExpr.or(...types), rest };
}

/**
 * Some structural link of `e` as `where` says: its type, its direction (OUT: from `e` to the
 * other entity, as a relation field's `direction` means it) and the entity at the other end.
 */
function relatedPredicate(where: RelationWhere, e: Cypher.Node): Predicate {
  const link = new Cypher.Relationship();
  const other = new Cypher.Node();
  const { type, rest } = linkTypes(where.relation);
  const pattern = new Cypher.Pattern(e)
    .related(link, { type, direction: DIRECTIONS[where.direction ?? "BOTH"] })
    .to(other, { labels: ["Entity"] });
  return exists(
    pattern,
    allOf([
      keyPredicate(rest, Cypher.type(link)),
      where.entity && entityPredicate(where.entity, other),
    ]),
  );
}

/**
 * Some fact about `e` or scoped to it (those `Entity.facts` lists by default) that `where`
 * selects, as a list of facts selects them (deprecated ones only when it says `deprecated`).
 */
function factsPredicate(where: FactWhere, e: Cypher.Node): Predicate {
  const fact = new Cypher.Node();
  const pattern = new Cypher.Pattern(e)
    .related({ type: Cypher.labelExpr.or("ABOUT", "SCOPE"), direction: "left" })
    .to(fact, { labels: ["Fact"] });
  return exists(pattern, factSelection(where, fact));
}

function exists(pattern: Cypher.Pattern, where: Predicate | undefined): Predicate {
  const match = new Cypher.Match(pattern);
  return new Cypher.Exists(where ? match.where(where) : match);
}
