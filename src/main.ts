// First: NODE_ENV must be set before graphql loads.
import "./production-by-default.js";
import type { Server } from "node:http";
import { runCli } from "./cli/run-cli.js";
import { ConfigError, loadConfig } from "./config.js";
import { type OpenDatabase, openDatabase } from "./db/open-database.js";
import { LocalNeo4jUnavailable } from "./local-neo4j/ensure-jars.js";
import { LocalNeo4jBusy } from "./local-neo4j/local-neo4j.js";
import { seedIfEmpty } from "./seed/load-seeds.js";
import { createHttpServer } from "./server.js";
import { CpuWork } from "./workers/cpu-work.js";

/**
 * `npm start`: the configured Neo4j (or a local one that it starts), the
 * database schema, the seeds on an empty database, then the HTTP server.
 * SIGINT/SIGTERM close the server, the driver and the Neo4j it started, whatever runs: the
 * worker pool is terminated first (drafts in progress answer SERVER_STOPPING), connections still
 * open after a short grace are closed.
 */

const log = (line: string) => console.log(`[imss-kg] ${line}`);

/** How long requests in progress may take to finish once the server stops. */
const GRACE_MS = 2_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();

  let db: OpenDatabase | undefined;
  let server: Server | undefined;
  const cpu = new CpuWork(config.http.draft);
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      log(`${reason}: shutting down...`);
      await cpu.close();
      if (server?.listening) {
        const closed = new Promise<void>((r) => server?.close(() => r()));
        server.closeIdleConnections();
        const grace = setTimeout(() => server?.closeAllConnections(), GRACE_MS);
        await closed;
        clearTimeout(grace);
      }
      await db?.close();
      log("stopped.");
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void shutdown(signal).then(() => process.exit(0));
    });
  }

  try {
    db = await openDatabase(config, log, "server");
    if (config.seedOnStart) {
      const seeded = await seedIfEmpty(db.driver, db.database);
      if (seeded)
        log(
          `${{ empty: "Seeded an empty database", upgrade: "Reloaded the seeds into a graph seeded before labels and languages", skips: "Added the seeds' skips to the seed documents of a graph seeded before documents kept them" }[seeded.reason]}: ${seeded.nodes} nodes, ${seeded.relationships} relationships.`,
        );
    }
    server = createHttpServer({
      driver: db.driver,
      database: db.database,
      http: config.http,
      cpu,
    });
    await listen(server, config.port, config.host);
    const shown = config.host === "0.0.0.0" ? "localhost" : config.host;
    log(`GraphQL (GraphiQL) at http://${shown}:${config.port}/graphql, liveness at /health`);
    log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    await shutdown("start-up failed");
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new ConfigError("PORT", `${port} is already in use on ${host}; choose another port`)
          : error,
      );
    });
    server.listen(port, host, resolve);
  });
}

runCli(main, [ConfigError, LocalNeo4jUnavailable, LocalNeo4jBusy]);
