import type Cypher from "@neo4j/cypher-builder";
import { allOf, anyOf, keyPredicate, noneOf } from "./scalars.js";
import type { EntityWhere } from "./where.js";

/**
 * STAND-IN (core's branch): the entities helper owns this file and its real `entityPredicate`
 * (name, relatedTo, facts); this one handles `key`, `kind`, AND, OR and NOT only, so that the
 * fact compiler's `about` and `scope` work meanwhile. The owner's file wins at merge.
 */
export function entityPredicate(where: EntityWhere, e: Cypher.Node): Cypher.Predicate | undefined {
  return allOf([
    where.AND && allOf(where.AND.map((w) => entityPredicate(w, e))),
    where.OR && anyOf(where.OR.map((w) => entityPredicate(w, e))),
    where.NOT && noneOf(entityPredicate(where.NOT, e)),
    keyPredicate(where.key, e.property("key")),
    keyPredicate(where.kind, e.property("kind")),
  ]);
}
