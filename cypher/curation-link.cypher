// The link that a curation change sets, read after its start entity is locked (a property set
// and removed takes the entity's write lock until the transaction ends): changes of the links of
// one entity run one at a time, each reading what the one before it committed. No row when the
// start entity does not exist; properties is null when the link does not exist yet.
// $from, $type, $to: the link's start key, relation type and end key
MATCH (a:Entity {key: $from})
SET a.curationLock = true
REMOVE a.curationLock
WITH a
OPTIONAL MATCH (a)-[r]->(:Entity {key: $to})
WHERE type(r) = $type
RETURN properties(r) AS properties
