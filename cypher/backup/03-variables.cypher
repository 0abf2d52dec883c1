// Backup: every variable with its unit, description and labels (parallel lists), by key.
// No parameters.
MATCH (v:Variable)
RETURN v {.key, .unit, .description, .labelTexts, .labelLanguages, .labelKinds, .labelSources}
  AS variable
ORDER BY v.key
