import Cypher from "@neo4j/cypher-builder";
import neo4j from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import { entityPredicate } from "./entity-where.js";
import { factSelection } from "./fact-where.js";
import { afterPosition, orderOf, sortPlan } from "./sort.js";
import type { EntitySortField, EntityWhere, Sort, SortDirection } from "./where.js";

/**
 * The queries of `Query.entities`, composed from a where and a sort: a page (keyset: the rows
 * after the cursor's position, in the sort's order, `limit` of them) and its count.
 */

export interface EntityPageOf {
  where: EntityWhere;
  sort: Sort<EntitySortField>;
  limit: number;
  /** The last row seen: its sort values (one per sort key before `key`) and its key. */
  after: { values: readonly unknown[]; key: string } | null;
}

/** The entity variable, named so that the fixed Cypher of entities-page.cypher can follow it. */
const ENTITY = new Cypher.NamedNode("n");
const SORTED = new Cypher.NamedVariable("sort");

/** How many facts `Entity.facts` lists by default: about it or scoped to it, not deprecated. */
function factCount(e: Cypher.Node): Cypher.Expr {
  const f = new Cypher.Node();
  const pattern = new Cypher.Pattern(e)
    .related({ type: Cypher.labelExpr.or("ABOUT", "SCOPE"), direction: "left" })
    .to(f, { labels: ["Fact"] });
  const facts = new Cypher.Match(pattern).where(factSelection(null, f) ?? Cypher.true);
  return new Cypher.Count(Cypher.utils.concat(facts, new Cypher.Return(f).distinct()));
}

const ENTITY_SORT: Record<EntitySortField, (e: Cypher.Node, d: SortDirection) => Cypher.Expr> = {
  key: (e) => e.property("key"),
  name: (e) => Cypher.toLower(e.property("name")),
  kind: (e) => e.property("kind"),
  factCount,
};

/** The entities `where` selects. */
function matchEntities(where: EntityWhere): Cypher.Match {
  const match = new Cypher.Match(new Cypher.Pattern(ENTITY, { labels: ["Entity"] }));
  const selected = entityPredicate(where, ENTITY);
  return selected ? match.where(selected) : match;
}

/** One page of the entities `of.where` selects: rows of `node` and `sort` (its sort values). */
export function entityPageQuery(of: EntityPageOf): Cypher.Clause {
  const plan = sortPlan(of.sort, ENTITY_SORT, ENTITY);
  const sorted = new Cypher.With(ENTITY, [new Cypher.List(plan.fields.map((s) => s.expr)), SORTED]);
  const key = ENTITY.property("key");
  const page = (of.after ? sorted.where(afterPosition(plan, SORTED, key, of.after)) : sorted)
    .orderBy(...orderOf(plan, SORTED, key))
    .limit(new Cypher.Param(neo4j.int(of.limit)));
  return Cypher.utils.concat(
    matchEntities(of.where),
    page,
    new Cypher.Raw(cypher("entities-page")),
  );
}

/** How many entities the where selects: one row, `total`. */
export function entityCountQuery(where: EntityWhere): Cypher.Clause {
  return Cypher.utils.concat(
    matchEntities(where),
    new Cypher.Return([Cypher.count(ENTITY), "total"]),
  );
}
