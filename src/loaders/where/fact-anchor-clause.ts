import Cypher from "@neo4j/cypher-builder";
import { linkTypes } from "./entity-where.js";
import { type Anchor, anchorMatch } from "./fact-anchor.js";
import { periodCondition } from "./fact-where.js";

/** `MATCH` of `pattern` whose facts `where` selects, each fact once. */
function distinctMatch(
  pattern: Cypher.Pattern,
  f: Cypher.Node,
  where: Cypher.Predicate | undefined,
) {
  const match = new Cypher.Match(pattern);
  return Cypher.utils.concat(where ? match.where(where) : match, new Cypher.With(f).distinct());
}

/** Seen from the keyed entity, the link a RelationWhere's direction (seen from the fact's) means. */
const REVERSED = { OUT: "left", IN: "right", BOTH: "undirected" } as const;

/**
 * `MATCH` of the facts of a where's anchor filtered by `where` (the anchor's `rest`): the
 * anchors of a parent's list (`anchorMatch`), and those only a where gives: the entities
 * related to a keyed one, then their facts; the periods of the dates, then their facts (the
 * rest checked before DISTINCT, where the planner checks the cheap properties first).
 */
export function anchorClause(
  anchor: Anchor,
  f: Cypher.Node,
  where: Cypher.Predicate | undefined,
): Cypher.Clause {
  const key = new Cypher.Param(anchor.key);
  const { from, related, period } = anchor;
  if (from === "RELATED" && related) {
    const { relation } = related;
    const pattern = new Cypher.Pattern(new Cypher.Node(), {
      labels: ["Entity"],
      properties: { key },
    })
      .related({
        type: linkTypes(relation.relation).type,
        direction: REVERSED[relation.direction ?? "BOTH"],
      })
      .to(new Cypher.Node(), { labels: ["Entity"] })
      .related({ type: related.link, direction: "left" })
      .to(f, { labels: ["Fact"] });
    return distinctMatch(pattern, f, where);
  }
  if (from === "PERIODS" && period) {
    const p = new Cypher.Node();
    const isPeriod = Cypher.eq(p.property("kind"), new Cypher.Literal("TimePeriod"));
    const periods = new Cypher.Match(new Cypher.Pattern(p, { labels: ["Entity"] })).where(
      Cypher.and(isPeriod, periodCondition(period, p)),
    );
    const during = new Cypher.Pattern(p).related({ type: "DURING", direction: "left" });
    return Cypher.utils.concat(
      periods,
      distinctMatch(during.to(f, { labels: ["Fact"] }), f, where),
    );
  }
  if (from === "RELATED" || from === "PERIODS")
    throw new Error(`${from} anchor without its condition`);
  return anchorMatch(from, key, f, where);
}
