import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { LocalNeo4j, type OwnerRole } from "../local-neo4j/local-neo4j.js";
import { applySchema } from "./apply-schema.js";
import { createDriver } from "./driver.js";
import { isUnavailable } from "./unavailable.js";

export interface OpenDatabase {
  driver: Driver;
  database: string | undefined;
  /**
   * The local Neo4j, when NEO4J_URI was not set: started by this process, or, when the
   * folder's Neo4j was already running for another live process (`local.attachedTo`, e.g.
   * the server), that one.
   */
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if this process started it (only then). */
  close(): Promise<void>;
  /**
   * `error`, or, when it is the failure of a local Neo4j that another process runs and that
   * went away meanwhile (its owner stopped it), a DatabaseWentAway that says so.
   */
  explain(error: unknown): unknown;
}

/** A command's database failure because the Neo4j it used, another process's, went away. */
export class DatabaseWentAway extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseWentAway";
  }
}

/**
 * The configured Neo4j (NEO4J_URI), or the local one: started for this process, or, for a
 * `tool` (the default: a command-line tool), the one already running for a server on the same
 * folder, which is used and never stopped. `server` is `npm start`'s: it owns its Neo4j for as
 * long as it runs (see LocalNeo4j). Connected, with the schema of cypher/schema/ applied.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void,
  role: OwnerRole = "tool",
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
      role,
      log,
    });
    await local.start();
    uri = local.uri;
  }
  const driver = createDriver({ ...config.neo4j, uri });
  const close = async () => {
    await driver.close();
    await local?.stop(); // nothing, when another process runs it
  };
  const explain = (error: unknown): unknown => {
    const owner = local?.attachedTo;
    if (owner === undefined || local === undefined) return error;
    if (!isUnavailable(error) && local.stillOwned()) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new DatabaseWentAway(
      `The local Neo4j of ${local.home}, run by pid ${owner}, went away while this command was ` +
        `using it (${local.stillOwned() ? "it is stopping, or does not answer" : `pid ${owner} stopped it`}): ${reason}\n` +
        "What this command writes, it writes in one transaction: the graph holds all of it or none. " +
        "Start the server again (or run this command alone: it starts its own Neo4j), then check.",
      { cause: error },
    );
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
  return { driver, database, local, close, explain };
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
