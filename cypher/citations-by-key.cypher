// Citations by key.
UNWIND $keys AS key
MATCH (f:Fact)-[:CITED_IN]->(c:Citation {key: key})-[:QUOTES]->(d:Document)
RETURN c {.key, .quote, .start, .end, .garbled, .note, document: d.id, fact: f.key} AS citation
