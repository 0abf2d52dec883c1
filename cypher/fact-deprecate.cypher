// Deprecates a fact: it stays, with the reason, hidden from default reads.
MATCH (f:Fact {key: $key})
SET f.deprecated = true, f.deprecatedReason = $reason, f.deprecatedAt = datetime()
RETURN f.key AS key
