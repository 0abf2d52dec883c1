import { createDriver } from "../src/db/driver.js";
import { homeDatabase } from "../src/db/open-database.js";
import type { Target } from "./operations.js";
import { createTargetServer } from "./servers.js";

/**
 * A child process of bench/run.ts: serves one target on 127.0.0.1:PORT and
 * prints `READY <ms>` (milliseconds from process start to listening) when it
 * accepts requests, and answers "cpu" messages with its CPU time. SIGTERM closes the
 * server and the driver.
 * Usage: node --import tsx bench/serve.ts <ours|peer|raw> <port> (env BENCH_NEO4J_URI, BENCH_NEO4J_PASSWORD).
 */

const [target, portText] = process.argv.slice(2) as [Target, string];
const driver = createDriver({
  uri: process.env.BENCH_NEO4J_URI ?? "bolt://127.0.0.1:7689",
  username: "neo4j",
  password: process.env.BENCH_NEO4J_PASSWORD ?? "",
});
const server = await createTargetServer(target, driver, await homeDatabase(driver));
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(Number(portText), "127.0.0.1", resolve));
console.log(`READY ${Math.round(performance.now())}`);

// The parent asks for this process's CPU time around each measurement (IPC channel).
process.on("message", (message) => {
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
});

process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => {
    void driver.close().then(() => process.exit(0));
  });
});
