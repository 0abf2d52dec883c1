// Backup: every entity with all its properties (the loader's, its labels as parallel lists, and
// any extra scalar attributes, which the backup tells apart), by key. No parameters.
MATCH (e:Entity)
RETURN properties(e) AS entity
ORDER BY e.key
