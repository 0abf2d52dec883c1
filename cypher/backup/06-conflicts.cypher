// Backup: every pair of facts whose sources disagree, with its note. No parameters.
MATCH (a:Fact)-[r:CONFLICTS_WITH]->(b:Fact)
RETURN a.key AS a, b.key AS b, r.note AS note
ORDER BY a, b
