// One page of entities under a where and a sort, keyset-paginated. Composed by
// src/loaders/entities.ts (composedCypher): {{where}} is the where's predicate on n
// (src/loaders/where/entity-where.ts; true: every entity); {{order}} orders by `sort`'s elements,
// each in its direction, then by key.
// $sort: the sort fields in order ('key', 'name', 'kind', 'factCount'); each row's `sort` holds
//   their values (name: lower-cased; factCount: its facts as Entity.facts counts them by default,
//   about it or scoped to it and not deprecated, counted only when $countFacts);
// $directions: 'ASC' or 'DESC' for each; $afterValues, $afterKey: the cursor's position (null:
//   the first page): a row comes after it when its first differing sort value is past the
//   cursor's in its direction, or, all equal, its key is greater; $limit: the page size + 1.
MATCH (n:Entity)
WHERE {{where}}
WITH n, CASE WHEN $countFacts THEN COUNT {
  MATCH (n)<-[:ABOUT|SCOPE]-(f:Fact) WHERE NOT coalesce(f.deprecated, false) RETURN DISTINCT f
} END AS factCount
WITH n, [field IN $sort | CASE field
  WHEN 'key' THEN n.key WHEN 'name' THEN toLower(n.name) WHEN 'kind' THEN n.kind ELSE factCount
END] AS sort
WHERE $afterKey IS NULL
  OR any(i IN range(0, size(sort) - 1) WHERE
    all(j IN range(0, i - 1) WHERE sort[j] = $afterValues[j])
    AND CASE $directions[i] WHEN 'ASC' THEN sort[i] > $afterValues[i] ELSE sort[i] < $afterValues[i] END)
  OR (sort = $afterValues AND n.key > $afterKey)
RETURN n {.key, .kind, .name, .nameEs, .aliases, .description, .start, .end, .granularity,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS node, sort
ORDER BY {{order}}
LIMIT $limit
