import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { LocalNeo4j } from "../local-neo4j/local-neo4j.js";
import { applySchema } from "./apply-schema.js";
import { createDriver } from "./driver.js";

export interface OpenDatabase {
  driver: Driver;
  database: string | undefined;
  /** The Neo4j this process started, when NEO4J_URI was not set. */
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * The configured Neo4j (NEO4J_URI), or a local one started for this process;
 * connected, with the schema of cypher/schema/ applied.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void,
): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    local = new LocalNeo4j({
      dir: config.local.dir,
      boltPort: config.local.boltPort,
      password: config.neo4j.password,
      heap: config.local.heap,
      pageCache: config.local.pageCache,
      log,
    });
    await local.start();
    uri = local.uri;
  }
  const driver = createDriver({ ...config.neo4j, uri });
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  let database = config.neo4j.database;
  try {
    await driver.verifyConnectivity({ database });
    database ??= await homeDatabase(driver);
    await applySchema(driver, database);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, database, local, close };
}

/**
 * The name of the user's home database. Every session then names its database: a session
 * that names none makes Neo4j resolve it first, at about the cost of a small query
 * (bench/README.md measures it).
 */
export async function homeDatabase(driver: Driver): Promise<string> {
  const { records } = await driver.executeQuery(
    "CALL db.info() YIELD name RETURN name",
    {},
    { routing: "READ" },
  );
  return String(records[0]?.get("name"));
}
