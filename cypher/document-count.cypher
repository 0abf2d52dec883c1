// How many source documents the graph holds (zero on an empty database), how many of them
// lack a language (a graph seeded before documents and entities had languages and labels),
// how many lack their skips (a graph seeded before documents kept them), and how many lack the
// SHA-256 of their text (seeded or ingested before documents had one), and whether the graph
// holds facts but no facts' summary (loaded before summaries existed: see fact-summaries-rebuild).
MATCH (d:Document)
RETURN count(d) AS documents, count(CASE WHEN d.language IS NULL THEN 1 END) AS withoutLanguage,
  count(CASE WHEN d.skipStarts IS NULL THEN 1 END) AS withoutSkips,
  count(CASE WHEN d.sha256 IS NULL THEN 1 END) AS withoutHash,
  EXISTS { MATCH (:Fact) } AND NOT EXISTS { MATCH (:FactSummary) } AS withoutSummaries
