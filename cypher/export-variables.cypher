// Export (/export/graph.*): the variables with their labels ($keys: those a slice measures; null: all).
MATCH (v:Variable)
WHERE $keys IS NULL OR v.key IN $keys
RETURN v {.key, .name, .unit, .description,
          .labelTexts, .labelLanguages, .labelKinds} AS variable
ORDER BY v.key
