import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../src/db/driver.js";

/** A driver to the run's Neo4j (see global-setup.ts); close it in afterAll. */
export function testDriver(): { driver: Driver; database: string | undefined } {
  const coordinates = inject("neo4j");
  return { driver: createDriver(coordinates), database: coordinates.database };
}
