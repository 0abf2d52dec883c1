// Whether each key that an argument names exists, so that a key of nothing is reported as
// NOT_FOUND naming its argument rather than answered with an empty list. Run only when a
// list came back empty (a non-empty list proves its keys exist).
// $names: list of {named, key}; named is 'entity', 'period' (an entity of kind TimePeriod),
// 'variable', 'document' (by id), 'fact', or 'entityOrFact'.
// One row per name, in order: found.
UNWIND range(0, size($names) - 1) AS i
WITH i, $names[i] AS n
RETURN
  CASE n.named
    WHEN 'entity' THEN EXISTS { MATCH (:Entity {key: n.key}) }
    WHEN 'period' THEN EXISTS { MATCH (p:Entity {key: n.key}) WHERE p.kind = 'TimePeriod' }
    WHEN 'variable' THEN EXISTS { MATCH (:Variable {key: n.key}) }
    WHEN 'document' THEN EXISTS { MATCH (:Document {id: n.key}) }
    WHEN 'fact' THEN EXISTS { MATCH (:Fact {key: n.key}) }
    WHEN 'entityOrFact' THEN EXISTS { MATCH (:Entity {key: n.key}) } OR EXISTS { MATCH (:Fact {key: n.key}) }
    ELSE false
  END AS found
ORDER BY i
