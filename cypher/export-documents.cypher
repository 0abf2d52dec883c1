// Export (/export/graph.*): the documents with their text ($ids: those a slice cites; null: all).
MATCH (d:Document)
WHERE $ids IS NULL OR d.id IN $ids
RETURN d {.id, .date, .title, .text, .language, .sha256} AS document
ORDER BY d.id
