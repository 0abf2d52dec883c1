// For each parent key: one page of the entities linked to it, and below each entity of that
// page (when the query asks for a relation field there too) its own page, and so on: up to
// three levels in one query, however many parents. $depth says how many levels to read; each
// level i (1, 2, 3) has its own parameters, suffixed i (those beyond $depth are placeholders:
// LIMIT is evaluated anyway; plain parameters, as a list of maps costs a lookup per candidate
// row):
//   types, direction ('OUT', 'IN' or 'BOTH'), kinds: which links and entities (as
//     related-entities-count.cypher counts them); and the slots {{where1}}, {{where2}} and
//     {{where3}}: the predicate of the level's EntityWhere on the entity at the other end (n, m,
//     o), filled by src/loaders/relations.ts (composedCypher; true: none);
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
// Each level expands the structural relationship types only, in the directions asked for, and
// keeps the types asked for: never the parent's fact links (ABOUT, SCOPE, DURING...), so that a
// facility with thousands of facts costs what its few links cost. (A relationship type taken
// from a parameter, `$any($types)`, would expand every relationship of the node, facts too.)
// The three levels are written out: LIMIT takes no variable, so a level's page cannot be
// one block run for each level.
UNWIND $keys AS parentKey
MATCH (p:Entity {key: parentKey})
CALL (p) {
  // Level 1: the page of p.
  CALL (p) {
    WITH p WHERE $direction1 <> 'IN'
    MATCH (p)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(n:Entity)
    RETURN r, n
    UNION ALL
    WITH p WHERE $direction1 <> 'OUT'
    MATCH (p)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(n:Entity)
    RETURN r, n
  }
  WITH p, r, n WHERE $types1 IS NULL OR type(r) IN $types1
  WITH p, r, n WHERE ($kinds1 IS NULL OR n.kind IN $kinds1) AND {{where1}}
  WITH p, r, n, toLower(n.name) AS sort
  WHERE $afterKey1 IS NULL OR sort > toLower($afterValue1)
    OR (sort = toLower($afterValue1) AND n.key > $afterKey1)
  WITH p, r, n, sort ORDER BY sort, n.key, elementId(r) LIMIT $limit1
  // Each row with whether it is shown (the extra row is not: no page is read below it).
  WITH p, collect([r, n]) AS rows
  UNWIND range(0, size(rows) - 1) AS i
  WITH p, rows[i][0] AS r, rows[i][1] AS n, i < $limit1 - 1 AS shown1
  CALL (n, shown1) {
    // Level 2: the page of each entity n of level 1.
    WITH n WHERE shown1 AND $depth > 1
      AND ($parentKind2 IS NULL OR n.kind = $parentKind2)
    CALL (n) {
      WITH n WHERE $direction2 <> 'IN'
      MATCH (n)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(m:Entity)
      RETURN r, m
      UNION ALL
      WITH n WHERE $direction2 <> 'OUT'
      MATCH (n)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(m:Entity)
      RETURN r, m
    }
    WITH n, r, m WHERE $types2 IS NULL OR type(r) IN $types2
    WITH n, r, m WHERE ($kinds2 IS NULL OR m.kind IN $kinds2) AND {{where2}}
    WITH n, r, m, toLower(m.name) AS sort
    WHERE $afterKey2 IS NULL OR sort > toLower($afterValue2)
      OR (sort = toLower($afterValue2) AND m.key > $afterKey2)
    WITH n, r, m, sort ORDER BY sort, m.key, elementId(r) LIMIT $limit2
    WITH n, collect([r, m]) AS rows
    UNWIND range(0, size(rows) - 1) AS i
    WITH n, rows[i][0] AS r, rows[i][1] AS m, i < $limit2 - 1 AS shown2
    CALL (m, shown2) {
      // Level 3: the page of each entity m of level 2.
      WITH m WHERE shown2 AND $depth > 2
        AND ($parentKind3 IS NULL OR m.kind = $parentKind3)
      CALL (m) {
        WITH m WHERE $direction3 <> 'IN'
        MATCH (m)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(o:Entity)
        RETURN r, o
        UNION ALL
        WITH m WHERE $direction3 <> 'OUT'
        MATCH (m)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(o:Entity)
        RETURN r, o
      }
      WITH m, r, o WHERE $types3 IS NULL OR type(r) IN $types3
      WITH m, r, o WHERE ($kinds3 IS NULL OR o.kind IN $kinds3) AND {{where3}}
      WITH m, r, o, toLower(o.name) AS sort
      WHERE $afterKey3 IS NULL OR sort > toLower($afterValue3)
        OR (sort = toLower($afterValue3) AND o.key > $afterKey3)
      WITH m, r, o, sort ORDER BY sort, o.key, elementId(r) LIMIT $limit3
      RETURN collect(CASE WHEN $links3
        THEN [o.key, o.kind, o.name, null, type(r), CASE WHEN startNode(r) = m THEN 'OUT' ELSE 'IN' END,
              r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
        ELSE [o.key, o.kind, o.name, null]
      END) AS children
    }
    RETURN collect(CASE WHEN $links2
      THEN [m.key, m.kind, m.name, children, type(r), CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
            r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
      ELSE [m.key, m.kind, m.name, children]
    END) AS children
  }
  RETURN collect(CASE WHEN $links1
    THEN [n.key, n.kind, n.name, children, type(r), CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
          r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
    ELSE [n.key, n.kind, n.name, children]
  END) AS edges
}
RETURN parentKey, edges AS items
