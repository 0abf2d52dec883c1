// Part-of-total consistency checks between facts.
UNWIND $checks AS c
MERGE (n:Check {key: c.key})
SET n.name = c.name, n.description = c.description
WITH n, c
OPTIONAL MATCH (n)-[old:PART|TOTAL]->()
DELETE old
WITH DISTINCT n, c
CALL (n, c) {
  UNWIND range(0, size(c.parts) - 1) AS i
  MATCH (p:Fact {key: c.parts[i]})
  CREATE (n)-[:PART {ordinal: i}]->(p)
}
CALL (n, c) {
  UNWIND range(0, size(c.totals) - 1) AS i
  MATCH (t:Fact {key: c.totals[i]})
  CREATE (n)-[:TOTAL {ordinal: i}]->(t)
}
