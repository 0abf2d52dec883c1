// One page of entities, keyset-paginated on (sort, key).
// $kinds: null or kind names; $text: null or a fragment of the key or of a label, folded as
// searchNames holds every label (src/text/fold.ts: lower case, no accents);
// $relatedTo: null or the key of an entity linked to them by any structural relation.
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR n.searchNames CONTAINS $text OR n.key CONTAINS $text)
  AND ($relatedTo IS NULL OR EXISTS { (n)--(:Entity {key: $relatedTo}) })
WITH n, CASE $order WHEN 'KEY' THEN n.key ELSE toLower(n.name) END AS sort
WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND n.key > $afterKey)
RETURN n {.key, .kind, .name, .nameEs, .aliases, .description, .start, .end, .granularity,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS node, sort
ORDER BY sort, n.key
LIMIT $limit
