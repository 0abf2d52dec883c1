// How many source documents the graph holds (zero on an empty database).
MATCH (d:Document) RETURN count(d) AS documents
