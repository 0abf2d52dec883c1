// Keys: every node the graph holds is found by a stable, unique key. Curation creates a node by
// CREATE on its key (curation-claim.cypher), so these constraints also decide which of racing
// creates of one key commits (and so which kind label a new entity gets); an update keeps the kind.
// Labels (names) and relations have no key of their own: they live on their nodes and links.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fact_key IF NOT EXISTS FOR (n:Fact) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT citation_key IF NOT EXISTS FOR (n:Citation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT variable_key IF NOT EXISTS FOR (n:Variable) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT check_key IF NOT EXISTS FOR (n:Check) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT change_key IF NOT EXISTS FOR (n:Change) REQUIRE n.key IS UNIQUE;
// One summary per cell of facts (seed/10-fact-summaries.cypher MERGEs on it).
CREATE CONSTRAINT fact_summary_cell IF NOT EXISTS FOR (n:FactSummary) REQUIRE (n.variable, n.period, n.statistic, n.unit) IS UNIQUE;
