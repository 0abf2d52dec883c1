// For each fact key: its citations in order, with the id of the document each quotes.
UNWIND $keys AS factKey
MATCH (f:Fact {key: factKey})
CALL (f) {
  MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
  WITH c, d ORDER BY c.ordinal, c.key
  RETURN collect(c {.key, .quote, .start, .end, .garbled, .note, document: d.id, fact: f.key}) AS citations
}
RETURN factKey AS parentKey, citations AS items
