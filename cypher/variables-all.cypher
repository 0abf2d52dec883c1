// All variables, by name.
MATCH (v:Variable)
RETURN v {.key, .name, .unit, .description} AS variable
ORDER BY v.name, v.key
