import { describe, expect, it } from "vitest";
import { useTestServer } from "./support/http.js";

/** The GraphQL API over HTTP against the seeded Neo4j: real questions from the sources. */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

async function ok(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

async function fails(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  expect(body.errors?.length).toBeGreaterThan(0);
  return body.errors as { message: string; extensions?: { code?: string; argument?: string } }[];
}

describe("questions researchers ask", () => {
  it("how many rural hospitals IMSS-BIENESTAR has, and the exact sentence that says so", async () => {
    const data = await ok(`{
      entity(key: "imss-bienestar") {
        name
        ... on Program {
          facilityTypes(first: 20) {
            totalCount
            edges { node { key name } type direction fact { value unit citations { quote start end document { key text } } } }
          }
        }
      }
    }`);
    expect(data.entity.name).toMatch(/IMSS-BIENESTAR/);
    const edge = data.entity.facilityTypes.edges.find((e: Any) => e.node.key === "rural-hospital");
    expect(edge.type).toBe("OPERATES");
    expect(edge.direction).toBe("OUT");
    expect(edge.fact.value).toBe(80);
    expect(edge.fact.unit).toBe("COUNT");
    const [citation] = edge.fact.citations;
    expect(citation.quote).toContain("80 Rural Hospitals");
    expect(citation.document.text.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(data.entity.facilityTypes.totalCount).toBe(data.entity.facilityTypes.edges.length);
  });

  it("who leads the Institute", async () => {
    const data = await ok(`{
      institute { name people { edges { role node { name ... on Person { roles { edges { sourceQuote } } } } } } }
    }`);
    const leader = data.institute.people.edges.find((e: Any) => e.role);
    expect(leader.node.name).toMatch(/Zoé Robledo/);
    expect(leader.role).toMatch(/CEO|Director/i);
    expect(leader.node.roles.edges[0].sourceQuote).toContain("Zoé Robledo");
  });

  it("which facts conflict, and what each source says", async () => {
    const data = await ok(`{
      conflicts { note facts { key value qualifiers isLowerBound citations { quote document { key date } } conflicts { fact { key } } } }
    }`);
    const pairs = data.conflicts.map((c: Any) =>
      c.facts.map((f: Any) => f.value).sort((a: number, b: number) => a - b),
    );
    expect(pairs).toContainEqual([1048, 1148]);
    expect(pairs).toContainEqual([404118, 404500]);
    for (const conflict of data.conflicts) {
      expect(conflict.note.length).toBeGreaterThan(10);
      const [a, b] = conflict.facts;
      expect(a.citations[0].document.key).not.toBe(b.citations[0].document.key);
      expect(a.conflicts.map((c: Any) => c.fact.key)).toContain(b.key);
    }
    const justOver = data.conflicts
      .flatMap((c: Any) => c.facts)
      .find((f: Any) => f.value === 404500);
    expect(justOver.qualifiers).toEqual(["JUST_OVER"]);
    expect(justOver.isLowerBound).toBe(true);
  });

  it("a path from a program to a facility type", async () => {
    const data = await ok(`{
      paths(from: "imss-bienestar", to: "rural-hospital", maxHops: 3) {
        length nodeKeys nodes { id __typename } steps { fromKey relation direction toKey fact { value } }
      }
    }`);
    expect(data.paths[0].length).toBe(1);
    expect(data.paths[0].nodeKeys).toEqual(["imss-bienestar", "rural-hospital"]);
    expect(data.paths[0].steps[0]).toMatchObject({
      relation: "OPERATES",
      direction: "OUT",
      fact: { value: 80 },
    });
    expect(data.paths[0].nodes.map((n: Any) => n.__typename)).toEqual(["Program", "FacilityType"]);
  });

  it("paths cost one query, and an entity's path to itself has no steps", async () => {
    const { body } = await http.server.graphql<Any>(
      `{ paths(from: "imss-bienestar", to: "rural-hospital", maxHops: 3) { length } }`,
    );
    expect(body.data.paths[0].length).toBe(1);
    expect(body.extensions?.databaseQueries).toBe(1);
    const self = await ok(
      `{ paths(from: "imss", to: "imss") { length nodeKeys nodes { __typename } } }`,
    );
    expect(self.paths).toEqual([
      { length: 0, nodeKeys: ["imss"], nodes: [{ __typename: "Organization" }] },
    ]);
    const errors = await fails(`{ paths(from: "nowhere", to: "imss") { length } }`);
    expect(errors[0]?.message).toContain(`"from"`);
  });

  it("a path from a service to a period runs through the fact that links them", async () => {
    const data = await ok(`{
      paths(from: "nuclear-medicine-session", to: "typical-day-2021", maxHops: 2, first: 5) {
        length nodes { __typename ... on Fact { key value } } steps { relation direction }
      }
    }`);
    expect(data.paths.length).toBeGreaterThanOrEqual(2);
    const values = data.paths.map((p: Any) => p.nodes[1].value).sort();
    expect(values).toEqual([1048, 1148]);
    expect(data.paths[0].steps.map((s: Any) => s.relation)).toEqual(["ABOUT", "DURING"]);
  });

  it("the consultation totals that do not add up, and the beds that do", async () => {
    const data = await ok(`{
      consistencyChecks { key name consistent partsSum parts { key value } totals { stated difference total { key } } }
    }`);
    const beds = data.consistencyChecks.find((c: Any) => c.partsSum === 56753);
    expect(beds.consistent).toBe(true);
    expect(beds.totals.map((t: Any) => t.difference)).toEqual([0]);
    const consultations = data.consistencyChecks.find((c: Any) => c.partsSum === 404658);
    expect(consultations.consistent).toBe(false);
    expect(
      consultations.totals.map((t: Any) => t.difference).sort((a: number, b: number) => a - b),
    ).toEqual([158, 540]);
  });

  it("a time series of a variable about one entity, and its aggregates", async () => {
    const data = await ok(`{
      timeSeries(variable: "services-delivered", about: "surgery") { key value statistic period { key start end } }
      factStats(variable: "services-delivered", about: "surgery") { count withValue sum min max }
    }`);
    expect(data.timeSeries.length).toBeGreaterThanOrEqual(2);
    const starts = data.timeSeries.map((f: Any) => f.period.start);
    expect([...starts].sort()).toEqual(starts);
    expect(data.factStats.count).toBe(data.timeSeries.length);
    const alone = await http.server.graphql<Any>(
      `{ factStats(variable: "services-delivered", about: "surgery") { count } }`,
    );
    expect(alone.body.data.factStats.count).toBe(data.factStats.count);
    expect(alone.body.extensions?.databaseQueries).toBe(1);
    const values = data.timeSeries.map((f: Any) => f.value).filter((v: Any) => v !== null);
    expect(data.factStats.max).toBe(Math.max(...values));
    expect(data.factStats.min).toBe(Math.min(...values));
  });
});

describe("exploring", () => {
  it("reaches every entity by global id and by key, and many at once", async () => {
    const data = await ok(`{ entity(key: "umae") { id key __typename } }`);
    expect(data.entity.__typename).toBe("FacilityType");
    const again = await ok(
      `query($id: ID!) { node(id: $id) { id ... on Entity { key name } } nodes(ids: [$id]) { id } }`,
      {
        id: data.entity.id,
      },
    );
    expect(again.node).toMatchObject({ id: data.entity.id, key: "umae" });
    expect(again.nodes).toEqual([{ id: data.entity.id }]);
  });

  it("reaches a fact, its citation, its document and its variable by global id", async () => {
    const data = await ok(`{
      facts(first: 1) { edges { node { id variable { id } citations { id document { id } } } } }
    }`);
    const fact = data.facts.edges[0].node;
    const ids = [fact.id, fact.variable.id, fact.citations[0].id, fact.citations[0].document.id];
    const found = await ok(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(found.nodes).toEqual(
      ["Fact", "Variable", "Citation", "Document"].map((__typename, i) => ({
        __typename,
        id: ids[i],
      })),
    );
  });

  it("pages through a long list with keyset cursors, filters, and counts without fetching every row", async () => {
    const { records } = await http.driver.executeQuery(
      "MATCH (n:Entity) RETURN n.key AS key ORDER BY toLower(n.name), n.key",
    );
    const keys = records.map((r) => r.get("key"));
    const all = await ok("{ entities(first: 1) { totalCount } }");
    expect(all.entities.totalCount).toBe(keys.length);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const data: Any = await ok(
        `query($after: String) { entities(first: 7, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.entities.edges.map((e: Any) => e.node.key));
      if (!data.entities.pageInfo.hasNextPage) break;
      after = data.entities.pageInfo.endCursor;
    }
    expect(seen).toEqual(keys);

    const filtered = await ok(
      `{ entities(filter: { kinds: [FACILITY_TYPE], text: "hospital" }) { totalCount edges { node { key } } } }`,
    );
    // Bed matches by its Spanish alias "camas hospitalarias".
    expect(filtered.entities.edges.map((e: Any) => e.node.key).sort()).toEqual([
      "bed",
      "general-hospital",
      "rural-hospital",
    ]);
    expect(filtered.entities.totalCount).toBe(3);

    const byAlias = await ok(
      `{ entities(filter: { text: "Unidad de Medicina Familiar" }) { edges { node { key } } } }`,
    );
    expect(byAlias.entities.edges.map((e: Any) => e.node.key)).toContain("umf");
  });

  it("filters facts by variable, entity, period and document, and orders them by value", async () => {
    const data = await ok(`{
      facts(filter: { about: "nuclear-medicine-session" }) { totalCount edges { node { value } } }
      byDocument: facts(filter: { document: "002_09b982dd34e5a0da", variable: "services-delivered", period: "typical-day-2021" }, orderBy: VALUE_DESC, first: 3) {
        edges { node { value citations { document { key } } } }
      }
    }`);
    expect(data.facts.totalCount).toBe(2);
    const top = data.byDocument.edges.map((e: Any) => e.node.value);
    expect(top[0]).toBe(710350); // clinical analyses, the largest daily figure of the hospital network
    expect([...top].sort((a, b) => b - a)).toEqual(top);
  });

  it("searches names, aliases and the documents' text, ranked, with each hit's kind", async () => {
    const data = await ok(`{
      xray: search(text: "X-ray diagnostic") { totalCount edges { node { kind score entity { key } } } }
      zoe: search(text: "Robledo", kinds: [PERSON, DOCUMENT]) { edges { node { kind document { key } entity { key } } } }
    }`);
    expect(data.xray.edges[0].node.entity.key).toBe("radiodiagnosis");
    expect(data.xray.edges[0].node.kind).toBe("SERVICE");
    const kinds = data.zoe.edges.map((e: Any) => e.node.kind);
    expect(kinds).toContain("PERSON");
    expect(kinds).toContain("DOCUMENT");
    const scores = data.xray.edges.map((e: Any) => e.node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("reads a link's fields however the query selects them (fields, aliases, fragments)", async () => {
    const ask = (edge: string) =>
      ok(`
        ${edge.includes("...LinkFields") ? "fragment LinkFields on EntityRelationEdge { type direction }" : ""}
        {
          entity(key: "imss-bienestar") {
            relations(first: 50) { edges { node { key } ${edge} } }
          }
        }`);
    const plain = await ask("");
    const keys = plain.entity.relations.edges.map((e: Any) => e.node.key);
    expect(keys.length).toBeGreaterThan(3);
    const direct = await ask("type direction fact { value }");
    const shapes = [
      await ask("kindOfLink: type direction fact { value }"),
      await ask("...LinkFields fact { value }"),
      await ask("... on EntityRelationEdge { type direction fact { value } }"),
    ];
    const links = (r: Any) =>
      r.entity.relations.edges.map((e: Any) => [e.node.key, e.type ?? e.kindOfLink, e.direction]);
    expect(direct.entity.relations.edges.map((e: Any) => e.node.key)).toEqual(keys);
    expect(links(direct).every(([, type]: Any) => typeof type === "string")).toBe(true);
    expect(direct.entity.relations.edges.some((e: Any) => e.fact?.value === 80)).toBe(true);
    for (const shape of shapes) expect(links(shape)).toEqual(links(direct));
  });

  it("walks the neighborhood of an entity", async () => {
    const data = await ok(
      `{ neighborhood(id: "rural-hospital", depth: 2) { center { key } nodes { depth entity { key } } links { type from { key } to { key } } } }`,
    );
    const depthOf = Object.fromEntries(
      data.neighborhood.nodes.map((n: Any) => [n.entity.key, n.depth]),
    );
    expect(depthOf["rural-hospital"]).toBe(0);
    expect(depthOf["imss-bienestar"]).toBe(1);
    expect(depthOf.imss).toBe(2);
  });
});

describe("a well-formed id or key of nothing", () => {
  it("gives null and a NOT_FOUND error that names what is missing", async () => {
    const id = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    const { status, body } = await http.server.graphql<Any>(
      `query ($a: ID!, $b: ID!) { node(id: $a) { id } nodes(ids: [$a, $b]) { id } }`,
      { a: id("Fact:no-such-fact"), b: id("Program:no-such-program") },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ node: null, nodes: [null, null] });
    const errors = body.errors ?? [];
    expect(errors.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(errors.map((e) => e.message).join(" ")).toMatch(/no-such-fact.*no-such-program/);
  });
});

describe("bad input gets a clear error naming the argument, never a 500", () => {
  // [name, query, argument, code]: NOT_FOUND for a key or id of nothing, BAD_USER_INPUT for
  // malformed input.
  const cases: [string, string, string, string][] = [
    ["unknown key", `{ entity(key: "no-such-thing") { key } }`, "key", "NOT_FOUND"],
    ["unknown fact", `{ fact(key: "no-such-fact") { key } }`, "key", "NOT_FOUND"],
    ["not an id", `{ node(id: "bm90LWFuLWlk") { id } }`, "id", "BAD_USER_INPUT"],
    [
      "malformed cursor",
      `{ entities(after: "garbage!") { totalCount } }`,
      "after",
      "BAD_USER_INPUT",
    ],
    ["page too large", `{ entities(first: 100000) { totalCount } }`, "first", "BAD_USER_INPUT"],
    [
      "maxHops out of range",
      `{ paths(from: "imss", to: "umf", maxHops: 99) { length } }`,
      "maxHops",
      "BAD_USER_INPUT",
    ],
    ["unknown path end", `{ paths(from: "imss", to: "nowhere") { length } }`, "to", "NOT_FOUND"],
    ["empty search text", `{ search(text: "   ") { totalCount } }`, "text", "BAD_USER_INPUT"],
    ["unknown variable", `{ timeSeries(variable: "nope") { key } }`, "variable", "NOT_FOUND"],
    [
      "unknown variable of stats",
      `{ factStats(variable: "nope") { count } }`,
      "variable",
      "NOT_FOUND",
    ],
    [
      "unknown entity of stats",
      `{ factStats(variable: "services-delivered", about: "nowhere") { count } }`,
      "about",
      "NOT_FOUND",
    ],
    [
      "depth out of range",
      `{ neighborhood(id: "imss", depth: 9) { truncated } }`,
      "depth",
      "BAD_USER_INPUT",
    ],
  ];
  for (const [name, query, argument, code] of cases) {
    it(name, async () => {
      const errors = await fails(query);
      expect(errors[0]?.message).toContain(`"${argument}"`);
      expect(errors[0]?.extensions).toMatchObject({ code, argument });
      expect(JSON.stringify(errors)).not.toMatch(/at .*\.(ts|js):\d+|MATCH \(/);
    });
  }
});

describe("batching", () => {
  const nested = (first: number) => `{
    entities(first: ${first}, filter: { kinds: [PROGRAM, ORGANIZATION] }) {
      edges { node { key
        relations(first: 5) { edges { node { key
          facts(first: 3) { edges { node { key value citations { quote } } } }
        } } }
      } }
    }
  }`;

  it("gives related entities' details (aliases, description, dates) from one more query", async () => {
    const query = (details: string) => `{
      entity(key: "typical-day-2021") {
        relations(first: 10) { edges { node { key name ${details} } } }
      }
    }`;
    const slim = await http.server.graphql<Any>(query(""));
    const full = await http.server.graphql<Any>(
      query("aliases description ... on TimePeriod { start end granularity }"),
    );
    expect(full.body.errors).toBeUndefined();
    const nodes = full.body.data.entity.relations.edges.map((e: Any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const alone = await ok(`{
        entity(key: "${node.key}") {
          key name aliases description ... on TimePeriod { start end granularity }
        }
      }`);
      expect(node).toEqual(alone.entity);
    }
    const queries = (r: Any) => (r.body as Any).extensions.databaseQueries;
    expect(queries(full)).toBe(queries(slim) + 1);
  });

  it("a page of facts names what each fact is about, and its period, in the same query", async () => {
    const { body } = await http.server.graphql<Any>(`{
      facts(first: 30) {
        edges { node { key about { __typename key kind name } period { key name } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const nodes = body.data.facts.edges.map((e: Any) => e.node);
    expect(nodes).toHaveLength(30);
    for (const n of nodes) {
      expect(n.about.name.length).toBeGreaterThan(0);
      expect(n.period.name.length).toBeGreaterThan(0);
    }
    // The type of each entity follows its kind (FACILITY_TYPE is a FacilityType).
    for (const n of nodes) {
      expect(n.about.__typename.toUpperCase()).toBe(n.about.kind.replace(/_/g, ""));
    }
    expect(body.extensions?.databaseQueries).toBe(1);
  });

  it("an entity's facts name what each is about in the same query, or skip it when not asked", async () => {
    const query = (fields: string) => `{
      entity(key: "imss-bienestar") { facts(first: 8) { edges { node { key ${fields} } } } }
    }`;
    const slim = await http.server.graphql<Any>(query("value"));
    const full = await http.server.graphql<Any>(query("value about { key name } period { key }"));
    expect(full.body.errors).toBeUndefined();
    const nodes = full.body.data.entity.facts.edges.map((e: Any) => e.node);
    expect(nodes.length).toBeGreaterThan(3);
    expect(slim.body.data.entity.facts.edges.map((e: Any) => e.node.key)).toEqual(
      nodes.map((n: Any) => n.key),
    );
    for (const n of nodes) {
      const alone = await ok(`{ fact(key: "${n.key}") { about { key name } period { key } } }`);
      expect({ about: n.about, period: n.period }).toEqual(alone.fact);
    }
    const queries = (r: Any) => (r.body as Any).extensions.databaseQueries;
    expect(queries(full)).toBe(2);
    expect(queries(slim)).toBe(2);
  });

  it("a fact read in a page without its links still gives them to another field", async () => {
    const first = await ok(`{ facts(first: 5) { edges { node { key } } } }`);
    const key = first.facts.edges[4].node.key;
    const alone = await ok(`{ fact(key: "${key}") { about { key } period { key } } }`);
    const { body } = await http.server.graphql<Any>(`{
      facts(first: 5) { edges { node { key value } } }
      fact(key: "${key}") { key value about { key } period { key } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.fact).toMatchObject(alone.fact);
    expect(body.data.fact.value).toBe(body.data.facts.edges[4].node.value);
  });

  it("reads a fact's citations once for both `citations` and `citeAs`", async () => {
    const query = (fields: string) => `{
      facts(first: 5) { edges { node { key ${fields} } } }
    }`;
    const citeAs = await http.server.graphql<Any>(query("citeAs"));
    const both = await http.server.graphql<Any>(query("citeAs citations { id quote }"));
    expect(both.body.errors).toBeUndefined();
    const nodes = both.body.data.facts.edges.map((e: Any) => e.node);
    expect(nodes.map((n: Any) => n.citeAs)).toEqual(
      citeAs.body.data.facts.edges.map((e: Any) => e.node.citeAs),
    );
    for (const n of nodes) {
      expect(n.citations.length).toBeGreaterThan(0);
      for (const c of n.citations) expect(n.citeAs).toContain(c.quote);
    }
    // The page, the facts' links, the citations, the variables, the documents: citations once.
    const queries = (r: Any) => (r.body as Any).extensions.databaseQueries;
    expect(queries(both)).toBe(queries(citeAs));
    expect(queries(both)).toBe(5);
  });

  it("sends one Cypher query per level of a nested query, whatever the number of parents", async () => {
    const few = await http.server.graphql<Any>(nested(2));
    const many = await http.server.graphql<Any>(nested(40));
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    const parents = (r: Any) => r.body.data.entities.edges.length;
    const grandchildren = (r: Any) =>
      r.body.data.entities.edges.flatMap((e: Any) => e.node.relations.edges).length;
    expect(parents(many)).toBeGreaterThan(10);
    expect(grandchildren(many)).toBeGreaterThan(40);
    // One query per level at most (entities page, relations page, facts page, fact rows,
    // citations: 5), the same for 2 parents as for 40; a level whose rows come with their
    // parent's page costs none.
    const queries = (r: Any) => (r.body as Any).extensions.databaseQueries;
    expect(queries(few)).toBeGreaterThanOrEqual(3);
    expect(queries(few)).toBeLessThanOrEqual(5);
    expect(queries(many)).toBe(queries(few));
  });
});
