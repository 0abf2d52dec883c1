// Orderings and filters that the API's connections use (keyset pagination on (name, key)).
CREATE INDEX entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name, n.key);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX fact_statistic IF NOT EXISTS FOR (n:Fact) ON (n.statistic);
CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date);
// Full-text search, one index per language: every label of an entity or variable (searchNames,
// in both indexes) and the text written in that language (an entity's description, a
// document's text), all folded to lower case without accents by the loader (src/text/fold.ts),
// then stemmed by the language's analyzer. The earlier single index is dropped.
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_en IF NOT EXISTS FOR (n:Entity|Variable|Document) ON EACH [n.searchNames, n.searchTextEn]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX search_es IF NOT EXISTS FOR (n:Entity|Variable|Document) ON EACH [n.searchNames, n.searchTextEs]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'spanish'}};
// The change log, by target and time.
CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.target, n.at);
// Facts by variable (statistics, time series and lists of one variable without an entity anchor).
CREATE INDEX fact_variable IF NOT EXISTS FOR (n:Fact) ON (n.variable);
// A variable's facts in key order, read along the index from a cursor on (a page of a variable's
// facts costs what its size is, not what the variable holds).
CREATE INDEX fact_variable_key IF NOT EXISTS FOR (n:Fact) ON (n.variable, n.key);
// Periods by start day (the facts of a date range are read from the periods it matches: a seek on
// kind and start, then the end checked on the few found).
CREATE INDEX entity_kind_start IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.start);
