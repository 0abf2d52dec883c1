// For each fact key: the fact it is a percent of (a list of none or one key), along its PERCENT_OF link.
// $keys: [string]
UNWIND $keys AS factKey
MATCH (:Fact {key: factKey})-[:PERCENT_OF]->(of:Fact)
RETURN factKey AS parentKey, collect(of.key) AS items
