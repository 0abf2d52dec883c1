// All documents, oldest first.
MATCH (d:Document)
RETURN d {.id, .date, .title, .text, .length, .language, .sha256} AS document
ORDER BY d.date, d.id
