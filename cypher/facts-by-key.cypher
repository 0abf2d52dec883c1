// Facts by key, with what they link to (key, kind and name: one expansion of the fact's links).
// The pages of facts (composed by src/loaders/where/fact-page.ts, ending with facts-page-rows.cypher)
// return the same projection; they read the links only with $links (when the client asks for one),
// and say so in `linked`.
UNWIND $keys AS key
MATCH (f:Fact {key: key})
WITH f, [(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]] AS links
RETURN f {
  .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
  linked: links IS NOT NULL,
  about: [l IN links WHERE l[0] = 'ABOUT' | l[1]][0],
  scope: [l IN links WHERE l[0] = 'SCOPE' | l[1]][0],
  period: [l IN links WHERE l[0] = 'DURING' | l[1]][0],
  comparedTo: [l IN links WHERE l[0] = 'COMPARED_TO' | l[1]][0]
} AS fact
