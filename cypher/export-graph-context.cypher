// Export (/export/graph.*) of a slice: what the facts a where selects refer to, so that the
// graph export carries them and nothing else: the documents their citations quote, the
// variables they measure and the entities they link to (about, scope, period, compared to).
// Lists of keys only: as long as the graph has entities, whatever the number of facts. Not a
// query alone: it follows the clause that matchFacts(where) composes (src/export/
// export-rows.ts), which binds `f` to each fact selected. No parameters of its own.
CALL (f) {
  MATCH (f)-[:ABOUT|SCOPE|DURING|COMPARED_TO]->(e:Entity) RETURN 'entity' AS kind, e.key AS key
  UNION ALL
  MATCH (f)-[:MEASURES]->(v:Variable) RETURN 'variable' AS kind, v.key AS key
  UNION ALL
  MATCH (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(d:Document) RETURN 'document' AS kind, d.id AS key
}
RETURN kind, collect(DISTINCT key) AS keys
