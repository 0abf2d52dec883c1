import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { UNIT } from "../src/model/vocabulary.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { useTestServer } from "./support/http.js";
import { checkProperty, factAggregate, factGroups, factKeys } from "./support/where-oracle/api.js";
import {
  aggregateDifferences,
  groupDifferences,
  groupOrderDifferences,
  keyDifferences,
} from "./support/where-oracle/compare.js";
import { arbitraries } from "./support/where-oracle/generate.js";
import { groupFacts, selectFacts, sortFacts, statsOf } from "./support/where-oracle/select.js";
import { type World, worldOf } from "./support/where-oracle/world.js";

/**
 * The independent oracle of `where`: random wheres, sorts and groupings (fast-check) run
 * through the API and compared with the same filter, sort and grouping applied in plain
 * TypeScript to every fact of the seeds, read once (test/support/where-oracle/). A failure
 * prints the shrunk input as JSON; WHERE_ORACLE_SEED replays a run, WHERE_ORACLE_RUNS scales it.
 */

const SEED = Number(process.env.WHERE_ORACLE_SEED ?? Date.now() % 2 ** 31);
const SCALE = Number(process.env.WHERE_ORACLE_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const RUNS = { facts: runs(120), aggregate: runs(40), groups: runs(40) };
/** Page sizes: one page mostly, and small pages to walk the cursors of every sort. */
const FIRST = fc.constantFrom(100, 100, 9, 31);

const unitName = (value: string) =>
  Object.entries(UNIT).find(([, u]) => u.value === value)?.[0] ?? value;

describe("where oracle", () => {
  const running = useTestServer();
  let world: World;
  let arb: ReturnType<typeof arbitraries>;
  beforeAll(async () => {
    world = worldOf(await readSeeds());
    arb = arbitraries(world);
    console.log(`where oracle: seed ${SEED}, numRuns ${JSON.stringify(RUNS)}`);
  });

  it(`facts(where:, sort:) lists what the oracle selects, in its order (numRuns ${RUNS.facts})`, async () => {
    const started = Date.now();
    let pages = 0;
    const input = fc.record(
      { where: arb.where(4), sort: arb.sort, first: FIRST },
      { requiredKeys: ["sort", "first"] },
    );
    await checkProperty(
      "facts",
      input,
      async ({ where, sort, first }) => {
        const expected = sortFacts(selectFacts(world, where), sort, world).map((f) => f.key);
        const got = await factKeys(running.server, where, sort, first);
        pages += got.pages;
        const differences = keyDifferences(expected, got.keys);
        if (got.totalCount !== expected.length)
          differences.unshift(`totalCount expected ${expected.length}, got ${got.totalCount}`);
        if (differences.length) throw new Error(differences.join("\n"));
      },
      { numRuns: RUNS.facts, seed: SEED },
    );
    console.log(
      `where oracle: facts, ${RUNS.facts} runs, ${pages} pages, ${Date.now() - started} ms`,
    );
  }, 300_000);

  it(`facts(where:).aggregate is the oracle's (numRuns ${RUNS.aggregate})`, async () => {
    const started = Date.now();
    await checkProperty(
      "aggregate",
      fc.option(arb.where(3), { nil: undefined }),
      async (where) => {
        const selected = selectFacts(world, where);
        const units = [...new Set(selected.map((f) => unitName(f.unit)))].sort();
        const got = await factAggregate(running.server, where);
        const differences = aggregateDifferences({ ...statsOf(selected), units }, got.aggregate);
        if (got.totalCount !== selected.length)
          differences.push(`totalCount expected ${selected.length}, got ${got.totalCount}`);
        const refused = got.errors.filter((e) => e.extensions?.code === "BAD_USER_INPUT");
        if (units.length > 1 !== refused.length > 0 || refused.length !== got.errors.length)
          differences.push(`errors with units ${units.join(",")}: ${JSON.stringify(got.errors)}`);
        if (differences.length) throw new Error(differences.join("\n"));
      },
      { numRuns: RUNS.aggregate, seed: SEED },
    );
    console.log(`where oracle: aggregate, ${RUNS.aggregate} runs, ${Date.now() - started} ms`);
  }, 300_000);

  it(`factGroups counts and sums what the oracle groups (numRuns ${RUNS.groups})`, async () => {
    const started = Date.now();
    const stat = fc.constantFrom("count", "sum", "avg", "min", "max");
    const input = fc.record(
      {
        where: arb.where(3),
        groupBy: arb.groupBy,
        sort: fc.tuple(stat, fc.constantFrom("ASC", "DESC")).map(([s, d]) => ({ [s]: d })),
        first: FIRST,
      },
      { requiredKeys: ["groupBy", "first"] },
    );
    await checkProperty(
      "factGroups",
      input,
      async ({ where, groupBy, sort, first }) => {
        const expected = groupFacts(selectFacts(world, where), groupBy, world);
        const got = await factGroups(running.server, {
          where,
          groupBy,
          first,
          ...(sort ? { sort: [sort] } : {}),
        });
        const differences = [
          ...groupDifferences(expected, got.nodes, groupBy),
          ...groupOrderDifferences(got.nodes, sort),
        ];
        if (got.totalCount !== expected.length)
          differences.unshift(`totalCount expected ${expected.length}, got ${got.totalCount}`);
        if (!groupBy.includes("UNIT") !== Boolean(got.note))
          differences.push(`note ${JSON.stringify(got.note)} with groupBy ${groupBy.join(",")}`);
        if (differences.length) throw new Error(differences.join("\n"));
      },
      { numRuns: RUNS.groups, seed: SEED },
    );
    console.log(`where oracle: factGroups, ${RUNS.groups} runs, ${Date.now() - started} ms`);
  }, 300_000);

  it("the oracle's world is the graph's: every fact once, in key order without a where", async () => {
    const got = await factKeys(running.server, undefined, [{ key: "ASC" }], 100);
    expect(got.keys).toEqual(world.facts.map((f) => f.key).sort());
  });
});
