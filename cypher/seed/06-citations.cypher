// Citations: the verbatim quote of a document, at its offsets, that states a fact.
UNWIND $citations AS c
MATCH (f:Fact {key: c.fact}), (d:Document {id: c.document})
MERGE (n:Citation {key: c.key})
SET n.quote = c.quote, n.start = c.start, n.end = c.end, n.garbled = c.garbled, n.note = c.note, n.ordinal = c.ordinal
MERGE (f)-[:CITED_IN]->(n)
MERGE (n)-[:QUOTES]->(d)
