// What a curation change refers to, in the seed format, so that it can be validated exactly as
// the seed loader validates (src/curation/snapshot.ts): the entities it names. Missing keys are
// simply absent (the validator reports them). One query per kind of node, each run only with
// keys, so that each has one plan whatever else a change names.
// $keys: [string], non-empty
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e {.key, .kind, .description, .start, .end, .granularity,
  labels: [i IN range(0, size(e.labelTexts) - 1) | {
    text: e.labelTexts[i], language: e.labelLanguages[i], kind: e.labelKinds[i],
    from: e.labelSources[i]
  }]
} AS row
