// Variables: what a fact measures, with its unit, and its labels as an entity's (02-entities).
UNWIND $variables AS v
MERGE (n:Variable {key: v.key})
SET n.name = v.name, n.nameEs = v.nameEs, n.unit = v.unit, n.description = v.description,
    n.labelTexts = v.labelTexts, n.labelLanguages = v.labelLanguages, n.labelKinds = v.labelKinds,
    n.labelSources = v.labelSources, n.labelDocuments = v.labelDocuments,
    n.searchNames = v.searchNames
