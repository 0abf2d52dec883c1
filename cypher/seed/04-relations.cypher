// Structural relations between entities; the figure of a link, if any, is the fact named by r.fact.
// A link already in the graph keeps what the entry does not set (its fact, its period, its
// source), so that writing a link again never erases what it held.
// $relations: [{from, type, to, fact, period, sourceDocument, sourceQuote, sourceStart, properties}]
UNWIND $relations AS rel
MATCH (a:Entity {key: rel.from}), (b:Entity {key: rel.to})
MERGE (a)-[r:$(rel.type)]->(b)
SET r.fact = coalesce(rel.fact, r.fact),
    r.period = coalesce(rel.period, r.period),
    r.sourceDocument = coalesce(rel.sourceDocument, r.sourceDocument),
    r.sourceQuote = CASE WHEN rel.sourceDocument IS NULL THEN r.sourceQuote ELSE rel.sourceQuote END,
    r.sourceStart = CASE WHEN rel.sourceDocument IS NULL THEN r.sourceStart ELSE rel.sourceStart END
SET r += rel.properties
