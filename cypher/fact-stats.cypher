// Count, sum, min and max of the values of the (non-deprecated) facts of a variable,
// optionally about one entity; facts without a value (garbled) are counted apart.
// With $about, the facts are reached from that entity; without, through the index on variable.
// One row, which also says whether the variable (and the entity) exist.
CALL () {
  WITH 1 AS x WHERE $about IS NOT NULL
  MATCH (:Entity {key: $about})<-[:ABOUT]-(f:Fact) WHERE f.variable = $variable RETURN f
  UNION ALL
  WITH 1 AS x WHERE $about IS NULL
  MATCH (f:Fact {variable: $variable}) RETURN f
}
WITH f WHERE NOT coalesce(f.deprecated, false)
WITH count(f) AS count, count(f.value) AS withValue,
     sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max
RETURN count, withValue, sum, min, max,
       EXISTS { MATCH (:Variable {key: $variable}) } AS variableFound,
       $about IS NULL OR EXISTS { MATCH (:Entity {key: $about}) } AS aboutFound
