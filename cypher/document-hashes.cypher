// The SHA-256 of documents' texts, for a graph seeded before documents had one (load-seeds.ts).
UNWIND $hashes AS h
MATCH (d:Document {id: h.id})
SET d.sha256 = h.sha256
