import { describe, expect, it } from "vitest";
import { anchorOf } from "../src/loaders/where/fact-anchor.js";
import { factCountQuery, factPageQuery } from "../src/loaders/where/fact-page.js";
import type { FactWhere } from "../src/loaders/where/where.js";
import { useTestServer } from "./support/http.js";

/**
 * The anchors a where's own conditions give (facts about what a keyed entity is related to;
 * facts of the periods a date range matches) and the relation types written into a relatedTo
 * pattern: two paths, one answer. Each anchored list equals the same where wrapped so that no
 * anchor applies (`AND: [{ OR: [where] }]`), read page by page, under several sorts; the db hits
 * (PROFILE) of both paths are printed.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;
/** A where as the API takes it (enum values by their GraphQL names); its shape is a W's. */
type W = FactWhere & Any;

async function gql(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

const FACTS = `query ($where: FactWhere, $sort: [FactSort!], $after: String) {
  facts(where: $where, sort: $sort, first: 50, after: $after) {
    totalCount edges { node { key } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Every key of the list, page by page, with its totalCount. */
async function list(where: W, sort: unknown) {
  const keys: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 100; i += 1) {
    const { facts } = await gql(FACTS, { where, sort, after });
    total = facts.totalCount;
    keys.push(...facts.edges.map((e: Any) => e.node.key));
    if (!facts.pageInfo.hasNextPage) break;
    after = facts.pageInfo.endCursor;
  }
  expect(keys).toHaveLength(total);
  return { keys, total };
}

const unanchored = (where: W): W => ({ AND: [{ OR: [where] }] });

const SORTS = [[{ key: "ASC" }], [{ value: "DESC" }, { key: "ASC" }], [{ periodStart: "ASC" }]];

/** The where's list equals the unanchored one's under every sort; its size. */
async function expectSameAnswer(where: W, from: string) {
  expect(anchorOf(where).from).toBe(from);
  expect(anchorOf(unanchored(where)).from).toBe("ALL");
  let size = -1;
  for (const sort of SORTS) {
    const anchored = await list(where, sort);
    expect(anchored).toEqual(await list(unanchored(where), sort));
    size = anchored.total;
  }
  return size;
}

/** The db hits of a query, every operator of its plan summed. */
async function dbHits(query: { cypher: string; params: Record<string, unknown> }) {
  const { summary } = await http.driver.executeQuery(`PROFILE ${query.cypher}`, query.params);
  const sum = (p: Any): number =>
    (p.dbHits ?? 0) + (p.children ?? []).reduce((s: number, c: Any) => s + sum(c), 0);
  return sum(summary.profile);
}

/** Prints the db hits of page 1 (in `sort`) and of the count, anchored and not. */
async function printHits(label: string, where: W, sort: "key" | "value") {
  const page = (w: W) =>
    factPageQuery({
      where: w,
      sort: sort === "key" ? [] : [{ field: "value", direction: "DESC" }],
      limit: 21,
      after: null,
      links: true,
    });
  const hits = {
    pageAnchored: await dbHits(page(where)),
    pageUnanchored: await dbHits(page(unanchored(where))),
    countAnchored: await dbHits(factCountQuery(where)),
    countUnanchored: await dbHits(factCountQuery(unanchored(where))),
  };
  console.log(`db hits (seed graph) ${label}: ${JSON.stringify(hits)}`);
}

const RELATED: W = {
  about: {
    relatedTo: {
      some: {
        relation: { eq: "OPERATES" },
        direction: "IN",
        entity: { key: { eq: "imss-bienestar" } },
      },
    },
  },
};

const OVERLAPS: W = { period: { overlaps: { from: "2021-07-01", to: "2022-01-31" } } };

describe("anchors of a where's own conditions", { timeout: 300_000 }, () => {
  it("reads the facts about what a keyed entity is related to as the unanchored where", async () => {
    expect(await expectSameAnswer(RELATED, "RELATED")).toBeGreaterThan(0);
    const some = (relation: Any, direction: string, key = "imss-bienestar") => ({
      relatedTo: { some: { relation, direction, entity: { key: { eq: key } } } },
    });
    for (const direction of ["IN", "OUT", "BOTH"])
      await expectSameAnswer({ about: some({ in: ["OPERATES", "RUNS"] }, direction) }, "RELATED");
    await expectSameAnswer({ about: some(undefined, "BOTH") }, "RELATED");
    await expectSameAnswer({ scope: some({ eq: "OPERATES" }, "IN") }, "RELATED");
    await expectSameAnswer({ about: some({ eq: "OPERATES" }, "OUT", "imss") }, "RELATED");
    await expectSameAnswer({ about: some({ eq: "OPERATES" }, "IN", "no-such-entity") }, "RELATED");
    // The anchor's field with more conditions: checked again on the way.
    await expectSameAnswer(
      { about: { ...some({ eq: "OPERATES" }, "IN"), kind: { in: ["FACILITY_TYPE"] } } },
      "RELATED",
    );
    await expectSameAnswer(
      { value: { gte: 10 }, AND: [RELATED, { statistic: { in: ["TOTAL", "STOCK"] } }] },
      "RELATED",
    );
    await printHits("about.relatedTo (key ASC)", RELATED, "key");
  });

  it("reads the facts of a date range from its periods as the unanchored where", async () => {
    expect(await expectSameAnswer(OVERLAPS, "PERIODS")).toBeGreaterThan(0);
    const compound: W = {
      ...OVERLAPS,
      value: { gte: 1000, lt: 5000 },
      OR: [{ scope: { key: { eq: "imss-bienestar" } } }, { about: { kind: { in: ["SERVICE"] } } }],
    };
    await expectSameAnswer(compound, "PERIODS");
    await expectSameAnswer({ ...OVERLAPS, variable: { key: { eq: "facility-count" } } }, "PERIODS");
    await expectSameAnswer({ AND: [{ period: { start: { gte: "2021-01-01" } } }] }, "PERIODS");
    await expectSameAnswer(
      { period: { start: { gte: "2020-01-01" }, end: { lt: "2022-01-01" } } },
      "PERIODS",
    );
    const { records } = await http.driver.executeQuery(
      "MATCH (p:TimePeriod) WHERE p.start >= '2021-01-01' RETURN p.key AS key ORDER BY key LIMIT 3",
    );
    const periods = records.map((r) => r.get("key") as string);
    expect(periods).toHaveLength(3);
    await expectSameAnswer(
      { period: { key: { in: periods }, overlaps: { from: "2021-01-01", to: "2021-12-31" } } },
      "PERIODS",
    );
    await expectSameAnswer({ ...OVERLAPS, deprecated: {} }, "PERIODS");
    // A more selective anchor wins.
    expect(anchorOf({ ...OVERLAPS, about: { key: { eq: "imss" } } }).from).toBe("ABOUT");
    expect(anchorOf({ ...OVERLAPS, period: { ...OVERLAPS.period, within: "x" } }).from).toBe(
      "WITHIN",
    );
    await printHits("period.overlaps (value DESC)", OVERLAPS, "value");
    await printHits("compound (value DESC)", compound, "value");
  });

  it("reads a relatedTo of relation types as one that checks type(r)", async () => {
    const ENTITIES = `query ($where: EntityWhere) {
      entities(where: $where, sort: [{ key: ASC }], first: 100) {
        totalCount edges { node { key } }
      }
    }`;
    const keys = async (where: unknown) => {
      const { entities } = await gql(ENTITIES, { where });
      return { total: entities.totalCount, keys: entities.edges.map((e: Any) => e.node.key) };
    };
    const seeded = async (types: string[], direction: string) => {
      const [l, r] = direction === "OUT" ? ["", ">"] : direction === "IN" ? ["<", ""] : ["", ""];
      const { records } = await http.driver.executeQuery(
        `MATCH (e:Entity) WHERE EXISTS { (e)${l}-[x]-${r}(:Entity) WHERE type(x) IN $types }
         RETURN e.key AS key`,
        { types },
      );
      return records.map((x) => x.get("key") as string).sort();
    };
    for (const direction of ["IN", "OUT", "BOTH"]) {
      for (const types of [["OPERATES"], ["RUNS", "PART_OF"], ["LOCATED_IN", "WITHIN"]]) {
        const relation = types.length === 1 ? { eq: types[0] } : { in: types };
        const some = { relatedTo: { some: { relation, direction } } };
        const expected = await seeded(types, direction);
        expect(expected.length).toBeGreaterThan(0);
        expect(await keys(some)).toEqual({ total: expected.length, keys: expected.slice(0, 100) });
      }
    }
    const both = { relatedTo: { some: { relation: { eq: "RUNS", in: ["OPERATES"] } } } };
    expect(await keys(both)).toEqual({ total: 0, keys: [] });
    const related = (relation: unknown) =>
      dbHits({
        cypher: `MATCH (e:Entity) WHERE EXISTS { (e)<-[r:${relation}]-(o:Entity)
          WHERE o.key = $key AND type(r) IN $types } RETURN count(e) AS n`,
        params: { key: "imss-bienestar", types: ["OPERATES"] },
      });
    console.log(
      `db hits (seed graph) relatedTo relation eq: ${JSON.stringify({
        everyStructuralType: await related(
          "RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT",
        ),
        itsType: await related("OPERATES"),
      })}`,
    );
  });
});
