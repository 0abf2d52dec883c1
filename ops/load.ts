import { parseArgs } from "node:util";
import autocannon, { type Options, type Result } from "autocannon";
import { assertLoopback, READS, startHarness } from "./harness.js";

/**
 * `npm run load -- [--connections 20] [--seconds 20] [--url http://127.0.0.1:4000]`
 *
 * Holds N concurrent clients for M seconds (autocannon, bounded in time, loopback
 * only) on the mix of read operations, and reports throughput, latency and every
 * status code. Without --url it starts its own Neo4j and server. Exits non-zero on any 5xx.
 */
const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    url: { type: "string" },
  },
});
const connections = Math.min(Number(values.connections), 200);
const seconds = Math.min(Number(values.seconds), 300);

const harness = values.url ? undefined : await startHarness(".data/neo4j-ops-load", 7696);
const url = values.url ?? (harness?.url as string);
assertLoopback(url);
try {
  const statuses: Record<string, number> = {};
  const options = {
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    requests: READS.map((query) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    })),
  };
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(options as Options, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const fiveHundreds = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  console.log(
    JSON.stringify(
      {
        connections,
        seconds,
        requests: result.requests.total,
        throughputPerSecond: result.requests.average,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
      },
      null,
      2,
    ),
  );
  if (fiveHundreds > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  await harness?.close();
}
