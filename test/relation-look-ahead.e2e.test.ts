import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/**
 * Relation fields nested in relation fields are read together: the first relation field reads
 * its page and the pages the query asks for below it, up to three levels, in one Cypher query
 * (related-entities-tree.cypher). Each answer must be exactly the one the levels give when
 * asked one at a time, whatever the arguments, links, fragments and errors of each level.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

async function ask(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBe(200);
  return body;
}

async function ok(query: string, variables?: Record<string, unknown>) {
  const body = await ask(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return { data: body.data as Any, queries: body.extensions?.databaseQueries as number };
}

/** One level of a nested query: the field (with its arguments) and what each edge selects. */
interface Level {
  field: string;
  edge?: string;
  /** An inline fragment the field is asked in (`... on Program`), if any. */
  on?: string;
}

/** The nested query of `levels` under entity(key), each level under the previous one's nodes. */
function nested(key: string, levels: Level[]): string {
  let inner = "";
  for (const level of [...levels].reverse()) {
    const field = `${level.field} {
      edges { ${level.edge ?? ""} node { key kind name ${inner} } }
      pageInfo { hasNextPage endCursor }
    }`;
    inner = level.on ? `... on ${level.on} { ${field} }` : field;
  }
  return `{ entity(key: "${key}") { key ${inner} } }`;
}

/** The relation field's response key (its alias, else its name). */
const responseKey = (field: string) => (/^(\w+)\s*:/.exec(field) ?? /^(\w+)/.exec(field))![1]!;

/**
 * The same tree, asked one level at a time: one request for each entity's page, so that no
 * look-ahead can take part. Returns the tree in the shape of the nested answer.
 */
async function levelByLevel(key: string, levels: Level[]): Promise<Any> {
  const [level, ...below] = levels;
  const { data } = await ok(nested(key, level ? [level] : []));
  const entity = data.entity;
  if (!level) return entity;
  const page = entity[responseKey(level.field)];
  if (page) {
    for (const edge of page.edges) {
      const deeper = await levelByLevel(edge.node.key, below);
      Object.assign(edge.node, deeper);
    }
  }
  return entity;
}

/** Every page of the answer, with the entity it belongs to: the tree's shape, flattened. */
function pages(entity: Any, fields: string[]): number {
  let count = 0;
  const [field, ...rest] = fields;
  if (!field) return 0;
  const page = entity[field];
  if (!page) return 0;
  count += 1;
  for (const edge of page.edges) count += pages(edge.node, rest);
  return count;
}

describe("relation fields nested in relation fields", () => {
  const three: Level[] = [
    { field: "relations(first: 6)" },
    { field: "relations(first: 4, direction: OUT)" },
    { field: "relations(first: 3)" },
  ];

  it("three levels: one query for all of them, with the answer the levels give one at a time", async () => {
    const { data, queries } = await ok(nested("imss", three));
    // Every level has entities, so the test says something about each.
    expect(pages(data.entity, ["relations", "relations", "relations"])).toBeGreaterThan(10);
    expect(data.entity).toEqual(await levelByLevel("imss", three));
    // The entity, then one query for the three levels (there were four: one per level).
    expect(queries).toBe(2);
  });

  it("a fourth level is read by one more query, for all of its parents", async () => {
    const four = [...three, { field: "relations(first: 2, direction: IN)" }];
    const { data, queries } = await ok(nested("imss", four));
    expect(data.entity).toEqual(await levelByLevel("imss", four));
    expect(queries).toBe(3);
  });

  it("the links of each level, only where asked for, and levels asked in fragments", async () => {
    const levels: Level[] = [
      { field: "linked: relations(first: 20, direction: OUT, types: [RUNS, OPERATES])" },
      { field: "facilityTypes(first: 4)", edge: "type fact { key value }", on: "Program" },
      { field: "operatedBy(first: 3)", edge: "type direction sourceQuote", on: "FacilityType" },
    ];
    const { data, queries } = await ok(nested("imss", levels));
    expect(data.entity).toEqual(await levelByLevel("imss", levels));
    // Programs and facility types on the first level: the fragment's level is read for the
    // programs only, and some program has facility types, each operated by some program.
    const level1 = data.entity.linked.edges.map((e: Any) => e.node);
    expect(new Set(level1.map((n: Any) => n.kind))).toEqual(new Set(["PROGRAM", "FACILITY_TYPE"]));
    for (const node of level1) expect("facilityTypes" in node).toBe(node.kind === "PROGRAM");
    const level2 = level1.flatMap((n: Any) => n.facilityTypes?.edges ?? []);
    expect(level2.length).toBeGreaterThan(0);
    for (const edge of level2) expect(edge.node.operatedBy.edges.length).toBeGreaterThan(0);
    // The entity, the three levels, and the facts the links name (by key, all at once).
    expect(queries).toBe(3);
  });

  it("pages after a cursor and empty pages, on a level below the first", async () => {
    const first = await ok(nested("imss", [{ field: "relations(first: 1)" }]));
    const after = first.data.entity.relations.pageInfo.endCursor as string;
    const levels: Level[] = [
      { field: "relations(first: 3, direction: OUT)" },
      { field: `relations(first: 2, after: "${after}")` },
      { field: "relations(first: 0)" },
    ];
    const { data } = await ok(nested("imss", levels));
    expect(data.entity).toEqual(await levelByLevel("imss", levels));
  });

  it("a bad argument below the first level fails there, as it would alone", async () => {
    const body = await ask(
      nested("imss", [{ field: "relations(first: 2)" }, { field: "relations(first: 500)" }]),
    );
    const alone = await ask(nested("imss", [{ field: "relations(first: 500)" }]));
    const message = alone.errors?.[0]?.message;
    expect(message).toMatch(/"first"/);
    // The same error, at the field's own place.
    const errors = body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.message).toBe(message);
      expect(error.path).toEqual([
        "entity",
        "relations",
        "edges",
        expect.any(Number),
        "node",
        "relations",
      ]);
    }
  });

  it("the row read past a page (to tell there is a next one) gets no page below it", async () => {
    // Read together (same arguments, one tick): imss's first two links out are umaa, then bed;
    // bed is registered-bed's first. Bed's page below is not read under imss, where bed is the
    // row past the page, and must not pass for empty under registered-bed.
    const level = (key: string, alias: string) => `
      ${alias}: entity(key: "${key}") {
        relations(first: 1, direction: OUT) {
          edges { node { key relations(first: 5) { edges { node { key } } } } }
        }
      }`;
    const { data, queries } = await ok(`{ ${level("imss", "a")} ${level("registered-bed", "b")} }`);
    expect(data.a.relations.edges.map((e: Any) => e.node.key)).toEqual(["umaa"]);
    const bed = data.b.relations.edges[0].node;
    expect(bed.key).toBe("bed");
    expect(bed.relations.edges.length).toBeGreaterThan(0);
    expect(data.a).toEqual((await ok(`{ ${level("imss", "a")} }`)).data.a);
    expect(data.b).toEqual((await ok(`{ ${level("registered-bed", "b")} }`)).data.b);
    expect(queries).toBe(2);
  });

  it("two relation fields on the same entities: both answered as alone", async () => {
    const query = `{
      entity(key: "imss") {
        relations(first: 5) {
          edges { node {
            key
            outward: relations(first: 3, direction: OUT) { edges { node { key name } } }
            inward: relations(first: 3, direction: IN) { edges { type node { key name } } }
          } }
        }
      }
    }`;
    const { data } = await ok(query);
    for (const edge of data.entity.relations.edges) {
      const alone = await ok(`{
        entity(key: "${edge.node.key}") {
          key
          outward: relations(first: 3, direction: OUT) { edges { node { key name } } }
          inward: relations(first: 3, direction: IN) { edges { type node { key name } } }
        }
      }`);
      expect(edge.node).toEqual(alone.data.entity);
    }
  });
});

describe("paging through a relation connection", () => {
  const page = (after: string | null) =>
    ok(
      `query ($after: String) {
        entity(key: "imss") {
          relations(first: 4, after: $after) {
            edges { cursor node { key name } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`,
      { after },
    );

  it("gives every link once, in name order, as one long page does", async () => {
    const all = await ok(`{
      entity(key: "imss") { relations(first: 100) { totalCount edges { node { key name } } } }
    }`);
    const expected = all.data.entity.relations.edges.map((e: Any) => e.node.key);
    expect(expected.length).toBe(all.data.entity.relations.totalCount);
    expect(expected.length).toBeGreaterThan(12);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data } = await page(after);
      const relations = data.entity.relations;
      seen.push(...relations.edges.map((e: Any) => e.node.key));
      if (!relations.pageInfo.hasNextPage) break;
      after = relations.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("a cursor holding the lower-case name (as cursors once did) pages the same", async () => {
    const first = await page(null);
    const edge = first.data.entity.relations.edges.at(-1);
    // [sort value, key, hash of the list]: the same list's cursor with the name lower-cased.
    const [name, key, list] = JSON.parse(Buffer.from(edge.cursor, "base64url").toString("utf8"));
    expect(name).toBe(edge.node.name);
    expect(name).not.toBe(name.toLowerCase());
    const lower = Buffer.from(JSON.stringify([name.toLowerCase(), key, list])).toString(
      "base64url",
    );
    expect((await page(lower)).data).toEqual((await page(edge.cursor)).data);
  });
});
