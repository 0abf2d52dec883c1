// Changes between releases (the rule and its twin in TypeScript, valueChangesOf: src/model/check/
// value-changes.ts): in each series of facts (entity, variable, statistic, scope, unit) of a
// statistic compared across periods, a fact and the latest earlier fact of a comparable period
// (of that period's facts, one of the same value first, else the first by key) when it shares no
// document with it and states another value. Deprecated facts and facts without a value are left
// out. Read from the index on statistic (a hint: from an entity about which most facts are
// monthly totals, the planner would otherwise start there): the cost is that of the compared
// statistics' facts (stocks, cumulatives, daily averages), not of a national-scale graph's
// monthly totals.
// Parameters: $statistics (the compared statistics), $comparedBy (statistic -> 'any', 'start' or
// 'granularity': what two periods must share), $about (an entity's key, or null: all), $keys
// (the later facts' keys, or null: all), $limit, $afterValue, $afterKey (keyset: newest first by
// the later fact's period end, then by its key).
// Returns {from, to, fromValue, toValue, sort} rows.
MATCH (f:Fact) USING INDEX f:Fact(statistic)
WHERE f.statistic IN $statistics AND f.value IS NOT NULL AND NOT coalesce(f.deprecated, false)
MATCH (f)-[:ABOUT]->(a:Entity)
WHERE $about IS NULL OR a.key = $about
MATCH (f)-[:DURING]->(p:Entity)
WITH f, p,
     [a.key, f.variable, f.statistic, COLLECT { MATCH (f)-[:SCOPE]->(s) RETURN s.key }[0], f.unit,
      CASE $comparedBy[f.statistic] WHEN 'start' THEN p.start WHEN 'granularity' THEN p.granularity
      ELSE '' END] AS series,
     COLLECT { MATCH (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(d:Document) RETURN DISTINCT d.id } AS documents
ORDER BY toString(p.end), toString(p.start), f.key
WITH series, collect({key: f.key, value: f.value, start: toString(p.start), end: toString(p.end),
     documents: documents}) AS points
UNWIND points AS to
WITH to, [x IN points WHERE x.end < to.end OR (x.end = to.end AND x.start < to.start)] AS earlier
WHERE size(earlier) > 0 AND ($keys IS NULL OR to.key IN $keys)
WITH to, [x IN earlier WHERE x.end = last(earlier).end AND x.start = last(earlier).start] AS latest
WITH to, coalesce([x IN latest WHERE x.value = to.value][0], latest[0]) AS from
WHERE from.value <> to.value AND none(d IN from.documents WHERE d IN to.documents)
WITH from, to, to.end AS sort
WHERE $afterKey IS NULL OR sort < $afterValue OR (sort = $afterValue AND to.key > $afterKey)
RETURN from.key AS from, to.key AS to, from.value AS fromValue, to.value AS toValue, sort
ORDER BY sort DESC, to
LIMIT $limit
