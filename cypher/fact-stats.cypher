// Count, sum, min and max of the values of the (non-deprecated) facts of a variable,
// optionally about one entity; facts without a value (garbled) are counted apart.
MATCH (f:Fact {variable: $variable})
WHERE NOT coalesce(f.deprecated, false)
  AND ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
RETURN count(f) AS count, count(f.value) AS withValue,
       sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max
