import { describe, expect, it } from "vitest";
import { Db } from "../src/db/db.js";
import { rowsByKey } from "../src/loaders/request-loaders.js";
import { useTestDriver } from "./support/neo4j.js";

/** The data-access handle: reads are read transactions, whatever their Cypher says. */
describe("Db", () => {
  const neo4j = useTestDriver();

  const deprecated = async (key: string) => {
    const { records } = await neo4j.driver.executeQuery(
      "MATCH (f:Fact {key: $key}) RETURN f.deprecated AS deprecated",
      { key },
      { database: neo4j.database },
    );
    return records[0]?.get("deprecated") ?? null;
  };

  it("refuses a write sent as a read, and writes nothing", async () => {
    const { records } = await neo4j.driver.executeQuery(
      "MATCH (f:Fact) WHERE NOT coalesce(f.deprecated, false) RETURN f.key AS key LIMIT 1",
      {},
      { database: neo4j.database },
    );
    const key = records[0]?.get("key") as string;
    expect(key).toBeTruthy();
    const before = await deprecated(key);
    expect(before).not.toBe(true);
    const db = new Db(neo4j.driver, neo4j.database);
    await expect(db.read("fact-deprecate", { key, reason: "probe" })).rejects.toThrow(
      /read access mode/i,
    );
    expect(await deprecated(key)).toBe(before);
    expect(db.roundTrips).toBe(1);
  });

  it("leaves the process's stack trace limit as it found it, when a read fails too", async () => {
    const db = new Db(neo4j.driver, neo4j.database);
    const limit = Error.stackTraceLimit;
    await db.read("entities-by-key", { keys: ["imss"] });
    expect(Error.stackTraceLimit).toBe(limit);
    // Refused by Neo4j: the error still says what failed.
    await expect(db.read("fact-deprecate", { key: "x", reason: "probe" })).rejects.toMatchObject({
      code: expect.stringMatching(/Neo\.ClientError/),
    });
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("reads", async () => {
    const db = new Db(neo4j.driver, neo4j.database);
    const rows = await db.read<{ node: { key: string } }>("entities-by-key", { keys: ["imss"] });
    expect(rows.map((r) => r.node.key)).toEqual(["imss"]);
  });

  it("keeps its row loaders until one of its own writes, which empties them", async () => {
    const db = new Db(neo4j.driver, neo4j.database);
    const rows = () =>
      rowsByKey<{ key: string }>(db, "entities-by-key", "node", (row) => row.key, "entity");
    await rows().load("imss");
    await rows().load("imss");
    expect(db.roundTrips).toBe(1);
    // A write that changes nothing (no fact has this key) still empties the cache.
    await db.write("fact-deprecate", { key: "no-such-fact", reason: "probe" });
    expect((await rows().load("imss"))?.key).toBe("imss");
    expect(db.roundTrips).toBe(3);
  });
});
