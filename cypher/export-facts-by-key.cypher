// Export (/export/*): every fact that the filters of facts(filter:) select, in key order, read
// along the unique index on Fact.key (no sort, so the first rows leave at once and nothing of
// the list is held: the server consumes the records as they arrive). For filters that no
// entity or document anchors (variable, period, statistic, garbled); the anchored ones:
// export-facts.cypher. Keep the filters identical to facts-page-by-key.cypher and the
// projection identical to export-facts.cypher.
CALL () {
  OPTIONAL MATCH (:Entity {key: $period})<-[:WITHIN*0..5]-(p:Entity)
  RETURN collect(DISTINCT p) AS periods
}
MATCH (f:Fact)
WHERE f.key > ""
WITH f, periods
WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($period IS NULL OR EXISTS { (f)-[:DURING]->(q) WHERE q IN periods })
WITH f ORDER BY f.key
RETURN f {
  .key, .value, .unit, .statistic, .qualifier, .garbled,
  deprecated: coalesce(f.deprecated, false),
  variable: [(f)-[:MEASURES]->(v:Variable) | v {.key, .name}][0],
  about: [(f)-[:ABOUT]->(e) | e {.key, .name}][0],
  scope: [(f)-[:SCOPE]->(e) | e {.key, .name}][0],
  period: [(f)-[:DURING]->(e) | e {.key, .name, .start, .end}][0],
  comparedTo: [(f)-[:COMPARED_TO]->(e) | e {.key}][0],
  conflicts: COLLECT {
    MATCH (f)-[r:CONFLICTS_WITH]-(other:Fact)
    WITH r, other ORDER BY other.key
    RETURN {fact: other.key, note: r.note}
  },
  citations: COLLECT {
    MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
    WITH c, d ORDER BY c.ordinal, c.key
    RETURN c {.key, .quote, .start, .end, .garbled, document: d.id, date: d.date}
  }
} AS fact
