// Creates the nodes of the new keys a curation change adds, before the seed steps MERGE onto
// them in the same transaction. CREATE, not MERGE: the unique constraints of
// schema/constraints.cypher refuse a key that another transaction created, or is creating (Neo4j
// makes this one wait until that one ends), so that of racing writes of one new key exactly one
// commits and the others fail here, before writing anything.
// $documents: [id], $entities: [key], $variables: [key], $facts: [key], $checks: [key]
// (each sorted, so that two changes claiming the same keys claim them in the same order)
FOREACH (id IN $documents | CREATE (:Document {id: id}))
FOREACH (key IN $entities | CREATE (:Entity {key: key}))
FOREACH (key IN $variables | CREATE (:Variable {key: key}))
FOREACH (key IN $facts | CREATE (:Fact {key: key}))
FOREACH (key IN $checks | CREATE (:Check {key: key}))
