// All variables, by name.
MATCH (v:Variable)
RETURN v {.key, .name, .nameEs, .unit, .description,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS variable
ORDER BY v.name, v.key
