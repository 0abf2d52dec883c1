import { describe, expect, it } from "vitest";
import { cypher } from "../src/db/cypher.js";
import { Db } from "../src/db/db.js";
import {
  type RelationLevel,
  type RelationSpec,
  relatedTreeParams,
} from "../src/loaders/entities.js";
import { RelatedTreeQueries, specialised } from "../src/loaders/related-tree-query.js";
import { pageQuery } from "../src/pagination.js";
import { RELATION_TYPES } from "../src/seed/seed-format.js";
import { useTestDriver } from "./support/neo4j.js";

/**
 * related-entities-tree.cypher is sent with each level's expansion written for the types and
 * direction that level asks for (src/loaders/related-tree-query.ts). That text must answer
 * exactly what the file's own text answers, for every shape, and a process makes only so many.
 */

const DIRECTIONS = ["OUT", "IN", "BOTH"] as const;
const spec = (
  types: string[] | null,
  direction: RelationSpec["direction"],
  kinds: string[] | null = null,
): RelationSpec => ({ types, direction, kinds });

describe("the specialised text", () => {
  it("expands exactly the level's types, in its direction, and keeps every parameter", () => {
    const text = specialised([
      spec(["WITHIN"], "IN"),
      spec(["PART_OF", "LOCATED_IN"], "OUT"),
      spec(null, "BOTH"),
    ]);
    expect(text).toContain("MATCH (p)<-[r:WITHIN]-(n:Entity)");
    // Written in RELATION_TYPES order, whatever the order asked.
    expect(text).toContain("MATCH (n)-[r:LOCATED_IN|PART_OF]->(m:Entity)");
    const all = RELATION_TYPES.join("|");
    expect(text).toContain(`MATCH (m)-[r:${all}]->(o:Entity)`);
    expect(text).toContain(`MATCH (m)<-[r:${all}]-(o:Entity)`);
    // The levels' type and direction filters are gone; the rest of the file is as it was.
    expect(text).not.toMatch(/\$types\d|\$direction\d|expand \d/);
    for (const i of [1, 2, 3]) {
      for (const name of ["kinds", "limit", "afterKey", "afterValue", "links"]) {
        expect(text).toContain(`$${name}${i}`);
      }
    }
    expect(text.endsWith(cypher("related-entities-tree").split("\n").slice(-1)[0] as string)).toBe(
      true,
    );
  });

  it("keeps the file's blocks for the levels that are not read", () => {
    const text = specialised([spec(["RUNS"], "OUT")]);
    expect(text).toContain("MATCH (p)-[r:RUNS]->(n:Entity)");
    expect(text).toContain("$types2");
    expect(text).toContain("$types3");
  });

  it("refuses anything but a relation type", () => {
    expect(() => specialised([spec(["WITHIN]->() DETACH DELETE p //"], "OUT")])).toThrow(
      /Not a relation type/,
    );
    expect(() => new RelatedTreeQueries().text([spec(["ABOUT"], "IN")])).toThrow(
      /Not a relation type: "ABOUT"/,
    );
  });

  it("makes at most `limit` texts, then sends the file's own; a shape asked again reuses its text", () => {
    const queries = new RelatedTreeQueries(2);
    const a = queries.text([spec(["RUNS"], "OUT")]);
    expect(queries.text([spec(["RUNS"], "OUT", ["Program"])])).toBe(a);
    const b = queries.text([spec(["PART_OF", "WITHIN"], "IN")]);
    // The same set of types in another order is the same shape.
    expect(queries.text([spec(["WITHIN", "PART_OF"], "IN")])).toBe(b);
    expect(queries.size).toBe(2);
    expect(queries.text([spec(["RUNS"], "IN")])).toBe(cypher("related-entities-tree"));
    expect(queries.text([spec(["RUNS"], "OUT")])).toBe(a);
    expect(queries.size).toBe(2);
    // An empty list of types (no link at all) is left to the file's text.
    expect(new RelatedTreeQueries().text([spec([], "OUT")])).toBe(cypher("related-entities-tree"));
  });
});

describe("the specialised text against the file's own, on the seeded graph", () => {
  const neo4j = useTestDriver();

  const level = (s: RelationSpec, first = 20, links = true): RelationLevel => ({
    spec: s,
    page: pageQuery({ first }),
    links,
    parentKind: null,
  });

  async function both(keys: string[], levels: RelationLevel[]) {
    const db = new Db(neo4j.driver, neo4j.database);
    const params = relatedTreeParams(keys, levels);
    const byParent = <R extends { parentKey: string }>(rows: R[]) =>
      [...rows].sort((x, y) => x.parentKey.localeCompare(y.parentKey));
    const generic = await db.read<{ parentKey: string; edges: unknown[] }>(
      "related-entities-tree",
      params,
    );
    const special = await db.read<{ parentKey: string; edges: unknown[] }>(
      "related-entities-tree",
      params,
      specialised(levels.map((l) => l.spec)),
    );
    return { generic: byParent(generic), special: byParent(special) };
  }

  async function allKeys(): Promise<string[]> {
    const { records } = await neo4j.driver.executeQuery(
      "MATCH (n:Entity) RETURN n.key AS key ORDER BY key",
      {},
      { database: neo4j.database },
    );
    return records.map((r) => r.get("key") as string);
  }

  it("one level: every type and direction, all types, several types, a kind filter", async () => {
    const keys = await allKeys();
    expect(keys.length).toBeGreaterThan(50);
    const shapes: RelationSpec[] = [
      ...RELATION_TYPES.flatMap((t) => DIRECTIONS.map((d) => spec([t], d))),
      ...DIRECTIONS.map((d) => spec(null, d)),
      spec(["OPERATES", "PROVIDES"], "BOTH"),
      spec(["PROVIDES", "ADDRESSES"], "OUT", ["Service", "Condition"]),
    ];
    let edges = 0;
    for (const s of shapes) {
      const { generic, special } = await both(keys, [level(s)]);
      expect(special, JSON.stringify(s)).toEqual(generic);
      edges += generic.reduce((sum, row) => sum + row.edges.length, 0);
    }
    // Not a comparison of empty answers.
    expect(edges).toBeGreaterThan(500);
  });

  it("three levels, with their links and short pages", async () => {
    const keys = ["imss", "imss-bienestar", "ordinary-regime", "mexico"];
    const trees: RelationLevel[][] = [
      [level(spec(null, "BOTH"), 5), level(spec(null, "BOTH"), 3), level(spec(null, "BOTH"), 2)],
      [
        level(spec(["RUNS"], "OUT")),
        level(spec(["OPERATES"], "OUT"), 3, false),
        level(spec(["PROVIDES"], "OUT"), 4),
      ],
      [level(spec(["WITHIN"], "IN")), level(spec(["LOCATED_IN", "WITHIN"], "IN"))],
    ];
    let edges = 0;
    for (const levels of trees) {
      const { generic, special } = await both(keys, levels);
      expect(special).toEqual(generic);
      edges += JSON.stringify(generic).length;
    }
    expect(edges).toBeGreaterThan(2_000);
  });
});
