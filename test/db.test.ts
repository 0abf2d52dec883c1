import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../src/db/db.js";
import { testDriver } from "./support/neo4j.js";

/** The data-access handle: reads are read transactions, whatever their Cypher says. */
describe("Db", () => {
  let driver: Driver;
  let database: string | undefined;

  beforeAll(() => {
    ({ driver, database } = testDriver());
  });
  afterAll(async () => {
    await driver.close();
  });

  const deprecated = async (key: string) => {
    const { records } = await driver.executeQuery(
      "MATCH (f:Fact {key: $key}) RETURN f.deprecated AS deprecated",
      { key },
      { database },
    );
    return records[0]?.get("deprecated") ?? null;
  };

  it("refuses a write sent as a read, and writes nothing", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (f:Fact) WHERE NOT coalesce(f.deprecated, false) RETURN f.key AS key LIMIT 1",
      {},
      { database },
    );
    const key = records[0]?.get("key") as string;
    expect(key).toBeTruthy();
    const before = await deprecated(key);
    expect(before).not.toBe(true);
    const db = new Db(driver, database);
    await expect(db.read("fact-deprecate", { key, reason: "probe" })).rejects.toThrow(
      /read access mode/i,
    );
    expect(await deprecated(key)).toBe(before);
    expect(db.roundTrips).toBe(1);
  });

  it("reads", async () => {
    const db = new Db(driver, database);
    const rows = await db.read<{ node: { key: string } }>("entities-by-key", { keys: ["imss"] });
    expect(rows.map((r) => r.node.key)).toEqual(["imss"]);
  });
});
