// Facts by key, with the keys of what they link to.
UNWIND $keys AS key
MATCH (f:Fact {key: key})
RETURN f {
  .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
  about: COLLECT { MATCH (f)-[:ABOUT]->(e) RETURN e.key }[0],
  scope: COLLECT { MATCH (f)-[:SCOPE]->(e) RETURN e.key }[0],
  period: COLLECT { MATCH (f)-[:DURING]->(e) RETURN e.key }[0],
  comparedTo: COLLECT { MATCH (f)-[:COMPARED_TO]->(e) RETURN e.key }[0]
} AS fact
