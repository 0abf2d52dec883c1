import Cypher from "@neo4j/cypher-builder";
import type { Db } from "../db/db.js";
import type { Statistic, Unit } from "../model/vocabulary.js";
import { noneIfEmpty, type ValueStats } from "./fact-groups.js";
import { type SummaryCells, summaryCellsOf, summaryRows } from "./fact-summaries.js";
import { matchFacts } from "./where/fact-where.js";
import type { FactWhere } from "./where/where.js";

/**
 * The aggregates of every fact a where selects (not one page): count, how many have a value,
 * their units and statistics, and the sum, average, smallest and largest value. One query per where and
 * request, composed on top of `matchFacts(where)`; the aggregation runs in Neo4j. A where that
 * selects whole cells reads the facts' summaries instead (src/loaders/fact-summaries.ts).
 */

export interface FactAggregateRow extends ValueStats {
  /** The distinct units of the facts, sorted. */
  units: Unit[];
  /** The distinct statistics of the facts, sorted (a target is never added to an achievement). */
  statistics: Statistic[];
}

export function factAggregate(db: Db, where: FactWhere | null): Promise<FactAggregateRow> {
  return db.once(`fact-aggregate:${JSON.stringify(where)}`, async () => {
    const cells = summaryCellsOf(where);
    if (cells) return aggregateOfSummaries(db, cells);
    const { f, clause } = matchFacts(where);
    const value = f.property("value");
    const query = Cypher.utils.concat(
      clause,
      new Cypher.Return(
        [Cypher.count(f), "count"],
        [Cypher.count(value), "withValue"],
        [Cypher.collect(f.property("unit")).distinct(), "units"],
        [Cypher.collect(f.property("statistic")).distinct(), "statistics"],
        [noneIfEmpty(value, Cypher.sum(value)), "sum"],
        [Cypher.avg(value), "avg"],
        [Cypher.min(value), "min"],
        [Cypher.max(value), "max"],
      ),
    );
    const [row] = await db.readBuilt<FactAggregateRow>(query.build());
    if (!row) throw new Error("the facts' aggregate returned no row");
    return { ...row, units: [...row.units].sort(), statistics: [...row.statistics].sort() };
  });
}

/** The aggregate of whole cells, from their summaries (the average is their sum over their values). */
async function aggregateOfSummaries(db: Db, cells: SummaryCells): Promise<FactAggregateRow> {
  const [row] = await summaryRows(db, cells);
  if (!row) throw new Error("the facts' summaries returned no row");
  const { count, withValue, sum, min, max } = row;
  const avg = withValue > 0 && sum !== null ? sum / withValue : null;
  const units = [...row.units].sort() as Unit[];
  const statistics = [...row.statistics].sort() as Statistic[];
  return { count, withValue, sum, avg, min, max, units, statistics };
}
