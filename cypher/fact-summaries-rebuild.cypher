// Rebuilds every facts' summary (see seed/10-fact-summaries.cypher) from all the facts: for a
// graph loaded before summaries existed, or changed in bulk outside the seed steps (the
// benchmark's generator). Values are summed smallest first, as 10-fact-summaries sums them.
// No parameters.
CALL () { MATCH (s:FactSummary) DETACH DELETE s }
MATCH (p:Entity)<-[:DURING]-(f:Fact)
WHERE f.deprecated = false
WITH f, p ORDER BY f.value
WITH f.variable AS variable, p.key AS period, f.statistic AS statistic, f.unit AS unit,
     count(f) AS count, count(f.value) AS withValue, sum(f.value) AS sum,
     min(f.value) AS min, max(f.value) AS max
CREATE (:FactSummary {variable: variable, period: period, statistic: statistic, unit: unit,
        count: count, withValue: withValue, sum: sum, min: min, max: max})
RETURN count(*) AS cells
