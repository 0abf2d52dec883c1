// Variables by key.
UNWIND $keys AS key
MATCH (v:Variable {key: key})
RETURN v {.key, .name, .nameEs, .unit, .description,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS variable
