import { beforeAll, describe, expect, it } from "vitest";
import { ENTITY_KIND, RELATION_TYPES } from "../src/model/vocabulary.js";
import { foldText } from "../src/text/fold.js";
import { useTestServer } from "./support/http.js";

/**
 * `where` and `sort` on entities (EntityWhere, EntitySort) and on relation connections: every
 * answer is compared with the same filter applied in plain TypeScript to every entity, link
 * and fact read once from the graph.
 */

const http = useTestServer();

/** Each where and sort below is a query of its own shape, planned once by Neo4j. */
const SLOW = 300_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wheres and answers are walked freely
type Any = any;

interface Thing {
  key: string;
  kind: string;
  name: string;
  labels: string[];
  links: { type: string; direction: "OUT" | "IN"; other: string }[];
  facts: { variable: string; value: number | null; deprecated: boolean }[];
}

let things: Thing[] = [];
const thing = (key: string) => things.find((t) => t.key === key) as Thing;
const kindOf = (api: string) => ENTITY_KIND[api as keyof typeof ENTITY_KIND].value;

beforeAll(async () => {
  const { records } = await http.driver.executeQuery(
    `
    MATCH (n:Entity)
    RETURN n.key AS key, n.kind AS kind, n.name AS name, coalesce(n.labelTexts, []) AS labels,
      [(n)-[r]->(m:Entity) WHERE type(r) IN $types | {type: type(r), direction: 'OUT', other: m.key}] +
      [(n)<-[r]-(m:Entity) WHERE type(r) IN $types | {type: type(r), direction: 'IN', other: m.key}] AS links,
      [(n)<-[:ABOUT|SCOPE]-(f:Fact) | {key: f.key, variable: f.variable, value: f.value,
        deprecated: coalesce(f.deprecated, false)}] AS facts`,
    { types: RELATION_TYPES },
  );
  things = records.map((r) => {
    const facts = new Map<string, Thing["facts"][number]>();
    for (const f of r.get("facts")) facts.set(f.key, f);
    return { ...r.toObject(), facts: [...facts.values()] } as Thing;
  });
});

/** The oracle: an EntityWhere (as the API takes it) applied to an entity in plain code. */
function holds(where: Any, t: Thing): boolean {
  const text = (f: Any, labels: string[]) =>
    (f.eq === undefined || labels.includes(foldText(f.eq))) &&
    (f.contains === undefined || labels.some((l) => l.includes(foldText(f.contains)))) &&
    (f.startsWith === undefined || labels.some((l) => l.startsWith(foldText(f.startsWith))));
  const scalar = (f: Any, v: string) =>
    (f.eq === undefined || f.eq === v) && (f.in === undefined || f.in.includes(v));
  const fact = (w: Any, f: Thing["facts"][number]) =>
    (w.deprecated ? w.deprecated.eq === f.deprecated : !f.deprecated) &&
    (!w.variable || w.variable.key.eq === f.variable) &&
    (w.value?.gte === undefined || (f.value !== null && f.value >= w.value.gte));
  const link = (w: Any, l: Thing["links"][number]) =>
    (!w.relation || scalar(w.relation, l.type)) &&
    [undefined, "BOTH", l.direction].includes(w.direction) &&
    (!w.entity || holds(w.entity, thing(l.other)));
  return (
    (!where.key || scalar(where.key, t.key)) &&
    (!where.kind ||
      scalar(
        { eq: where.kind.eq && kindOf(where.kind.eq), in: where.kind.in?.map(kindOf) },
        t.kind,
      )) &&
    (!where.name || text(where.name, t.labels.map(foldText))) &&
    (!where.relatedTo?.some || t.links.some((l) => link(where.relatedTo.some, l))) &&
    (!where.relatedTo?.none || !t.links.some((l) => link(where.relatedTo.none, l))) &&
    (!where.facts?.some || t.facts.some((f) => fact(where.facts.some, f))) &&
    (!where.facts?.none || !t.facts.some((f) => fact(where.facts.none, f))) &&
    (!where.AND || where.AND.every((w: Any) => holds(w, t))) &&
    (!where.OR || where.OR.some((w: Any) => holds(w, t))) &&
    (!where.NOT || !holds(where.NOT, t))
  );
}

async function send(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  return body;
}

const PAGE = `query ($where: EntityWhere, $sort: [EntitySort!], $first: Int, $after: String) {
  entities(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount edges { node { key } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Every key the list gives, page after page, and its totalCount. */
async function allPages(where: Any, sort?: Any, first = 100) {
  const keys: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 100; page += 1) {
    const body = await send(PAGE, { where, sort, first, after });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const list = body.data.entities;
    total = list.totalCount;
    keys.push(...list.edges.map((e: Any) => e.node.key));
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { keys, total };
}

const WHERES: Any[] = [
  { key: { eq: "imss" } },
  { key: { in: ["imss", "imss-bienestar", "nowhere"] } },
  { kind: { eq: "FACILITY_TYPE" } },
  { kind: { in: ["PROGRAM", "ORGANIZATION"] } },
  { name: { eq: "NUEVO LEON" } },
  { name: { contains: "hospital" } },
  { name: { startsWith: "Unidad de" } },
  { AND: [{ kind: { eq: "FACILITY_TYPE" } }, { name: { contains: "rural" } }] },
  { OR: [{ key: { eq: "imss" } }, { kind: { eq: "PLACE" } }] },
  { OR: [] },
  { AND: [] },
  { NOT: { kind: { in: ["TIME_PERIOD", "PLACE"] } } },
  { relatedTo: { some: { relation: { eq: "OPERATES" }, direction: "IN" } } },
  { relatedTo: { some: { relation: { eq: "OPERATES" }, direction: "OUT" } } },
  { relatedTo: { some: { direction: "BOTH", entity: { key: { eq: "imss" } } } } },
  { kind: { eq: "PROGRAM" }, relatedTo: { none: { relation: { in: ["OPERATES", "RUNS"] } } } },
  { relatedTo: { none: { direction: "IN" } }, kind: { eq: "ORGANIZATION" } },
  { facts: { some: { variable: { key: { eq: "services-delivered" } }, value: { gte: 100000 } } } },
  { kind: { eq: "FACILITY_TYPE" }, facts: { none: {} } },
  { facts: { some: { deprecated: { eq: true } } } },
];

describe("entities(where:)", () => {
  it(
    "gives exactly the entities each where selects, with their count",
    async () => {
      for (const where of WHERES) {
        const expected = things.filter((t) => holds(where, t)).map((t) => t.key);
        const { keys, total } = await allPages(where, [{ key: "ASC" }]);
        expect(keys, JSON.stringify(where)).toEqual([...expected].sort());
        expect(total, JSON.stringify(where)).toBe(expected.length);
      }
      // The examples say something: each selects some entities and leaves some out.
      expect(things.filter((t) => holds(WHERES[12], t)).length).toBeGreaterThan(3);
      expect(things.filter((t) => holds(WHERES[17], t)).length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    "facility types that IMSS-BIENESTAR operates (the issue's example)",
    async () => {
      const where = {
        kind: { eq: "FACILITY_TYPE" },
        relatedTo: {
          some: {
            relation: { eq: "OPERATES" },
            direction: "IN",
            entity: { key: { eq: "imss-bienestar" } },
          },
        },
      };
      const { records } = await http.driver.executeQuery(
        "MATCH (:Entity {key: 'imss-bienestar'})-[:OPERATES]->(n:FacilityType) RETURN n.key AS key ORDER BY key",
      );
      const expected = records.map((r) => r.get("key"));
      expect(expected.length).toBeGreaterThan(2);
      expect((await allPages(where, [{ key: "ASC" }])).keys).toEqual(expected);
    },
    SLOW,
  );
});

describe("entities(sort:)", () => {
  const factCount = (t: Thing) => t.facts.filter((f) => !f.deprecated).length;
  const SORTS: [Any, (t: Thing) => (string | number)[]][] = [
    [[{ key: "ASC" }], (t) => [t.key]],
    [[{ key: "DESC" }], (t) => [t.key]],
    [[{ name: "ASC" }], (t) => [t.name.toLowerCase()]],
    [[{ name: "DESC" }], (t) => [t.name.toLowerCase()]],
    [[{ kind: "DESC" }, { name: "ASC" }], (t) => [t.kind, t.name.toLowerCase()]],
    [[{ factCount: "DESC" }], (t) => [factCount(t)]],
    [[{ factCount: "ASC" }, { kind: "ASC" }], (t) => [factCount(t), t.kind]],
  ];

  it(
    "pages through every sort, both ways: the pages joined are the whole list in order",
    async () => {
      for (const [sort, values] of SORTS) {
        const directions = sort.map((s: Any) => Object.values(s)[0]);
        const compare = (a: Thing, b: Thing) => {
          const [va, vb] = [values(a), values(b)];
          for (let i = 0; i < va.length; i += 1) {
            const d = directions[i] === "DESC" ? -1 : 1;
            if (va[i]! < vb[i]!) return -d;
            if (va[i]! > vb[i]!) return d;
          }
          const key = "key" in sort[0] && directions[0] === "DESC" ? -1 : 1;
          return a.key < b.key ? -key : a.key > b.key ? key : 0;
        };
        const expected = [...things].sort(compare).map((t) => t.key);
        const { keys, total } = await allPages({}, sort, 37);
        expect(keys, JSON.stringify(sort)).toEqual(expected);
        expect(total).toBe(things.length);
      }
    },
    SLOW,
  );

  it("a cursor is bound to its where and sort", async () => {
    const body = await send(PAGE, { sort: [{ name: "ASC" }], first: 1 });
    const after = body.data.entities.pageInfo.endCursor;
    const other = await send(PAGE, { sort: [{ name: "DESC" }], first: 1, after });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "after",
    });
  });
});

describe("where on a relation connection (the entity at the other end)", () => {
  it(
    "filters the links and their count, and keeps the levels in one query",
    async () => {
      const query = `{ entity(key: "imss-bienestar") {
      relations(first: 50, where: { kind: { eq: FACILITY_TYPE } }) {
        edges { node { key
          relations(first: 50, where: { NOT: { key: { eq: "imss-bienestar" } } }) {
            edges { node { key } } pageInfo { hasNextPage }
          }
        } }
      }
    } }`;
      const body = await send(query);
      expect(body.errors).toBeUndefined();
      // The entity, then one query for both levels.
      expect(body.extensions?.databaseQueries).toBe(2);
      const linked = (key: string) => thing(key).links.map((l) => l.other);
      const expected = linked("imss-bienestar").filter((k) => thing(k).kind === "FacilityType");
      expect(expected.length).toBeGreaterThan(2);
      const page = body.data.entity.relations;
      expect(page.edges.map((e: Any) => e.node.key).sort()).toEqual([...expected].sort());
      for (const edge of page.edges) {
        const below = edge.node.relations.edges.map((e: Any) => e.node.key).sort();
        const all = linked(edge.node.key)
          .filter((k) => k !== "imss-bienestar")
          .sort();
        if (!edge.node.relations.pageInfo.hasNextPage) expect(below).toEqual(all);
        else expect(below.length).toBe(50);
      }
      const counted = await send(`{ entity(key: "imss-bienestar") {
      relations(where: { kind: { eq: FACILITY_TYPE } }) { totalCount }
      none: relations(where: { OR: [] }) { totalCount edges { node { key } } }
    } }`);
      expect(counted.data.entity.relations.totalCount).toBe(expected.length);
      expect(counted.data.entity.none).toEqual({ totalCount: 0, edges: [] });
    },
    SLOW,
  );
});

describe("invalid wheres and sorts: BAD_USER_INPUT or a validation error naming the input", () => {
  const deep = { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { key: { eq: "x" } } } } } } } } };
  const variableId = Buffer.from("Variable:services-delivered").toString("base64url");
  const cases: [string, Any, Any, string][] = [
    ["an id of another type", { key: { eq: variableId } }, null, "where.key.eq"],
    ["too deep", deep, null, `where${".NOT".repeat(7)}`],
    [
      "too long a list",
      { key: { in: Array.from({ length: 21 }, (_, i) => `k${i}`) } },
      null,
      "where.key.in",
    ],
    [
      "nested too deep in relatedTo",
      {
        relatedTo: {
          some: {
            entity: {
              relatedTo: { some: { entity: { relatedTo: { some: { entity: { NOT: {} } } } } } },
            },
          },
        },
      },
      null,
      `where${".relatedTo.some.entity".repeat(3)}.NOT`,
    ],
    ["two fields in a sort element", null, [{ key: "ASC", name: "DESC" }], "sort[0]"],
    ["five sort keys", null, Array.from({ length: 5 }, () => ({ key: "ASC" })), "sort"],
  ];
  it.each(cases)("%s", async (_, where, sort, argument) => {
    const body = await send(PAGE, { where, sort });
    expect(body.data?.entities ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });

  it("old and new arguments together, and fields that do not exist", async () => {
    const both = await send(`{ entities(filter: { text: "x" }, where: {}) { totalCount } }`);
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "filter",
    });
    for (const bad of [
      `{ entities(where: { key: { lt: "x" } }) { totalCount } }`,
      `{ entities(where: { colour: { eq: "red" } }) { totalCount } }`,
      `{ entity(key: "imss") { relations(where: { kind: { eq: NOTHING } }) { totalCount } } }`,
    ]) {
      const body = await send(bad);
      expect(body.data ?? null, bad).toBeNull();
      expect(body.errors?.[0]?.message, bad).toMatch(/lt|colour|NOTHING/);
    }
    const relation = await send(
      `{ entity(key: "imss") { relations(where: { key: { in: [${'"a",'.repeat(21)}] } }) { totalCount } } }`,
    );
    expect(relation.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "where.key.in",
    });
  });
});
