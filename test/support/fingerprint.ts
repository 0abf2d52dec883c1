import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, expect } from "vitest";

/** Every node and relationship with its properties, in a stable order: equal fingerprints, equal graphs. */
export async function fingerprint(driver: Driver, database: string | undefined): Promise<string> {
  const stable = (value: unknown): string =>
    JSON.stringify(value, (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    );
  const read = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, { database, routing: "READ" })).records.map((r) =>
      stable(r.toObject()),
    );
  const nodes = await read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties");
  const rels = await read(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(a.key, a.id) AS from, type(r) AS type, coalesce(b.key, b.id) AS to, properties(r) AS properties`,
  );
  return stable([nodes.sort(), rels.sort()]);
}

/**
 * For a test file that writes to the shared graph: runs `cleanUp` before its tests and after
 * them, and then checks that the graph is as the tests found it. Register it after the hooks
 * that open the driver and before those that close it (vitest runs `afterAll` hooks in reverse).
 * Returns the fingerprint taken before the tests, for a test that checks nothing was written.
 */
export function checkGraphAsFound(
  graph: () => { driver: Driver; database: string | undefined },
  cleanUp: () => Promise<void>,
): () => string {
  let before = "";
  beforeAll(async () => {
    await cleanUp();
    const { driver, database } = graph();
    before = await fingerprint(driver, database);
  });
  afterAll(async () => {
    await cleanUp();
    const { driver, database } = graph();
    expect(await fingerprint(driver, database), "the graph after the tests").toBe(before);
  });
  return () => before;
}
