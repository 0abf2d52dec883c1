import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { argument } from "./args.js";
import { ensureGenerated, parseSize } from "./generate.js";
import { BENCH_PASSWORD, startBenchNeo4j, stopOnSignals } from "./neo4j.js";
import { freePort, stopChild, waitForOutput } from "./processes.js";

/**
 * `npm run bench:export -- --size M`: downloads /export/facts.csv (every fact of the generated
 * graph) from the project's own server (compiled, as `npm start` runs it) over the benchmark's
 * Neo4j, and prints rows per second and the server's memory: its resident set sampled every
 * 50 ms while the export runs, and the kernel's high-water mark (VmHWM) at the end.
 * Options: `--query "variable=services-delivered"` (an export's filters).
 */

const log = (line: string) => console.log(`[bench:export] ${line}`);
const MAIN_JS = "dist/src/main.js";

/** A field of /proc/<pid>/status in MiB (VmRSS, VmHWM). */
function statusMiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function main() {
  const size = parseSize(process.argv);
  const query = argument("query") ?? "";
  const bench = await startBenchNeo4j(log);
  stopOnSignals(bench.stop);
  let server: ChildProcess | undefined;
  try {
    const info = await ensureGenerated(bench.driver, size, log);
    log(`Size ${size}: ${info.facts} generated facts.`);
    log("Compiling the server (tsc -p tsconfig.bench.json)...");
    const tsc = join("node_modules", "typescript", "bin", "tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { stdio: "inherit" });

    const port = await freePort();
    server = spawn(process.execPath, [MAIN_JS], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        NEO4J_URI: bench.uri,
        NEO4J_PASSWORD: BENCH_PASSWORD,
        PORT: String(port),
        SEED_ON_START: "false",
        LOG_FORMAT: "none",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await waitForOutput(server, /Ready in/);
    const pid = server.pid as number;
    const idleRss = statusMiB(pid, "VmRSS");
    log(`Server ready (pid ${pid}), resident ${idleRss.toFixed(1)} MiB before the export.`);

    let peakRss = idleRss;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      const rss = statusMiB(pid, "VmRSS");
      samples.push(rss);
      peakRss = Math.max(peakRss, rss);
    }, 50);

    const url = `http://127.0.0.1:${port}/export/facts.csv${query ? `?${query}` : ""}`;
    const started = performance.now();
    const response = await fetch(url);
    if (response.status !== 200)
      throw new Error(`${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const hwm = statusMiB(pid, "VmHWM");
    const rows = lines - 1; // the header
    const quarter = Math.floor(samples.length / 4);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

    log(`GET ${url}`);
    log(
      `${rows.toLocaleString("en-US")} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s`,
    );
    log(`first byte after ${Math.round(firstByteMs)} ms`);
    log(
      `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s, ${(bytes / 2 ** 20 / seconds).toFixed(1)} MiB/s`,
    );
    log(
      `server resident memory: ${idleRss.toFixed(1)} MiB before, peak ${peakRss.toFixed(1)} MiB ` +
        `(VmHWM ${hwm.toFixed(1)} MiB), median of the first quarter ${median(samples.slice(0, quarter)).toFixed(1)} MiB ` +
        `and of the last ${median(samples.slice(-quarter)).toFixed(1)} MiB (${samples.length} samples)`,
    );
  } finally {
    if (server) await stopChild(server);
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
