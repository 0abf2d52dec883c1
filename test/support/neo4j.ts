import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../src/db/driver.js";
import { useForTests } from "./use-for-tests.js";

/** A driver to the run's Neo4j (see global-setup.ts); close it in afterAll. */
export function testDriver(): { driver: Driver; database: string | undefined } {
  const coordinates = inject("neo4j");
  return { driver: createDriver(coordinates), database: coordinates.database };
}

/**
 * A driver to the run's Neo4j for the tests of the enclosing file or describe block: opened
 * before them, closed after them. Read `driver` and `database` inside the tests.
 */
export function useTestDriver(): {
  readonly driver: Driver;
  readonly database: string | undefined;
} {
  const get = useForTests("useTestDriver", testDriver, (opened) => opened.driver.close());
  return {
    get driver() {
      return get().driver;
    },
    get database() {
      return get().database;
    },
  };
}

/** The environment that points a command (the server, a command-line tool) at the test Neo4j. */
export function testNeo4jEnv(): Record<string, string> {
  const neo4j = inject("neo4j");
  return {
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
  };
}
