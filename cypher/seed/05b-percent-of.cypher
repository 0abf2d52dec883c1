// What a percent fact is a percent of: one PERCENT_OF link from it to that fact, replacing the
// one it had. Run once every fact of the load is written (a percent may name a fact of the same
// load). A fact loaded without `percentOf` keeps the link the graph holds, as it keeps a
// deprecation: a corroboration rewrites its fact from a snapshot that does not carry the link.
// $links: [{fact, percentOf}]
UNWIND $links AS l
MATCH (f:Fact {key: l.fact}), (of:Fact {key: l.percentOf})
CALL (f) {
  MATCH (f)-[old:PERCENT_OF]->()
  DELETE old
}
CREATE (f)-[:PERCENT_OF]->(of)
