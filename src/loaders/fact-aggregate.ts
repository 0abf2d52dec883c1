import Cypher from "@neo4j/cypher-builder";
import type { Db } from "../db/db.js";
import type { Unit } from "../model/vocabulary.js";
import { noneIfEmpty, type ValueStats } from "./fact-groups.js";
import { matchFacts } from "./where/fact-where.js";
import type { FactWhere } from "./where/where.js";

/**
 * The aggregates of every fact a where selects (not one page): count, how many have a value,
 * their units, and the sum, average, smallest and largest value. One query per where and
 * request, composed on top of `matchFacts(where)`; the aggregation runs in Neo4j.
 */

export interface FactAggregateRow extends ValueStats {
  /** The distinct units of the facts, sorted. */
  units: Unit[];
}

export function factAggregate(db: Db, where: FactWhere | null): Promise<FactAggregateRow> {
  return db.once(`fact-aggregate:${JSON.stringify(where)}`, async () => {
    const { f, clause } = matchFacts(where);
    const value = f.property("value");
    const query = Cypher.utils.concat(
      clause,
      new Cypher.Return(
        [Cypher.count(f), "count"],
        [Cypher.count(value), "withValue"],
        [Cypher.collect(f.property("unit")).distinct(), "units"],
        [noneIfEmpty(value, Cypher.sum(value)), "sum"],
        [Cypher.avg(value), "avg"],
        [Cypher.min(value), "min"],
        [Cypher.max(value), "max"],
      ),
    );
    const [row] = await db.readBuilt<FactAggregateRow>(query.build());
    if (!row) throw new Error("the facts' aggregate returned no row");
    return { ...row, units: [...row.units].sort() };
  });
}
