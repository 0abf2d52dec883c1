// The facts' summaries (seed/10-fact-summaries.cypher) of the cells a selection covers, summed
// per group: what a count, an aggregate or a grouping over whole cells reads instead of the facts.
// $variables, $periods, $statistics, $units: the keys or values each cell's may take (null: any).
// $byVariable, $byPeriod, $byStatistic, $byUnit: the cell keys to group by (all false: one group).
// One row per group that holds facts, with its units and statistics (an aggregate never adds a
// target to an achievement); sum, min and max are null in a group with no value.
MATCH (s:FactSummary)
WHERE ($variables IS NULL OR s.variable IN $variables)
  AND ($periods IS NULL OR s.period IN $periods)
  AND ($statistics IS NULL OR s.statistic IN $statistics)
  AND ($units IS NULL OR s.unit IN $units)
WITH s,
     CASE WHEN $byVariable THEN s.variable END AS variable,
     CASE WHEN $byPeriod THEN s.period END AS period,
     CASE WHEN $byStatistic THEN s.statistic END AS statistic,
     CASE WHEN $byUnit THEN s.unit END AS unit
WITH variable, period, statistic, unit,
     sum(s.count) AS count, sum(s.withValue) AS withValue, sum(s.sum) AS sum,
     min(s.min) AS min, max(s.max) AS max, collect(DISTINCT s.unit) AS units,
     collect(DISTINCT s.statistic) AS statistics
RETURN variable, period, statistic, unit, count, withValue,
       CASE WHEN withValue = 0 THEN null ELSE sum END AS sum, min, max, units, statistics
