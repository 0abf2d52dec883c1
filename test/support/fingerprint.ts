import type { Driver } from "neo4j-driver";

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
