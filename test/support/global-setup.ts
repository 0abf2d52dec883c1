import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { LOCAL_DEFAULT_PASSWORD } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { LocalNeo4j } from "../../src/local-neo4j/local-neo4j.js";
import { applySchemaAndSeeds } from "../../src/seed/load-seeds.js";
import { buildWebApp } from "../../web/build.js";

/**
 * Builds the explorer (dist/web, which the servers of the tests serve), starts a fresh local
 * Neo4j for the test run (or uses NEO4J_URI), applies the schema and loads the seeds once; test
 * files get its coordinates by inject("neo4j").
 */

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject) {
  await buildWebApp({ quiet: true });
  const external = process.env.NEO4J_URI;
  let local: LocalNeo4j | undefined;
  const coordinates: TestNeo4j = {
    uri: external ?? "",
    username: process.env.NEO4J_USERNAME || "neo4j",
    password: process.env.NEO4J_PASSWORD || LOCAL_DEFAULT_PASSWORD,
    database: process.env.NEO4J_DATABASE || undefined,
  };
  if (!external) {
    // One folder per port, so that two runs on different ports never share (or delete) a store.
    const boltPort = Number(process.env.NEO4J_TEST_PORT || 7688);
    const dir = `.data/neo4j-test-${boltPort}`;
    rmSync(dir, { recursive: true, force: true });
    local = new LocalNeo4j({
      dir,
      boltPort,
      password: coordinates.password,
      heap: "1g",
      pageCache: "512m",
      log: (line) => console.log(`[test neo4j] ${line}`),
    });
    await local.start();
    coordinates.uri = local.uri;
  }
  const driver = createDriver(coordinates);
  try {
    await applySchemaAndSeeds(driver, coordinates.database);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
  await driver.close();
  project.provide("neo4j", coordinates);

  return async () => {
    await local?.stop();
  };
}
