// Facts whose sources disagree.
UNWIND $conflicts AS c
MATCH (a:Fact {key: c.a}), (b:Fact {key: c.b})
MERGE (a)-[r:CONFLICTS_WITH]->(b)
SET r.note = c.note
