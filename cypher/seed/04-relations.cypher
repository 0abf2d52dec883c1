// Structural relations between entities; the figure of a link, if any, is the fact named by r.fact.
UNWIND $relations AS rel
MATCH (a:Entity {key: rel.from}), (b:Entity {key: rel.to})
MERGE (a)-[r:$(rel.type)]->(b)
SET r.fact = rel.fact,
    r.period = rel.period,
    r.sourceDocument = rel.sourceDocument,
    r.sourceQuote = rel.sourceQuote,
    r.sourceStart = rel.sourceStart
SET r += rel.properties
