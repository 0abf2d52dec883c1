import { describe, expect, it } from "vitest";
import { readSeeds } from "../src/seed/read-seeds.js";
import { type GraphQLBody, useTestServer } from "./support/http.js";

/**
 * The contract a client relies on, over HTTP against the seeded Neo4j: every argument that
 * names something takes the API's own id as well as the key, with the same answer; a key or id
 * of nothing is NOT_FOUND naming the argument, everywhere, and never blanks the rest of the
 * response; malformed input is BAD_USER_INPUT; a cursor works only in the list it came from;
 * text filters ignore case and accents.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

/**
 * Sends an operation; one that ran out of time is sent again (3 times at most), as the
 * explorer's client does: on a fresh database the first run of each Cypher query is slow
 * (cold caches and plans), the same query is fast soon after.
 */
async function send(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody<Any>> {
  for (let attempt = 1; ; attempt += 1) {
    const { status, body } = await http.server.graphql<Any>(query, variables);
    const timedOut = body.errors?.some((e) => e.extensions?.code === "QUERY_TIMEOUT") ?? false;
    if (timedOut && attempt < 3) continue;
    expect(status, JSON.stringify(body.errors)).toBe(200);
    return body;
  }
}

async function ok(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const body = await send(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** What an answer says, errors reduced to what does not depend on how a thing was named. */
function answerOf(body: GraphQLBody<Any>) {
  return {
    data: body.data,
    errors: (body.errors ?? [])
      .map((e) => ({ path: e.path, code: e.extensions?.code, argument: e.extensions?.argument }))
      .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
  };
}

/** Every item of a connection, page after page with `after`. */
async function everything(field: string, selection: string): Promise<Any[]> {
  const items: Any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Any = await ok(
      `query ($after: String) { ${field}(first: 100, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    items.push(...data[field].edges.map((e: Any) => e.node));
    if (!data[field].pageInfo.hasNextPage) return items;
    after = data[field].pageInfo.endCursor;
  }
}

/** Sends `query` with `$k` the key, then the id, of each thing: both answers must be equal. */
async function sameByIdAndKey(
  things: { id: string; key: string }[],
  query: string,
  check: (answer: ReturnType<typeof answerOf>, thing: { id: string; key: string }) => void,
) {
  for (const thing of things) {
    const byKey = answerOf(await send(query, { k: thing.key }));
    const byId = answerOf(await send(query, { k: thing.id }));
    expect(byId, `${thing.key} (${thing.id})`).toEqual(byKey);
    check(byKey, thing);
  }
}

describe("every argument that names something takes the API's id as well as its key", () => {
  it("every entity's id: entity, paths, neighborhood, fact filters, relatedTo, timeSeries, stats, changes", async () => {
    const entities = await everything("entities", "id key kind");
    expect(entities.length).toBeGreaterThan(100);
    const query = `query ($k: String!) {
      entity(key: $k) { key }
      paths(from: $k, to: $k) { nodeKeys }
      neighborhood(id: $k) { center { key } nodes { entity { key } } }
      about: facts(filter: { about: $k }, first: 3) { totalCount edges { cursor node { key } } }
      scope: facts(filter: { scope: $k }) { totalCount }
      period: facts(filter: { period: $k }) { totalCount }
      nested: entity(key: "imss") { facts(filter: { about: $k }) { totalCount } }
      entities(filter: { relatedTo: $k }, first: 100) { totalCount edges { node { key } } }
      timeSeries(variable: "services-delivered", about: $k) { key }
      factStats(variable: "services-delivered", about: $k) { count }
      variable(key: "services-delivered") { stats(about: $k) { count } }
      changes(target: $k) { edges { node { at } } }
    }`;
    let periods = 0;
    await sameByIdAndKey(entities, query, ({ data, errors }, { key }) => {
      expect(data.entity.key).toBe(key);
      expect(data.neighborhood.center.key).toBe(key);
      expect(data.paths).toEqual([{ nodeKeys: [key] }]);
      const kind = entities.find((e) => e.key === key).kind;
      // `period` takes periods only: another entity is not a period (NOT_FOUND), and the
      // rest of the answer stands.
      if (kind === "TIME_PERIOD") {
        periods += 1;
        expect(errors).toEqual([]);
        expect(data.period.totalCount).toBeGreaterThanOrEqual(0);
      } else {
        expect(errors).toEqual([
          { path: ["period"], code: "NOT_FOUND", argument: "filter.period" },
        ]);
        expect(data.period).toBeNull();
      }
    });
    expect(periods).toBeGreaterThan(3);
    // The same ids reach the same entities through node(id:).
    const ids = entities.slice(0, 50).map((e) => e.id);
    const nodes = await ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key } } }`,
      {
        ids,
      },
    );
    expect(nodes.nodes.map((n: Any) => n.key)).toEqual(entities.slice(0, 50).map((e) => e.key));
  }, 180_000);

  it("paths between two entities, each end given by id or by key", async () => {
    const pairs = [
      ["imss-bienestar", "rural-hospital"],
      ["imss", "umf"],
      ["radiodiagnosis", "typical-day-2021"],
    ];
    for (const [from, to] of pairs) {
      const ids = await ok(
        `query ($from: String!, $to: String!) { a: entity(key: $from) { id } b: entity(key: $to) { id } }`,
        { from, to },
      );
      const query = `query ($from: String!, $to: String!) { paths(from: $from, to: $to) { nodeKeys steps { relation direction } } }`;
      const byKey = await ok(query, { from, to });
      expect(byKey.paths.length, `${from} to ${to}`).toBeGreaterThan(0);
      expect(await ok(query, { from: ids.a.id, to: ids.b.id })).toEqual(byKey);
      expect(await ok(query, { from: ids.a.id, to })).toEqual(byKey);
    }
  });

  it("every variable's id: variable, facts, timeSeries, factStats", async () => {
    const stated = new Set((await readSeeds("seeds")).facts.map((f) => f.variable));
    const { variables } = await ok("{ variables { id key } }");
    expect(variables.length).toBeGreaterThan(5);
    await sameByIdAndKey(
      variables,
      `query ($k: String!) {
        variable(key: $k) { key }
        facts(filter: { variable: $k }, first: 100) { totalCount edges { cursor node { key } } }
        nested: variable(key: $k) { facts(filter: { variable: $k }) { totalCount } }
        timeSeries(variable: $k) { key }
        factStats(variable: $k) { count sum }
      }`,
      ({ data, errors }, { key }) => {
        expect(errors).toEqual([]);
        expect(data.variable.key).toBe(key);
        // A variable may have no facts yet (one in percent, there for the drafter).
        expect(data.facts.totalCount > 0, key).toBe(stated.has(key));
      },
    );
  });

  it("every document's id: document, facts", async () => {
    const { documents } = await ok("{ documents { id key } }");
    expect(documents.length).toBeGreaterThanOrEqual(2);
    await sameByIdAndKey(
      documents,
      `query ($k: String!) {
        document(key: $k) { key }
        facts(filter: { document: $k }, first: 100) { totalCount edges { cursor node { key } } }
      }`,
      ({ data, errors }, { key }) => {
        expect(errors).toEqual([]);
        expect(data.document.key).toBe(key);
        expect(data.facts.totalCount).toBeGreaterThan(0);
      },
    );
  });

  it("every fact's id: fact, changes", async () => {
    const facts = await everything("facts", "id key");
    expect(facts.length).toBeGreaterThan(100);
    await sameByIdAndKey(
      facts,
      `query ($k: String!) { fact(key: $k) { key value } changes(target: $k) { edges { node { at } } } }`,
      ({ data, errors }, { key }) => {
        expect(errors).toEqual([]);
        expect(data.fact.key).toBe(key);
      },
    );
  }, 60_000);

  it("an id of the wrong kind names nothing of the kind asked for", async () => {
    const data = await ok(
      `{ entity(key: "imss") { id } variable(key: "services-delivered") { id } }`,
    );
    const body = await send(
      `query ($program: String!, $variable: String!) {
        entity(key: $variable) { key }
        facts(filter: { variable: $program }) { totalCount }
        ok: entity(key: $program) { key }
      }`,
      { program: data.entity.id, variable: data.variable.id },
    );
    expect(body.data).toEqual({ entity: null, facts: null, ok: { key: "imss" } });
    expect(answerOf(body).errors).toEqual([
      { path: ["entity"], code: "NOT_FOUND", argument: "key" },
      { path: ["facts"], code: "NOT_FOUND", argument: "filter.variable" },
    ]);
    expect(body.errors?.[0]?.message).toBe(
      `Argument "key": no entity has the id "${data.variable.id}"`,
    );
  });
});

describe("nodes(ids:) returns what it finds", () => {
  it("one NOT_FOUND error per missing id, at its index; the valid ids of the same type intact", async () => {
    const { a, b } = await ok(
      `{ a: entity(key: "imss-bienestar") { id } b: entity(key: "rural-hospital") { id } }`,
    );
    const missing = Buffer.from("Program:no-such-program", "utf8").toString("base64url");
    const body = await send(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key } } }`,
      {
        ids: [a.id, missing, b.id, "not an id!"],
      },
    );
    expect(body.data).toEqual({
      nodes: [{ id: a.id, key: "imss-bienestar" }, null, { id: b.id, key: "rural-hospital" }, null],
    });
    expect(answerOf(body).errors).toEqual([
      { path: ["nodes", 1], code: "NOT_FOUND", argument: "ids" },
      { path: ["nodes", 3], code: "BAD_USER_INPUT", argument: "ids" },
    ]);
    expect(body.errors?.[0]?.message).toContain("no-such-program");
  });
});

describe("a key or id of nothing is NOT_FOUND naming the argument, and blanks nothing else", () => {
  const cases: [string, string][] = [
    ["key", `entity(key: "nowhere") { key }`],
    ["key", `variable(key: "nowhere") { key }`],
    ["key", `document(key: "nowhere") { key }`],
    ["key", `fact(key: "nowhere") { key }`],
    ["from", `paths(from: "nowhere", to: "imss") { length }`],
    ["to", `paths(from: "imss", to: "nowhere") { length }`],
    ["id", `neighborhood(id: "nowhere") { truncated }`],
    ["filter.about", `facts(filter: { about: "nowhere" }) { totalCount }`],
    ["filter.scope", `facts(filter: { scope: "nowhere" }) { totalCount }`],
    ["filter.variable", `facts(filter: { variable: "nowhere" }) { totalCount }`],
    ["filter.period", `facts(filter: { period: "nowhere" }) { totalCount }`],
    ["filter.period", `facts(filter: { period: "imss" }) { totalCount }`],
    ["filter.document", `facts(filter: { document: "nowhere" }) { totalCount }`],
    ["filter.relatedTo", `entities(filter: { relatedTo: "nowhere" }) { totalCount }`],
    ["variable", `timeSeries(variable: "nowhere") { key }`],
    ["about", `timeSeries(variable: "services-delivered", about: "nowhere") { key }`],
    ["variable", `factStats(variable: "nowhere") { count }`],
    ["about", `factStats(variable: "services-delivered", about: "nowhere") { count }`],
    ["target", `changes(target: "nowhere") { edges { node { at } } }`],
  ];
  for (const [argument, field] of cases) {
    it(`${argument} of ${field}`, async () => {
      const body = await send(`{ institute { key } miss: ${field} }`);
      expect(body.data?.institute).toEqual({ key: "imss" });
      expect(body.data?.miss).toBeNull();
      expect(answerOf(body).errors).toEqual([{ path: ["miss"], code: "NOT_FOUND", argument }]);
      expect(body.errors?.[0]?.message).toMatch(
        new RegExp(`^Argument "${argument}": no [a-z ]+ has the key "(nowhere|imss)"$`),
      );
    });
  }

  it("in a nested list too: the filter of an entity's facts", async () => {
    const body = await send(`{
      entity(key: "imss") { key facts(filter: { variable: "nowhere" }) { totalCount } }
      institute { key }
    }`);
    expect(body.data).toEqual({ entity: null, institute: { key: "imss" } });
    expect(answerOf(body).errors).toEqual([
      { path: ["entity", "facts"], code: "NOT_FOUND", argument: "filter.variable" },
    ]);
  });

  it("a filter of real keys that matches nothing is an empty list, not an error", async () => {
    const data = await ok(`{
      facts(filter: { about: "imss", variable: "years-of-existence", period: "typical-day-2021" }) { totalCount edges { node { key } } }
      entities(filter: { text: "zzzz-nothing" }) { totalCount }
    }`);
    expect(data.facts).toEqual({ totalCount: 0, edges: [] });
    expect(data.entities.totalCount).toBe(0);
  });

  it("malformed input is BAD_USER_INPUT", async () => {
    const body = await send(`{
      node(id: "not an id!") { id }
      entities(first: 1000) { totalCount }
      institute { key }
    }`);
    expect(body.data).toEqual({ node: null, entities: null, institute: { key: "imss" } });
    expect(answerOf(body).errors).toEqual([
      { path: ["entities"], code: "BAD_USER_INPUT", argument: "first" },
      { path: ["node"], code: "BAD_USER_INPUT", argument: "id" },
    ]);
  });
});

describe("a cursor works in the list it came from, and only there", () => {
  it("pages on with its own cursor, by key or by id alike", async () => {
    const { entity } = await ok(`{ entity(key: "imss") { id } }`);
    const first = await ok(
      `{ facts(filter: { about: "imss" }, first: 2) { edges { node { key } } pageInfo { endCursor } } }`,
    );
    const after = first.facts.pageInfo.endCursor;
    const byKey = await ok(
      `query ($after: String) { facts(filter: { about: "imss" }, first: 2, after: $after) { edges { node { key } } } }`,
      { after },
    );
    const byId = await ok(
      `query ($after: String, $id: String) { facts(filter: { about: $id }, first: 2, after: $after) { edges { node { key } } } }`,
      { after, id: entity.id },
    );
    expect(byId).toEqual(byKey);
    expect(byKey.facts.edges.length).toBeGreaterThan(0);
    expect(byKey.facts.edges[0].node.key > first.facts.edges[1].node.key).toBe(true);
  });

  it("refuses a cursor of another list, filter or order with BAD_USER_INPUT naming after", async () => {
    const cursors = await ok(`{
      facts(first: 1) { pageInfo { endCursor } }
      entities(first: 1) { pageInfo { endCursor } }
      byText: entities(first: 1, filter: { text: "hospital" }) { pageInfo { endCursor } }
      entity(key: "imss") { relations(first: 1) { pageInfo { endCursor } } facts(first: 1) { pageInfo { endCursor } } }
      search(text: "hospital", first: 1) { pageInfo { endCursor } }
    }`);
    const foreign: [string, string][] = [
      [cursors.facts.pageInfo.endCursor, `entities(first: 1, after: $after) { totalCount }`],
      [cursors.entities.pageInfo.endCursor, `facts(first: 1, after: $after) { totalCount }`],
      [
        cursors.entities.pageInfo.endCursor,
        `entities(first: 1, after: $after, orderBy: KEY) { totalCount }`,
      ],
      [cursors.byText.pageInfo.endCursor, `entities(first: 1, after: $after) { totalCount }`],
      [
        cursors.facts.pageInfo.endCursor,
        `facts(first: 1, after: $after, filter: { about: "imss" }) { totalCount }`,
      ],
      [
        cursors.entity.relations.pageInfo.endCursor,
        `facts(first: 1, after: $after) { totalCount }`,
      ],
      [cursors.entity.facts.pageInfo.endCursor, `facts(first: 1, after: $after) { totalCount }`],
      [
        cursors.search.pageInfo.endCursor,
        `search(text: "rural", first: 1, after: $after) { totalCount }`,
      ],
    ];
    for (const [after, field] of foreign) {
      const body = await send(`query ($after: String) { institute { key } page: ${field} }`, {
        after,
      });
      expect(body.data, field).toEqual({ institute: { key: "imss" }, page: null });
      expect(answerOf(body).errors, field).toEqual([
        { path: ["page"], code: "BAD_USER_INPUT", argument: "after" },
      ]);
    }
  });
});

describe("text filters ignore case and accents, as search does", () => {
  it("Nuevo Leon finds Nuevo León, whatever the case or accents typed", async () => {
    for (const text of ["Nuevo Leon", "nuevo león", "NUEVO LEÓN", "leon"]) {
      const data = await ok(
        `query ($text: String) { entities(filter: { text: $text }) { edges { node { name } } } }`,
        { text },
      );
      expect(
        data.entities.edges.map((e: Any) => e.node.name),
        text,
      ).toContain("Nuevo León");
    }
  });
});
