// What a curation change refers to, in the seed format, so that it can be validated exactly
// as the seed loader validates: the entities, variables and documents named, and the facts
// named with their citations. Missing keys are simply absent (the validator reports them).
CALL () {
  UNWIND $entityKeys AS key
  MATCH (e:Entity {key: key})
  RETURN collect(e {.key, .kind, .description, .start, .end, .granularity,
    labels: [i IN range(0, size(e.labelTexts) - 1) | {
      text: e.labelTexts[i], language: e.labelLanguages[i], kind: e.labelKinds[i],
      from: e.labelSources[i]
    }]
  }) AS entities
}
CALL () {
  UNWIND $variableKeys AS key
  MATCH (v:Variable {key: key})
  RETURN collect(v {.key, .unit, .description,
    labels: [i IN range(0, size(v.labelTexts) - 1) | {
      text: v.labelTexts[i], language: v.labelLanguages[i], kind: v.labelKinds[i],
      from: v.labelSources[i]
    }]
  }) AS variables
}
CALL () {
  UNWIND $documentIds AS id
  MATCH (d:Document {id: id})
  RETURN collect(d {.id, .date, .text, .language, .title}) AS documents
}
CALL () {
  UNWIND $factKeys AS key
  MATCH (f:Fact {key: key})
  RETURN collect(f {
    .key, .variable, .statistic, .value, .unit, .qualifier, .note,
    about: COLLECT { MATCH (f)-[:ABOUT]->(x) RETURN x.key }[0],
    scope: COLLECT { MATCH (f)-[:SCOPE]->(x) RETURN x.key }[0],
    period: COLLECT { MATCH (f)-[:DURING]->(x) RETURN x.key }[0],
    comparedTo: COLLECT { MATCH (f)-[:COMPARED_TO]->(x) RETURN x.key }[0],
    citations: COLLECT {
      MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
      WITH c, d ORDER BY c.ordinal
      RETURN c {.quote, .start, .garbled, .note, document: d.id}
    }
  }) AS facts
}
RETURN entities, variables, documents, facts
