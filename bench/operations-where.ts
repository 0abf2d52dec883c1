import neo4j, { type Driver } from "neo4j-driver";
import { encodeCursor } from "../src/pagination.js";
import { kindValue, list, obj } from "./answers.js";
import type { GraphqlRequest, Operation, RawRequest } from "./operations.js";

/**
 * The operations of `where` and `sort`: a compound where in two pages and a relationship
 * filter, each asked of this server, of @neo4j/graphql with its own `where`/`sort`/`offset`, and
 * of hand-written Cypher (the grouped aggregate: operations-groups.ts).
 */

const PAGE = 20;

/**
 * The compound where: facts of a value range, scoped to a program OR about a service, whose
 * period overlaps the second half of 2021 and January 2022, by value (descending) then key:
 * about one generated fact in 60 at every size (the monthly figures of July to December 2021
 * in range), and some curated ones (one of them through the scope alone: a facility count of
 * IMSS-BIENESTAR).
 */
const COMPOUND = {
  min: 1000,
  max: 5000,
  scope: "imss-bienestar",
  kind: "SERVICE",
  from: "2021-07-01",
  to: "2022-01-31",
};

/** The relationship filter: facts about what a program operates (its facility types). */
const PROGRAM = "imss-bienestar";

/** What the operations of this file take from the data (part of the bench's Fixture). */
export interface WhereFixture {
  /** How many facts the compound where selects, and the position of its deep page. */
  compoundSize: number;
  compoundDeepOffset: number;
  /** The fact just before the deep page (in value DESC, key ASC order). */
  compoundDeepAfter: { value: number; key: string };
  /** This server's cursor for that position (`after` of the deep page). */
  compoundDeepCursor: string;
}

export const PLACEHOLDER_WHERE_FIXTURE: WhereFixture = {
  compoundSize: 0,
  compoundDeepOffset: 0,
  compoundDeepAfter: { value: 0, key: "" },
  compoundDeepCursor: "",
};

/**
 * The floor for the compound where: the periods that overlap first (few, along the
 * entity_kind_name index), then their facts, filtered, sorted, cut; a deep page starts after
 * `$afterValue`/`$afterKey` (keyset; null for page 1).
 */
const RAW_COMPOUND = `MATCH (p:Entity)
WHERE p.kind = 'TimePeriod' AND p.start <= $to AND p.end >= $from
MATCH (p)<-[:DURING]-(f:Fact)
WHERE f.value >= $min AND f.value < $max AND NOT coalesce(f.deprecated, false)
  AND ($afterKey IS NULL OR f.value < $afterValue OR (f.value = $afterValue AND f.key > $afterKey))
  AND (EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) }
       OR EXISTS { (f)-[:ABOUT]->(a:Entity) WHERE a.kind IN $kinds })
WITH DISTINCT f
RETURN f {.key, .value} AS fact
ORDER BY fact.value DESC, fact.key
LIMIT $limit`;

function rawCompound(after: { value: number; key: string } | null, limit: number): RawRequest {
  return {
    cypher: RAW_COMPOUND,
    params: {
      min: COMPOUND.min,
      max: COMPOUND.max,
      scope: COMPOUND.scope,
      kinds: [kindValue(COMPOUND.kind)],
      from: COMPOUND.from,
      to: COMPOUND.to,
      afterValue: after?.value ?? null,
      afterKey: after?.key ?? null,
      limit,
    },
    ints: ["limit"],
  };
}

const OURS_COMPOUND = `query ($where: FactWhere!, $first: Int!, $after: String) {
  facts(where: $where, sort: [{ value: DESC }, { key: ASC }], first: $first, after: $after) {
    edges { node { key value } }
    pageInfo { hasNextPage }
  }
}`;

const OURS_COMPOUND_WHERE = {
  value: { gte: COMPOUND.min, lt: COMPOUND.max },
  OR: [{ scope: { key: { eq: COMPOUND.scope } } }, { about: { kind: { in: [COMPOUND.kind] } } }],
  period: { overlaps: { from: COMPOUND.from, to: COMPOUND.to } },
};

/** @neo4j/graphql's list with offset and limit (its Relay connection collects the whole list). */
const PEER_COMPOUND = `query (
  $min: Float!, $max: Float!, $scope: String!, $kinds: [String!]!, $from: String!, $to: String!
  $offset: Int!, $limit: Int!
) {
  facts(
    where: {
      deprecated: { eq: false }
      value: { gte: $min, lt: $max }
      OR: [{ scope: { some: { key: { eq: $scope } } } }, { about: { some: { kind: { in: $kinds } } } }]
      period: { some: { start: { lte: $to }, end: { gte: $from } } }
    }
    sort: [{ value: DESC }, { key: ASC }]
    offset: $offset
    limit: $limit
  ) { key value }
}`;

function peerCompound(offset: number): GraphqlRequest {
  const { min, max, scope, from, to } = COMPOUND;
  return {
    query: PEER_COMPOUND,
    variables: {
      min,
      max,
      scope,
      kinds: [kindValue(COMPOUND.kind)],
      from,
      to,
      offset,
      limit: PAGE + 1,
    },
  };
}

/** A page as facts and whether a next one exists, from a connection or from one row too many. */
const connectionPage = (connection: unknown, node: (n: Record<string, unknown>) => unknown) => {
  const c = obj(connection);
  return {
    facts: list(c.edges).map((e) => node(obj(e.node))),
    hasNextPage: obj(c.pageInfo).hasNextPage,
  };
};
const rowsPage = (rows: unknown[]) => ({
  facts: rows.slice(0, PAGE),
  hasNextPage: rows.length > PAGE,
});

const COMPOUND_NORMALIZE: Operation["normalize"] = {
  ours: (d) => connectionPage(obj(d).facts, (n) => ({ key: n.key, value: n.value })),
  peer: (d) => rowsPage(list(obj(d).facts).map((n) => ({ key: n.key, value: n.value }))),
  raw: (rows) => rowsPage(rows.map((r) => r.fact)),
};

const RAW_RELATED = `MATCH (:Entity {key: $program})-[:OPERATES]->(a:Entity)<-[:ABOUT]-(f:Fact)
WHERE NOT coalesce(f.deprecated, false)
WITH DISTINCT f, a
RETURN f {.key, .value, about: a.key} AS fact
ORDER BY fact.key
LIMIT $limit`;

export function whereOperations(fx: WhereFixture): Operation[] {
  return [
    {
      name: "compoundFirst",
      title: "Compound where, page 1",
      what:
        `Page 1 (${PAGE}) of the facts of a value in [${COMPOUND.min}, ${COMPOUND.max}), scoped to ` +
        `\`${COMPOUND.scope}\` OR about a service, of a period that overlaps ${COMPOUND.from} to ` +
        `${COMPOUND.to}, by value descending then key (${fx.compoundSize.toLocaleString("en")} facts).`,
      ours: { query: OURS_COMPOUND, variables: { where: OURS_COMPOUND_WHERE, first: PAGE } },
      peer: peerCompound(0),
      raw: rawCompound(null, PAGE + 1),
      normalize: COMPOUND_NORMALIZE,
    },
    {
      name: "compoundDeep",
      title: "Compound where, deep page",
      what:
        `The page of ${PAGE} after position ${fx.compoundDeepOffset.toLocaleString("en")} of the ` +
        "same list (half-way down): this server's cursor (keyset on value and key), an offset for " +
        "@neo4j/graphql.",
      ours: {
        query: OURS_COMPOUND,
        variables: { where: OURS_COMPOUND_WHERE, first: PAGE, after: fx.compoundDeepCursor },
      },
      peer: peerCompound(fx.compoundDeepOffset),
      raw: rawCompound(fx.compoundDeepAfter, PAGE + 1),
      normalize: COMPOUND_NORMALIZE,
    },
    {
      name: "relatedTo",
      title: "Relationship filter",
      what:
        `Page 1 (${PAGE}) by key of the facts about what \`${PROGRAM}\` operates ` +
        "(`about: { relatedTo: { some: { relation: OPERATES, direction: IN, entity } } }`).",
      ours: {
        query: `query ($program: String!, $first: Int!) {
          facts(
            where: {
              about: {
                relatedTo: {
                  some: { relation: { eq: OPERATES }, direction: IN, entity: { key: { eq: $program } } }
                }
              }
            }
            sort: [{ key: ASC }]
            first: $first
          ) {
            edges { node { key value about { key } } }
            pageInfo { hasNextPage }
          }
        }`,
        variables: { program: PROGRAM, first: PAGE },
      },
      peer: {
        query: `query ($program: String!, $limit: Int!) {
          facts(
            where: {
              deprecated: { eq: false }
              about: { some: { operatedBy: { some: { key: { eq: $program } } } } }
            }
            sort: [{ key: ASC }]
            limit: $limit
          ) { key value about { key } }
        }`,
        variables: { program: PROGRAM, limit: PAGE + 1 },
      },
      raw: { cypher: RAW_RELATED, params: { program: PROGRAM, limit: PAGE + 1 }, ints: ["limit"] },
      normalize: {
        ours: (d) =>
          connectionPage(obj(d).facts, (n) => ({
            key: n.key,
            value: n.value,
            about: obj(n.about).key,
          })),
        peer: (d) =>
          rowsPage(
            list(obj(d).facts).map((n) => ({
              key: n.key,
              value: n.value,
              about: list(n.about)[0]?.key,
            })),
          ),
        raw: (rows) => rowsPage(rows.map((r) => r.fact)),
      },
    },
  ];
}

/** Asks this server a GraphQL request (in process) and returns its `data`. */
export type AskOurs = (request: GraphqlRequest) => Promise<unknown>;

/**
 * This server's cursor at a row of the compound list: page 1's first cursor (so the list's hash
 * is this server's own) with the row's sort position in it. Walking to the middle page by page
 * would take thousands of requests at L; the answers' check compares the page it opens with
 * raw's, so a wrong cursor is caught before any load.
 */
async function oursCursorAt(ask: AskOurs, row: { value: number; key: string }): Promise<string> {
  const data = await ask({
    query: OURS_COMPOUND.replace("edges { node { key value } }", "edges { cursor }"),
    variables: { where: OURS_COMPOUND_WHERE, first: 1 },
  });
  const cursor = String(list(obj(obj(data).facts).edges)[0]?.cursor);
  const [values, , hash] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [
    unknown,
    string,
    string,
  ];
  return encodeCursor(
    { value: Array.isArray(values) ? [row.value] : row.value, key: row.key },
    hash,
  );
}

/** Reads what the operations need from the data: the compound list's length and deep position. */
export async function loadWhereFixture(driver: Driver, ask: AskOurs): Promise<WhereFixture> {
  const all = rawCompound(null, 1_000_000_000);
  const { records } = await driver.executeQuery(
    all.cypher,
    { ...all.params, limit: neo4j.int(1_000_000_000) },
    { routing: "READ" },
  );
  const facts = records.map((r) => r.get("fact") as { key: string; value: number });
  const compoundDeepOffset = Math.floor(facts.length / 2);
  const before = facts[compoundDeepOffset - 1] ?? { key: "", value: 0 };
  const compoundDeepAfter = { value: before.value, key: before.key };
  return {
    compoundSize: facts.length,
    compoundDeepOffset,
    compoundDeepAfter,
    compoundDeepCursor: await oursCursorAt(ask, before),
  };
}
