// Backup: every document with its exact text, language, title and skips (parallel lists), by id.
// No parameters.
MATCH (d:Document)
RETURN d.id AS id, d.text AS text, d.language AS language, d.title AS title,
  coalesce(d.skipRaws, []) AS skipRaws, coalesce(d.skipStarts, []) AS skipStarts,
  coalesce(d.skipReasons, []) AS skipReasons
ORDER BY id
