// What the drafter needs of the graph (src/draft/draft-graph.ts), in one read: every entity and
// variable with its labels (parallel lists, as 02-entities.cypher writes them), and every fact
// that is not deprecated, with its links and its citations' quotes; and the structural links
// between entities of the types in $relationTypes (what a program runs, operates, provides,
// where it is), as {from, type, to}.
CALL () {
  MATCH (e:Entity)
  RETURN collect(e {.key, .kind, .start, .end, .granularity,
    .labelTexts, .labelLanguages, .labelKinds}) AS entities
}
CALL () {
  MATCH (v:Variable)
  RETURN collect(v {.key, .unit, .labelTexts, .labelLanguages, .labelKinds}) AS variables
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $relationTypes
  RETURN collect({from: a.key, type: type(r), to: b.key}) AS relations
}
CALL () {
  MATCH (f:Fact) WHERE f.deprecated IS NULL OR f.deprecated = false
  RETURN collect(f {
    .key, .variable, .statistic, .value, .qualifier,
    about: COLLECT { MATCH (f)-[:ABOUT]->(x) RETURN x.key }[0],
    scope: COLLECT { MATCH (f)-[:SCOPE]->(x) RETURN x.key }[0],
    period: COLLECT { MATCH (f)-[:DURING]->(x) RETURN x.key }[0],
    quotes: COLLECT {
      MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
      RETURN {document: d.id, quote: c.quote, start: c.start} ORDER BY c.ordinal
    }
  }) AS facts
}
RETURN entities, variables, relations, facts
