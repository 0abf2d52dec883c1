// Variables: what a fact measures, with its unit.
UNWIND $variables AS v
MERGE (n:Variable {key: v.key})
SET n.name = v.name, n.unit = v.unit, n.description = v.description
