import type { Driver } from "neo4j-driver";
import { cypher, statements } from "./cypher.js";

const SCHEMA_FILES = ["schema/constraints", "schema/indexes"];

/**
 * Applies the constraints and indexes of `cypher/schema/` (each `IF NOT EXISTS`,
 * so applying twice changes nothing) and waits until the indexes are online.
 */
export async function applySchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    for (const file of SCHEMA_FILES) {
      for (const statement of statements(cypher(file))) {
        // Schema commands cannot share a transaction with writes: one auto-commit each.
        await session.run(statement);
      }
    }
    await session.run("CALL db.awaitIndexes(60)");
  } finally {
    await session.close();
  }
}
