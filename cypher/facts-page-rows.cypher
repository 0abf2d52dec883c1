// The rows of a page of facts, appended by src/loaders/where/fact-page.ts to the clause that
// yields each fact `f` of the page with its sort values `sort` (ordered, limited): `fact` is the
// fact as facts-by-key.cypher returns it (keep the projection identical), its links read only
// with $links (when the client asks for one), which `linked` says.
WITH f, sort, CASE WHEN $links THEN [(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]] END AS links
WITH f, sort, f {
  .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
  linked: links IS NOT NULL,
  about: [l IN links WHERE l[0] = 'ABOUT' | l[1]][0],
  scope: [l IN links WHERE l[0] = 'SCOPE' | l[1]][0],
  period: [l IN links WHERE l[0] = 'DURING' | l[1]][0],
  comparedTo: [l IN links WHERE l[0] = 'COMPARED_TO' | l[1]][0]
} AS fact
