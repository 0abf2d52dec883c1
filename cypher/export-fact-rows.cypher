// Export (/export/*): the rows of the facts a where selects, in key order, each with its
// fields, links and citations. Not a query alone: it follows the clause that matchFacts(where)
// composes (src/export/export-rows.ts), which binds `f` to each fact selected; every value of
// the where is a parameter of that clause. No parameters of its own.
WITH f ORDER BY f.key
RETURN f {
  .key, .value, .unit, .statistic, .qualifier, .garbled,
  deprecated: coalesce(f.deprecated, false),
  variable: [(f)-[:MEASURES]->(v:Variable) | v {.key, .name}][0],
  about: [(f)-[:ABOUT]->(e) | e {.key, .name}][0],
  scope: [(f)-[:SCOPE]->(e) | e {.key, .name}][0],
  period: [(f)-[:DURING]->(e) | e {.key, .name, .start, .end}][0],
  comparedTo: [(f)-[:COMPARED_TO]->(e) | e {.key}][0],
  percentOf: [(f)-[:PERCENT_OF]->(o:Fact) | o {.key}][0],
  conflicts: COLLECT {
    MATCH (f)-[r:CONFLICTS_WITH]-(other:Fact)
    WITH r, other ORDER BY other.key
    RETURN {fact: other.key, note: r.note}
  },
  citations: COLLECT {
    MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
    WITH c, d ORDER BY c.ordinal, c.key
    RETURN c {.key, .quote, .start, .end, .garbled, document: d.id, date: d.date}
  }
} AS fact
