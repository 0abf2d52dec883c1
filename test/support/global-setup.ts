import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { LOCAL_DEFAULT_PASSWORD } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { LocalNeo4j } from "../../src/local-neo4j/local-neo4j.js";
import { applySchemaAndSeeds } from "../../src/seed/load-seeds.js";
import { buildWebApp } from "../../web/build.js";
import { startDatabaseLock } from "./database-lock.js";

/**
 * Global set-up of the e2e project: builds the explorer (dist/web, which the servers of the tests
 * serve) while it starts a fresh local Neo4j for the test run (or uses NEO4J_URI), applies the
 * schema and loads the seeds once; test files get its coordinates by inject("neo4j"), and the
 * port of the lock that lets them share it (database-lock.ts) by inject("databaseLock").
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
    databaseLock: number;
  }
}

export default async function setup(project: TestProject) {
  const built = buildWebApp({ quiet: true });
  built.catch(() => undefined); // awaited below, after Neo4j; a failure of both reports Neo4j's
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
  }
  try {
    await local?.start();
    if (local) coordinates.uri = local.uri;
    const driver = createDriver(coordinates);
    try {
      await applySchemaAndSeeds(driver, coordinates.database);
    } finally {
      await driver.close();
    }
    await built;
  } catch (error) {
    await local?.stop();
    throw error;
  }
  const lock = await startDatabaseLock();
  project.provide("neo4j", coordinates);
  project.provide("databaseLock", lock.port);

  return async () => {
    await lock.close();
    await local?.stop();
  };
}
