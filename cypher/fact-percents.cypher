// For each fact key: the facts that are a percent of it (progress towards a target, shares of a
// total), deprecated ones left out as default reads leave them, by key.
// $keys: [string]
UNWIND $keys AS factKey
MATCH (:Fact {key: factKey})<-[:PERCENT_OF]-(p:Fact)
WHERE p.deprecated = false
WITH factKey, p ORDER BY p.key
RETURN factKey AS parentKey, collect(p.key) AS items
