import neo4j, { type Driver } from "neo4j-driver";
import { luceneQueries } from "../src/loaders/search.js";
import { encodeCursor, listHash } from "../src/pagination.js";
import { homeDatabase } from "../src/db/open-database.js";
import { factFilter } from "../src/loaders/fact-filter.js";
import { createApp } from "../src/server.js";
import { enumValue, kindValue, list, obj, round } from "./answers.js";
import { GENERATED_VARIABLE } from "./model.js";
import {
  type AskOurs,
  loadWhereFixture,
  PLACEHOLDER_WHERE_FIXTURE,
  type WhereFixture,
  whereOperations,
} from "./operations-where.js";
import { type Group, groupsOperation, loadGroups } from "./operations-groups.js";

/**
 * The fixed mix of operations. Each asks ONE question three ways:
 * - `ours`: a GraphQL document for this server;
 * - `peer`: a GraphQL document for the @neo4j/graphql server over the same data;
 * - `raw`: the hand-written Cypher (and parameters) that answers it through
 *   neo4j-driver: the floor.
 * `normalize` turns each answer into the same plain shape, so that the
 * benchmark can check that the three agree before it measures anything.
 */

export type Target = "ours" | "peer" | "raw";
export const TARGETS: Target[] = ["raw", "ours", "peer"];

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface RawRequest {
  cypher: string;
  params: Record<string, unknown>;
  /** Parameters sent as Neo4j integers (LIMIT, SKIP). */
  ints?: string[];
}

export interface Operation {
  name: string;
  title: string;
  what: string;
  ours: GraphqlRequest;
  peer: GraphqlRequest;
  raw: RawRequest;
  normalize: {
    ours: (data: unknown) => unknown;
    peer: (data: unknown) => unknown;
    raw: (rows: Record<string, unknown>[]) => unknown;
  };
}

/** The parameters that depend on the generated data (keys that exist, a deep cursor). */
export interface Fixture {
  /** A generated facility, present at every size. */
  facility: string;
  /** A generated rural hospital (for paths: it is two steps from IMSS-BIENESTAR). */
  ruralHospital: string;
  /** How many facts the long list holds, and the offset of the deep page. */
  longListSize: number;
  deepOffset: number;
  /** The key of the fact just before the deep page. */
  deepAfterKey: string;
  /** What the operations of `where` and `sort` need (operations-where.ts). */
  where: WhereFixture;
  /** The groups of the grouped aggregate (operations-groups.ts). */
  groups: Group[];
}

export async function loadFixture(driver: Driver): Promise<Fixture> {
  const count = await driver.executeQuery(
    `MATCH (f:Fact) WHERE f.variable = $variable AND NOT coalesce(f.deprecated, false)
     RETURN count(f) AS n`,
    { variable: GENERATED_VARIABLE },
    { routing: "READ" },
  );
  const longListSize = Number(count.records[0]?.get("n"));
  const deepOffset = Math.floor(longListSize / 2);
  const at = await driver.executeQuery(
    `MATCH (f:Fact) WHERE f.variable = $variable AND NOT coalesce(f.deprecated, false)
     RETURN f.key AS key ORDER BY f.key SKIP $skip LIMIT 1`,
    { variable: GENERATED_VARIABLE, skip: neo4j.int(deepOffset - 1) },
    { routing: "READ" },
  );
  return {
    facility: "gen-fac-umf-0001",
    ruralHospital: "gen-fac-rh-0001",
    longListSize,
    deepOffset,
    deepAfterKey: String(at.records[0]?.get("key")),
    where: await loadWhereFixture(driver, await askOurs(driver)),
    groups: await loadGroups(driver),
  };
}

/**
 * This server in process (as `npm start` serves it), asked one request at a time, with a long
 * query timeout: reading the fixture is not measured, and at L it can take longer than a client
 * is allowed.
 */
async function askOurs(driver: Driver): Promise<AskOurs> {
  const app = createApp({
    driver,
    database: await homeDatabase(driver),
    http: { queryTimeoutMs: 120_000 },
  });
  return async (request) => {
    const response = await app.fetch("http://bench.local/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data;
  };
}

/** Stands in for the data when only the operations' texts are needed (the raw server). */
export const PLACEHOLDER_FIXTURE: Fixture = {
  facility: "",
  ruralHospital: "",
  longListSize: 0,
  deepOffset: 1,
  deepAfterKey: "",
  where: PLACEHOLDER_WHERE_FIXTURE,
  groups: [],
};

const SEARCH_TEXT = "family medicine unit jalisco";
const PERIOD = "year-2021";
const AGGREGATE_ABOUT = "family-medicine-consultation";
const PAGE = 20;

/**
 * @neo4j/graphql pages a long list with offset and limit (one more than the page
 * tells whether a next page exists). Its Relay connection (factsConnection with
 * an offset cursor) collects the whole list into every row it sorts: the deep
 * page then exceeds Neo4j's transaction memory limit (2.8 GiB here) even at size S.
 */
const PEER_PAGE = `query ($variable: String!, $offset: Int!, $limit: Int!) {
  facts(
    where: { variable: { eq: $variable }, deprecated: { eq: false } }
    sort: [{ key: ASC }]
    offset: $offset
    limit: $limit
  ) { key value statistic }
}`;

/**
 * The floor for a page of the long list: keyset along the (variable, key) index from `afterKey`
 * ("" for page 1; a plain ORDER BY f.key would sort the whole list). The hint and ordering by
 * both of the index's keys let the planner take the index's order and stop at the limit.
 */
function rawPage(afterKey: string): RawRequest {
  return {
    cypher: `MATCH (f:Fact) USING INDEX f:Fact(variable, key)
WHERE f.variable = $variable AND NOT coalesce(f.deprecated, false) AND f.key > $afterKey
WITH f ORDER BY f.variable, f.key LIMIT $limit
RETURN f {.key, .value, .statistic} AS fact`,
    params: { variable: GENERATED_VARIABLE, afterKey, limit: PAGE + 1 },
    ints: ["limit"],
  };
}

/** The three answers to a page of the long list, in one shape. */
const PAGE_NORMALIZE: Operation["normalize"] = {
  ours: (d) => factPage(obj(d).facts),
  peer: (d) => listPage(obj(d).facts),
  raw: (rows) => ({
    facts: rows.slice(0, PAGE).map((r) => r.fact),
    hasNextPage: rows.length > PAGE,
  }),
};

function listPage(rows: unknown): unknown {
  const facts = list(rows);
  return {
    facts: facts
      .slice(0, PAGE)
      .map((n) => ({ key: n.key, value: n.value, statistic: n.statistic })),
    hasNextPage: facts.length > PAGE,
  };
}

function factPage(connection: unknown): unknown {
  const c = obj(connection);
  return {
    facts: list(c.edges).map((e) => {
      const n = obj(e.node);
      return { key: n.key, value: n.value, statistic: enumValue(n.statistic) };
    }),
    hasNextPage: obj(c.pageInfo).hasNextPage,
  };
}

export function operations(fx: Fixture): Operation[] {
  return [
    {
      name: "entityByKey",
      title: "Entity by key",
      what: `One entity (a generated facility, \`${fx.facility}\`) by its key, scalar fields.`,
      ours: {
        query: `query ($key: String!) { entity(key: $key) { key kind name aliases description } }`,
        variables: { key: fx.facility },
      },
      peer: {
        query: `query ($key: String!) {
          entities(where: { key: { eq: $key } }) { key kind name aliases description }
        }`,
        variables: { key: fx.facility },
      },
      raw: {
        cypher: `MATCH (n:Entity {key: $key})
RETURN n {.key, .kind, .name, .aliases, .description} AS entity`,
        params: { key: fx.facility },
      },
      normalize: {
        ours: (d) => ({ ...obj(obj(d).entity), kind: kindValue(obj(obj(d).entity).kind) }),
        peer: (d) => list(obj(d).entities)[0],
        raw: (rows) => rows[0]?.entity,
      },
    },
    {
      name: "threeLevels",
      title: "Three levels over many parents",
      what:
        "Mexico → the places within it (first 32) → the facilities located in each (first 10) → " +
        "the facility type each is part of: 1 + 32 + up to 320 parents, in name order.",
      ours: {
        query: `query ($key: String!) {
          entity(key: $key) {
            key name
            contains: relations(types: [WITHIN], direction: IN, first: 32) {
              edges { node { key name
                locatedHere: relations(types: [LOCATED_IN], direction: IN, first: 10) {
                  edges { node { key name
                    relations(types: [PART_OF], direction: OUT, first: 5) {
                      edges { node { key name } }
                    }
                  } }
                }
              } }
            }
          }
        }`,
        variables: { key: "mexico" },
      },
      peer: {
        query: `query ($key: String!) {
          entities(where: { key: { eq: $key } }) {
            key name
            containsConnection(first: 32, sort: [{ node: { name: ASC } }, { node: { key: ASC } }]) {
              edges { node { key name
                locatedHereConnection(first: 10, sort: [{ node: { name: ASC } }, { node: { key: ASC } }]) {
                  edges { node { key name
                    partOfConnection(first: 5, sort: [{ node: { name: ASC } }, { node: { key: ASC } }]) {
                      edges { node { key name } }
                    }
                  } }
                }
              } }
            }
          }
        }`,
        variables: { key: "mexico" },
      },
      raw: {
        cypher: `MATCH (p:Entity {key: $key})
CALL (p) {
  MATCH (p)<-[:WITHIN]-(s:Entity)
  WITH s ORDER BY toLower(s.name), s.key LIMIT 32
  CALL (s) {
    MATCH (s)<-[:LOCATED_IN]-(f:Entity)
    WITH f ORDER BY toLower(f.name), f.key LIMIT 10
    CALL (f) {
      MATCH (f)-[:PART_OF]->(t:Entity)
      WITH t ORDER BY toLower(t.name), t.key LIMIT 5
      RETURN collect(t {.key, .name}) AS types
    }
    RETURN collect(f {.key, .name, types: types}) AS facilities
  }
  RETURN collect(s {.key, .name, facilities: facilities}) AS places
}
RETURN p {.key, .name, places: places} AS entity`,
        params: { key: "mexico" },
      },
      normalize: {
        ours: (d) => {
          const e = obj(obj(d).entity);
          return {
            key: e.key,
            name: e.name,
            places: list(obj(e.contains).edges).map((s) => {
              const n = obj(s.node);
              return {
                key: n.key,
                name: n.name,
                facilities: list(obj(n.locatedHere).edges).map((f) => {
                  const m = obj(f.node);
                  return {
                    key: m.key,
                    name: m.name,
                    types: list(obj(m.relations).edges).map((t) => ({
                      key: obj(t.node).key,
                      name: obj(t.node).name,
                    })),
                  };
                }),
              };
            }),
          };
        },
        peer: (d) => {
          const e = obj(list(obj(d).entities)[0]);
          return {
            key: e.key,
            name: e.name,
            places: list(obj(e.containsConnection).edges).map((s) => {
              const n = obj(s.node);
              return {
                key: n.key,
                name: n.name,
                facilities: list(obj(n.locatedHereConnection).edges).map((f) => {
                  const m = obj(f.node);
                  return {
                    key: m.key,
                    name: m.name,
                    types: list(obj(m.partOfConnection).edges).map((t) => ({
                      key: obj(t.node).key,
                      name: obj(t.node).name,
                    })),
                  };
                }),
              };
            }),
          };
        },
        raw: (rows) => rows[0]?.entity,
      },
    },
    {
      name: "firstPage",
      title: "Connection, page 1",
      what:
        `Page 1 (${PAGE} facts) of the longest list of the graph: every \`${GENERATED_VARIABLE}\` ` +
        `fact, by key (${fx.longListSize.toLocaleString("en")} facts).`,
      ours: {
        query: `query ($variable: String!, $first: Int!) {
          facts(filter: { variable: $variable }, first: $first) {
            edges { node { key value statistic } }
            pageInfo { hasNextPage }
          }
        }`,
        variables: { variable: GENERATED_VARIABLE, first: PAGE },
      },
      peer: {
        query: PEER_PAGE,
        variables: { variable: GENERATED_VARIABLE, offset: 0, limit: PAGE + 1 },
      },
      raw: rawPage(""),
      normalize: PAGE_NORMALIZE,
    },
    {
      name: "deepPage",
      title: "Connection, deep page",
      what:
        `The page of ${PAGE} facts after position ${fx.deepOffset.toLocaleString("en")} of the ` +
        "same list (half-way down): a cursor for this server (keyset), an offset cursor for @neo4j/graphql.",
      ours: {
        query: `query ($variable: String!, $first: Int!, $after: String!) {
          facts(filter: { variable: $variable }, first: $first, after: $after) {
            edges { node { key value statistic } }
            pageInfo { hasNextPage }
          }
        }`,
        variables: {
          variable: GENERATED_VARIABLE,
          first: PAGE,
          // A cursor of this same list: facts of the variable, in key order.
          after: encodeCursor(
            { value: 0, key: fx.deepAfterKey },
            listHash({
              list: "facts",
              filter: factFilter({ variable: GENERATED_VARIABLE }),
              order: "KEY",
            }),
          ),
        },
      },
      peer: {
        query: PEER_PAGE,
        variables: { variable: GENERATED_VARIABLE, offset: fx.deepOffset, limit: PAGE + 1 },
      },
      raw: rawPage(fx.deepAfterKey),
      normalize: PAGE_NORMALIZE,
    },
    {
      name: "search",
      title: "Search",
      what: `Full-text search "${SEARCH_TEXT}" among places (facilities are sites), best 10 by score then key.`,
      ours: {
        query: `query ($text: String!) {
          search(text: $text, language: EN, kinds: [PLACE], first: 10) {
            edges { node { score entity { key name } } }
          }
        }`,
        variables: { text: SEARCH_TEXT },
      },
      peer: {
        query: `query ($phrase: String!) {
          searchEntities(
            phrase: $phrase
            where: { node: { kind: { eq: "Place" } } }
            sort: [{ score: DESC }, { node: { key: ASC } }]
            first: 10
          ) {
            edges { score node { key name } }
          }
        }`,
        variables: { phrase: luceneQueries(SEARCH_TEXT, "en").queryEn },
      },
      raw: {
        cypher: `CALL db.index.fulltext.queryNodes("search_en", $query) YIELD node, score
WHERE node:Entity AND node.kind = $kind
RETURN node.key AS key, node.name AS name, score
ORDER BY score DESC, key
LIMIT $limit`,
        params: { query: luceneQueries(SEARCH_TEXT, "en").queryEn, kind: "Place", limit: 10 },
        ints: ["limit"],
      },
      normalize: {
        ours: (d) =>
          list(obj(obj(d).search).edges).map((e) => {
            const n = obj(e.node);
            return { key: obj(n.entity).key, name: obj(n.entity).name, score: round(n.score) };
          }),
        peer: (d) =>
          list(obj(obj(d).searchEntities).edges).map((e) => ({
            key: obj(e.node).key,
            name: obj(e.node).name,
            score: round(e.score),
          })),
        raw: (rows) => rows.map((r) => ({ key: r.key, name: r.name, score: round(r.score) })),
      },
    },
    {
      name: "paths",
      title: "Paths",
      what:
        `The shortest paths (at most 4 steps, through links and facts) from a generated rural ` +
        `hospital (\`${fx.ruralHospital}\`) to IMSS-BIENESTAR.`,
      ours: {
        query: `query ($from: String!, $to: String!) {
          paths(from: $from, to: $to, maxHops: 4, first: 5) { length nodeKeys }
        }`,
        variables: { from: fx.ruralHospital, to: "imss-bienestar" },
      },
      peer: {
        query: `query ($from: String!, $to: String!) {
          pathKeys(from: $from, to: $to, limit: 5)
        }`,
        variables: { from: fx.ruralHospital, to: "imss-bienestar" },
      },
      raw: {
        cypher: `MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = allShortestPaths((a)-[:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT|ABOUT|SCOPE|DURING|COMPARED_TO*..4]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity OR (n:Fact AND NOT coalesce(n.deprecated, false)))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n.key] AS nodeKeys`,
        params: { from: fx.ruralHospital, to: "imss-bienestar", limit: 5 },
        ints: ["limit"],
      },
      normalize: {
        ours: (d) =>
          list(obj(d).paths)
            .map((p) => (p.nodeKeys as string[]).join(" "))
            .sort(),
        peer: (d) => [...(obj(d).pathKeys as string[])].sort(),
        raw: (rows) => rows.map((r) => (r.nodeKeys as string[]).join(" ")).sort(),
      },
    },
    {
      name: "factsFiltered",
      title: "Facts by variable and period",
      what:
        `Page 1 (${PAGE}) of the \`${GENERATED_VARIABLE}\` facts of ${PERIOD} (its periods and the ` +
        "periods within them), with each fact's service and month.",
      ours: {
        query: `query ($variable: String!, $period: String!, $first: Int!) {
          facts(filter: { variable: $variable, period: $period }, first: $first) {
            edges { node { key value about { key } period { key } } }
            pageInfo { hasNextPage }
          }
        }`,
        variables: { variable: GENERATED_VARIABLE, period: PERIOD, first: PAGE },
      },
      peer: {
        // The period and the periods within it, two levels down (the model nests no deeper).
        query: `query ($variable: String!, $period: String!, $first: Int!) {
          factsConnection(
            where: {
              variable: { eq: $variable }
              deprecated: { eq: false }
              period: {
                some: {
                  OR: [
                    { key: { eq: $period } }
                    { within: { some: { key: { eq: $period } } } }
                    { within: { some: { within: { some: { key: { eq: $period } } } } } }
                  ]
                }
              }
            }
            sort: [{ key: ASC }]
            first: $first
          ) {
            edges { node { key value about { key } period { key } } }
            pageInfo { hasNextPage }
          }
        }`,
        variables: { variable: GENERATED_VARIABLE, period: PERIOD, first: PAGE },
      },
      raw: {
        // The period and the periods within it first; then along the (variable, key) index.
        cypher: `MATCH (:Entity {key: $period})<-[:WITHIN*0..5]-(p:Entity)
WITH collect(p) AS periods
MATCH (f:Fact) USING INDEX f:Fact(variable, key)
WHERE f.key > $afterKey AND f.variable = $variable AND NOT coalesce(f.deprecated, false)
  AND EXISTS { (f)-[:DURING]->(q) WHERE q IN periods }
WITH f ORDER BY f.variable, f.key LIMIT $limit
RETURN f {.key, .value,
          about: COLLECT { MATCH (f)-[:ABOUT]->(e) RETURN e.key }[0],
          period: COLLECT { MATCH (f)-[:DURING]->(e) RETURN e.key }[0]} AS fact`,
        params: { variable: GENERATED_VARIABLE, period: PERIOD, afterKey: "", limit: PAGE + 1 },
        ints: ["limit"],
      },
      normalize: {
        ours: (d) => {
          const c = obj(obj(d).facts);
          return {
            facts: list(c.edges).map((e) => {
              const n = obj(e.node);
              return {
                key: n.key,
                value: n.value,
                about: obj(n.about).key,
                period: obj(n.period).key,
              };
            }),
            hasNextPage: obj(c.pageInfo).hasNextPage,
          };
        },
        peer: (d) => {
          const c = obj(obj(d).factsConnection);
          return {
            facts: list(c.edges).map((e) => {
              const n = obj(e.node);
              return {
                key: n.key,
                value: n.value,
                about: list(n.about)[0]?.key,
                period: list(n.period)[0]?.key,
              };
            }),
            hasNextPage: obj(c.pageInfo).hasNextPage,
          };
        },
        raw: (rows) => ({
          facts: rows.slice(0, PAGE).map((r) => r.fact),
          hasNextPage: rows.length > PAGE,
        }),
      },
    },
    {
      name: "aggregate",
      title: "Aggregate",
      what: `Count, sum, min and max of the \`${GENERATED_VARIABLE}\` facts about one service (\`${AGGREGATE_ABOUT}\`).`,
      ours: {
        query: `query ($variable: String!, $about: String!) {
          factStats(variable: $variable, about: $about) { count sum min max }
        }`,
        variables: { variable: GENERATED_VARIABLE, about: AGGREGATE_ABOUT },
      },
      peer: {
        query: `query ($variable: String!, $about: String!) {
          factsConnection(
            where: {
              variable: { eq: $variable }
              deprecated: { eq: false }
              about: { some: { key: { eq: $about } } }
            }
          ) {
            aggregate { count { nodes } node { value { sum min max } } }
          }
        }`,
        variables: { variable: GENERATED_VARIABLE, about: AGGREGATE_ABOUT },
      },
      raw: {
        cypher: `MATCH (:Entity {key: $about})<-[:ABOUT]-(f:Fact)
WHERE f.variable = $variable AND NOT coalesce(f.deprecated, false)
RETURN count(f) AS count, sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max`,
        params: { variable: GENERATED_VARIABLE, about: AGGREGATE_ABOUT },
      },
      normalize: {
        ours: (d) => obj(d).factStats,
        peer: (d) => {
          const a = obj(obj(obj(d).factsConnection).aggregate);
          const v = obj(obj(a.node).value);
          return { count: obj(a.count).nodes, sum: v.sum, min: v.min, max: v.max };
        },
        raw: (rows) => rows[0],
      },
    },
    ...whereOperations(fx.where),
    groupsOperation(fx.groups),
  ];
}
