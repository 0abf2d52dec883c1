// Keeps the facts' summaries in step with the facts just written, in the same transaction: one
// :FactSummary per cell (variable, period, statistic, unit) holding, over the cell's facts that are
// not deprecated, how many (count), how many with a value (withValue) and the values' sum, min
// and max. Recomputes the cells of $cells and every cell a write marked stale (05-facts marks the
// cell a fact leaves, fact-deprecate the cell of the fact it deprecates); a cell left empty has
// no summary. Values are summed smallest first, as fact-summaries-rebuild sums them: the same
// facts give the same sum to the last bit whichever way they were reached. Reads that the summaries can answer (src/loaders/fact-summaries.ts) never scan facts.
// $cells: [{variable, period, statistic, unit}]
CALL () {
  UNWIND $cells AS c
  RETURN c.variable AS variable, c.period AS period, c.statistic AS statistic, c.unit AS unit
  UNION
  MATCH (s:FactSummary {stale: true})
  RETURN s.variable AS variable, s.period AS period, s.statistic AS statistic, s.unit AS unit
}
CALL (variable, period, statistic, unit) {
  OPTIONAL MATCH (:Entity {key: period})<-[:DURING]-(f:Fact)
  WHERE f.variable = variable AND f.statistic = statistic AND f.unit = unit AND f.deprecated = false
  WITH f ORDER BY f.value
  WITH count(f) AS count, count(f.value) AS withValue, sum(f.value) AS sum,
       min(f.value) AS min, max(f.value) AS max
  MERGE (s:FactSummary {variable: variable, period: period, statistic: statistic, unit: unit})
  SET s.count = count, s.withValue = withValue, s.sum = sum, s.min = min, s.max = max,
      s.stale = null
  WITH s WHERE count = 0
  DELETE s
}
RETURN count(*) AS cells
