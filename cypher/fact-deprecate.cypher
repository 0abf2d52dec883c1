// Deprecates a fact: it stays, with the reason, hidden from default reads. Its summary cell is
// marked stale, for seed/10-fact-summaries to recompute in the same transaction.
// $key, $reason
MATCH (f:Fact {key: $key})
SET f.deprecated = true, f.deprecatedReason = $reason, f.deprecatedAt = datetime()
WITH f
CALL (f) {
  MATCH (f)-[:DURING]->(p:Entity)
  MATCH (s:FactSummary {variable: f.variable, period: p.key, statistic: f.statistic, unit: f.unit})
  SET s.stale = true
}
RETURN f.key AS key
