// Variables by key.
UNWIND $keys AS key
MATCH (v:Variable {key: key})
RETURN v {.key, .name, .unit, .description} AS variable
