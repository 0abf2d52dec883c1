// The variables a curation change names, in the seed format (see curation-snapshot-entities).
// $keys: [string], non-empty
UNWIND $keys AS key
MATCH (v:Variable {key: key})
RETURN v {.key, .unit, .description,
  labels: [i IN range(0, size(v.labelTexts) - 1) | {
    text: v.labelTexts[i], language: v.labelLanguages[i], kind: v.labelKinds[i],
    from: v.labelSources[i]
  }]
} AS row
