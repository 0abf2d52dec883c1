import type { Driver } from "neo4j-driver";
import { LOCAL_DEFAULT_PASSWORD } from "../src/config.js";
import { applySchema } from "../src/db/apply-schema.js";
import { createDriver } from "../src/db/driver.js";
import { LocalNeo4j } from "../src/local-neo4j/local-neo4j.js";
import { seedIfEmpty } from "../src/seed/load-seeds.js";

/**
 * The benchmark's own Neo4j: the project's LocalNeo4j in `.data/neo4j-bench`
 * on Bolt port 7689 (never the dev 7687 or test 7688 ones), with a bigger heap
 * and page cache. Applies the schema and loads the seeds if it is empty.
 */

export const BENCH_DIR = process.env.BENCH_NEO4J_DIR || ".data/neo4j-bench";
export const BENCH_PORT = Number(process.env.BENCH_NEO4J_PORT || 7689);
export const BENCH_PASSWORD = LOCAL_DEFAULT_PASSWORD;

export interface BenchNeo4j {
  neo4j: LocalNeo4j | undefined;
  driver: Driver;
  uri: string;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(log: (line: string) => void): Promise<BenchNeo4j> {
  // An already running benchmark Neo4j (e.g. while developing the benchmark): use it as it is.
  const external = process.env.BENCH_NEO4J_URI;
  if (external) {
    const driver = createDriver({ uri: external, username: "neo4j", password: BENCH_PASSWORD });
    await applySchema(driver, undefined);
    return { neo4j: undefined, driver, uri: external, stop: () => driver.close() };
  }
  const neo4j = new LocalNeo4j({
    dir: BENCH_DIR,
    boltPort: BENCH_PORT,
    password: BENCH_PASSWORD,
    heap: process.env.BENCH_NEO4J_HEAP || "4g",
    pageCache: process.env.BENCH_NEO4J_PAGECACHE || "4g",
    startTimeoutMs: 300_000,
    log,
  });
  await neo4j.start();
  const driver = createDriver({ uri: neo4j.uri, username: "neo4j", password: BENCH_PASSWORD });
  const stop = async () => {
    await driver.close();
    await neo4j.stop();
  };
  try {
    await applySchema(driver, undefined);
    const seeded = await seedIfEmpty(driver, undefined);
    if (seeded) log(`Seeded the empty benchmark database (${seeded.nodes} nodes).`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { neo4j, driver, uri: neo4j.uri, stop };
}

/** Stops the Neo4j on SIGINT/SIGTERM too, so that an interrupted run leaves nothing behind. */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  }
}
