// Orderings and filters that the API's connections use (keyset pagination on (name, key)).
CREATE INDEX entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name, n.key);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX fact_statistic IF NOT EXISTS FOR (n:Fact) ON (n.statistic);
CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date);
// Full-text search over names, aliases (joined into aliasText), descriptions and document text.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Entity|Document) ON EACH [n.name, n.aliasText, n.description, n.text];
// The change log, by target and time.
CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.target, n.at);
// Facts by variable (statistics, time series and lists of one variable without an entity anchor).
CREATE INDEX fact_variable IF NOT EXISTS FOR (n:Fact) ON (n.variable);
