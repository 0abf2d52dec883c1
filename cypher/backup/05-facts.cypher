// Backup: every fact, deprecated or not, with what it refers to, its deprecation (reason and
// time), what it is a percent of, and its citations in their order (a corroboration's among them), by key.
// No parameters.
MATCH (f:Fact)
RETURN f {
  .key, .variable, .statistic, .value, .unit, .qualifier, .note, .deprecated,
  .deprecatedReason,
  deprecatedAt: toString(f.deprecatedAt),
  about: COLLECT { MATCH (f)-[:ABOUT]->(x) RETURN x.key }[0],
  scope: COLLECT { MATCH (f)-[:SCOPE]->(x) RETURN x.key }[0],
  period: COLLECT { MATCH (f)-[:DURING]->(x) RETURN x.key }[0],
  comparedTo: COLLECT { MATCH (f)-[:COMPARED_TO]->(x) RETURN x.key }[0],
  percentOf: COLLECT { MATCH (f)-[:PERCENT_OF]->(x) RETURN x.key }[0],
  citations: COLLECT {
    MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
    WITH c, d ORDER BY c.ordinal, c.key
    RETURN c {.quote, .start, .garbled, .note, document: d.id}
  }
} AS fact
ORDER BY f.key
