// The seeds' skips on the seed documents of a graph seeded before documents kept their skips:
// only documents that lack them get them; nothing else changes.
// $documents: [{id, skipRaws: [string], skipStarts: [int], skipReasons: [string], ...}]
UNWIND $documents AS d
MATCH (n:Document {id: d.id})
WHERE n.skipStarts IS NULL
SET n.skipRaws = d.skipRaws, n.skipStarts = d.skipStarts, n.skipReasons = d.skipReasons
