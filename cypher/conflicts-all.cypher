// Every pair of conflicting facts, once each.
MATCH (a:Fact)-[r:CONFLICTS_WITH]->(b:Fact)
RETURN a.key AS a, b.key AS b, r.note AS note
ORDER BY a, b
