// The facts a curation change names, with their citations in order, in the seed format (see
// curation-snapshot-entities).
// $keys: [string], non-empty
UNWIND $keys AS key
MATCH (f:Fact {key: key})
RETURN f {
  .key, .variable, .statistic, .value, .unit, .qualifier, .note,
  about: COLLECT { MATCH (f)-[:ABOUT]->(x) RETURN x.key }[0],
  scope: COLLECT { MATCH (f)-[:SCOPE]->(x) RETURN x.key }[0],
  period: COLLECT { MATCH (f)-[:DURING]->(x) RETURN x.key }[0],
  comparedTo: COLLECT { MATCH (f)-[:COMPARED_TO]->(x) RETURN x.key }[0],
  citations: COLLECT {
    MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
    WITH c, d ORDER BY c.ordinal
    RETURN c {.quote, .start, .garbled, .note, document: d.id}
  }
} AS row
