// Facts as nodes; their single-valued links are replaced, so a re-curated fact moves cleanly.
// A deprecation (deprecatedReason, deprecatedAt: a backup's) is set; loading a fact without one
// keeps the one the graph holds. The summary cell a fact leaves is marked stale, for
// 10-fact-summaries to recompute.
// $facts: [{key, variable, about, scope, period, comparedTo, statistic, value, unit, qualifier,
//   note, garbled, deprecatedReason, deprecatedAt (ISO date-time string or null)}]
UNWIND $facts AS f
MERGE (n:Fact {key: f.key})
WITH n, f
CALL (n) {
  MATCH (n)-[:DURING]->(old:Entity)
  MATCH (s:FactSummary {variable: n.variable, period: old.key, statistic: n.statistic, unit: n.unit})
  SET s.stale = true
}
SET n.value = f.value,
    n.unit = f.unit,
    n.statistic = f.statistic,
    n.qualifier = f.qualifier,
    n.note = f.note,
    n.garbled = f.garbled,
    n.variable = f.variable,
    n.deprecated = coalesce(f.deprecatedReason IS NOT NULL OR n.deprecated, false),
    n.deprecatedReason = coalesce(f.deprecatedReason, n.deprecatedReason),
    n.deprecatedAt = coalesce(datetime(f.deprecatedAt), n.deprecatedAt)
WITH n, f
OPTIONAL MATCH (n)-[old:MEASURES|ABOUT|SCOPE|DURING|COMPARED_TO]->()
DELETE old
WITH DISTINCT n, f
MATCH (v:Variable {key: f.variable}), (about:Entity {key: f.about}), (period:Entity {key: f.period})
CREATE (n)-[:MEASURES]->(v), (n)-[:ABOUT]->(about), (n)-[:DURING]->(period)
WITH n, f
CALL (n, f) {
  MATCH (scope:Entity {key: f.scope})
  CREATE (n)-[:SCOPE]->(scope)
}
CALL (n, f) {
  MATCH (compared:Entity {key: f.comparedTo})
  CREATE (n)-[:COMPARED_TO]->(compared)
}
