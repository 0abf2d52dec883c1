// For each parent key: one page of the entities linked to it, and below each entity of that
// page (when the query asks for a relation field there too) its own page, and so on: up to
// three levels in one query, however many parents. $depth says how many levels to read and
// $levels holds three maps (those beyond $depth are placeholders: LIMIT is evaluated anyway):
//   types, direction ('OUT', 'IN' or 'BOTH'), kinds: which links and entities (as
//     related-entities-count.cypher counts them);
//   limit, afterValue, afterKey: the page, keyset-paginated on (lower-case name, key); the
//     cursor holds the name as it is, lower-cased here (as toLower does nothing to a lower-case
//     name, a cursor holding the lower-case name pages the same). Two links to one entity come
//     in the order of their element ids, which costs no read (their types would cost one read
//     per candidate link);
//   links: whether to read the link's type, direction, fact, period, role and source (only
//     when the client asks for one of them: their properties are not read otherwise);
//   parentKind: for the levels below the first, the kind of entity the field is asked on
//     (null: every kind).
// Each edge is a tuple (fewer bytes than a map): [key, kind, name, children] and, with
// `links`, [..., type, direction, fact, period, role, sourceDocument, sourceQuote]. `children`
// is the edge's entity's page of the next level: empty where there is none to read (beyond
// $depth, an entity not of the level's parentKind, or the extra row of a page, which only
// tells whether a next page exists: `shown` is false for it), null on the third level.
// Each entity comes as key, kind and name only: the pages return hundreds of rows, and their
// details (aliases, description, dates) are read by key only when a field asks for them
// (src/loaders/entities.ts, entityDetails).
// Only the structural relationship types are expanded (by type and direction), never the
// parent's fact links (ABOUT, SCOPE, DURING...): a facility with thousands of facts costs
// what its two links cost.
// The three levels are written out: LIMIT takes no variable, so a level's page cannot be
// one block run for each level.
UNWIND $keys AS parentKey
MATCH (p:Entity {key: parentKey})
CALL (p) {
  // Level 1: the page of p.
  CALL (p) {
    WITH p WHERE $levels[0].direction <> 'IN'
    MATCH (p)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(n:Entity)
    RETURN r, n
    UNION ALL
    WITH p WHERE $levels[0].direction <> 'OUT'
    MATCH (p)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(n:Entity)
    RETURN r, n
  }
  WITH p, r, n, $levels[0] AS level
  WHERE (level.types IS NULL OR type(r) IN level.types)
    AND (level.kinds IS NULL OR n.kind IN level.kinds)
  WITH p, r, n, level, toLower(n.name) AS sort
  WHERE level.afterKey IS NULL OR sort > toLower(level.afterValue)
    OR (sort = toLower(level.afterValue) AND n.key > level.afterKey)
  WITH p, r, n, level, sort ORDER BY sort, n.key, elementId(r) LIMIT $levels[0].limit
  // Each row with whether it is shown (the extra row is not: no page is read below it).
  WITH p, level, collect([r, n]) AS rows
  UNWIND range(0, size(rows) - 1) AS i
  WITH p, level, rows[i][0] AS r, rows[i][1] AS n, i < $levels[0].limit - 1 AS shown1
  CALL (n, shown1) {
    // Level 2: the page of each entity n of level 1.
    WITH n WHERE shown1 AND $depth > 1
      AND ($levels[1].parentKind IS NULL OR n.kind = $levels[1].parentKind)
    CALL (n) {
      WITH n WHERE $levels[1].direction <> 'IN'
      MATCH (n)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(m:Entity)
      RETURN r, m
      UNION ALL
      WITH n WHERE $levels[1].direction <> 'OUT'
      MATCH (n)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(m:Entity)
      RETURN r, m
    }
    WITH n, r, m, $levels[1] AS level
    WHERE (level.types IS NULL OR type(r) IN level.types)
      AND (level.kinds IS NULL OR m.kind IN level.kinds)
    WITH n, r, m, level, toLower(m.name) AS sort
    WHERE level.afterKey IS NULL OR sort > toLower(level.afterValue)
      OR (sort = toLower(level.afterValue) AND m.key > level.afterKey)
    WITH n, r, m, level, sort ORDER BY sort, m.key, elementId(r) LIMIT $levels[1].limit
    WITH n, level, collect([r, m]) AS rows
    UNWIND range(0, size(rows) - 1) AS i
    WITH n, level, rows[i][0] AS r, rows[i][1] AS m, i < $levels[1].limit - 1 AS shown2
    CALL (m, shown2) {
      // Level 3: the page of each entity m of level 2.
      WITH m WHERE shown2 AND $depth > 2
        AND ($levels[2].parentKind IS NULL OR m.kind = $levels[2].parentKind)
      CALL (m) {
        WITH m WHERE $levels[2].direction <> 'IN'
        MATCH (m)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(o:Entity)
        RETURN r, o
        UNION ALL
        WITH m WHERE $levels[2].direction <> 'OUT'
        MATCH (m)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(o:Entity)
        RETURN r, o
      }
      WITH m, r, o, $levels[2] AS level
      WHERE (level.types IS NULL OR type(r) IN level.types)
        AND (level.kinds IS NULL OR o.kind IN level.kinds)
      WITH m, r, o, level, toLower(o.name) AS sort
      WHERE level.afterKey IS NULL OR sort > toLower(level.afterValue)
        OR (sort = toLower(level.afterValue) AND o.key > level.afterKey)
      WITH m, r, o, level, sort ORDER BY sort, o.key, elementId(r) LIMIT $levels[2].limit
      RETURN collect(CASE WHEN level.links
        THEN [o.key, o.kind, o.name, null, type(r), CASE WHEN startNode(r) = m THEN 'OUT' ELSE 'IN' END,
              r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
        ELSE [o.key, o.kind, o.name, null]
      END) AS children
    }
    RETURN collect(CASE WHEN level.links
      THEN [m.key, m.kind, m.name, children, type(r), CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
            r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
      ELSE [m.key, m.kind, m.name, children]
    END) AS children
  }
  RETURN collect(CASE WHEN level.links
    THEN [n.key, n.kind, n.name, children, type(r), CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
          r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
    ELSE [n.key, n.kind, n.name, children]
  END) AS edges
}
RETURN parentKey, edges
