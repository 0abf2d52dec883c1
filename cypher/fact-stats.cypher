// Count, sum, min and max of the values of the (non-deprecated) facts of a variable,
// optionally about one entity; facts without a value (garbled) are counted apart.
// With $about, the facts are reached from that entity; without, the variable's facts' summaries
// (seed/10-fact-summaries.cypher) are summed, never its facts.
// One row, which also says whether the variable (and the entity) exist.
// $variable, $about (or null). (Each branch keeps `x` as a grouping key: an aggregate over a
// branch that does not apply then gives no row rather than a row of zeros.)
CALL () {
  WITH 1 AS x WHERE $about IS NOT NULL
  OPTIONAL MATCH (:Entity {key: $about})<-[:ABOUT]-(f:Fact)
  WHERE f.variable = $variable AND NOT coalesce(f.deprecated, false)
  WITH x, count(f) AS count, count(f.value) AS withValue,
       sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max
  RETURN count, withValue, sum, min, max
  UNION ALL
  WITH 1 AS x WHERE $about IS NULL
  OPTIONAL MATCH (s:FactSummary {variable: $variable})
  WITH x, coalesce(sum(s.count), 0) AS count, coalesce(sum(s.withValue), 0) AS withValue,
       sum(s.sum) AS sum, min(s.min) AS min, max(s.max) AS max
  RETURN count, withValue, CASE WHEN withValue = 0 THEN null ELSE sum END AS sum, min, max
}
RETURN count, withValue, sum, min, max,
       EXISTS { MATCH (:Variable {key: $variable}) } AS variableFound,
       $about IS NULL OR EXISTS { MATCH (:Entity {key: $about}) } AS aboutFound
