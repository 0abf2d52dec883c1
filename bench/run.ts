import { type ChildProcess, execFileSync, execSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { createYoga } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import neo4j from "neo4j-driver";
import autocannon from "autocannon";
import { format } from "prettier";
import { homeDatabase } from "../src/db/open-database.js";
import { createApp } from "../src/server.js";
import { argument } from "./args.js";
import { freePort, stopChild, waitForOutput } from "./processes.js";
import { ensureGenerated, type GenerationInfo, parseSize } from "./generate.js";
import { neo4jGraphqlSchema } from "./neo4j-graphql-schema.js";
import { BENCH_DIR, BENCH_PASSWORD, startBenchNeo4j, stopOnSignals } from "./neo4j.js";
import {
  type Fixture,
  loadFixture,
  type Operation,
  operations,
  TARGETS,
  type Target,
} from "./operations.js";
import { newTally, planDbHits, profilingDriver, type Tally } from "./profiling.js";
import { median, renderGrowth, renderResults } from "./report.js";

/**
 * `npm run bench -- --size S|M|L`: one session, one Neo4j, one dataset.
 * 1. starts the benchmark's Neo4j (.data/neo4j-bench, Bolt 7689) and generates the size if needed;
 * 2. checks that the three targets (this server, @neo4j/graphql, raw Cypher) give equal answers
 *    to every operation, and PROFILEs the Cypher each sends (db hits, queries);
 * 3. starts each target in its own process on loopback and measures its start-up;
 * 4. loads each operation on each target with autocannon for a fixed time, in rounds: raw, ours
 *    and peer one after the other, then again (the machine's state drifts; rounds that alternate
 *    see the same drift, and their spread shows how far one run can be trusted);
 * 5. writes bench/results/<size>.md and .json, and bench/results/growth.md.
 * `--render` only rewrites the .md files from the .json ones.
 * Options: --duration <s> (per round; default 2 for S, 3 for M and L), --rounds <n> (3),
 * --connections <n> (8), --warmup <s> (2, per operation and target, before any measurement),
 * --ops a,b, --compile-budget <fields> (an experiment: this server compiles documents of up to
 * that many fields instead of src/plugins/use-compiled-execution.ts's budget; the report says so).
 */

const log = (line: string) => console.log(`[bench] ${line}`);

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  /** CPU time per request of the target's process and of Neo4j (ms): what contention cannot blur. */
  serverCpuMs: number;
  neo4jCpuMs: number;
  /** The machine's 1-minute load average when the measurement started (mean over rounds). */
  loadAverage: number;
  /**
   * Requests per second in each round (requestsPerSecond is their median; the latencies, CPU
   * and counts are over every round's responses).
   */
  rounds?: number[];
}

export interface OperationResult {
  name: string;
  title: string;
  what: string;
  equal: boolean;
  mismatch?: string;
  /** One request alone while checking, PROFILEd (and so slower than plain), in this process (ms). */
  singleMs: Record<Target, number>;
  /** A target that could not answer (an error instead of data): it is not loaded. */
  failed: Partial<Record<Target, string>>;
  dbHits: Record<Target, number>;
  queries: Record<Target, number>;
  detail: Record<Target, { query: string; dbHits: number }[]>;
  load: Partial<Record<Target, LoadResult>>;
}

export interface StartupResult {
  /** From spawning the process to its listening socket. */
  listeningMs: number;
  /** From spawning it to the answer of its first query. */
  firstAnswerMs: number;
}

export interface BenchResults {
  size: string;
  generation: GenerationInfo;
  graph: { nodes: number; relationships: number; facts: number; entities: number };
  fixture: Fixture;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  /** durationSeconds: of each round (older files: of the one measurement). */
  settings: {
    durationSeconds: number;
    connections: number;
    warmupSeconds: number;
    rounds?: number;
    /** This server's compile budget, when the run set one (--compile-budget). */
    compileBudget?: number;
  };
  commit: string;
  date: string;
  startup: Partial<Record<Target | "main", StartupResult>>;
  operations: OperationResult[];
}

/** Writes results/<size>.md for every results/<size>.json, and growth.md. */
async function render(): Promise<BenchResults[]> {
  const all = readdirSync("bench/results")
    .filter((f) => /^[SML]\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join("bench/results", f), "utf8")) as BenchResults);
  for (const r of all) {
    writeFileSync(
      join("bench/results", `${r.size}.md`),
      await format(renderResults(r), { parser: "markdown", printWidth: 100 }),
    );
  }
  writeFileSync(
    join("bench/results", "growth.md"),
    await format(renderGrowth(all), { parser: "markdown", printWidth: 100 }),
  );
  return all;
}

async function main() {
  if (process.argv.includes("--render")) {
    log(`Rendered ${(await render()).map((r) => `${r.size}.md`).join(", ")} and growth.md.`);
    return;
  }
  const size = parseSize(process.argv);
  const durationSeconds = Number(argument("duration") ?? (size === "S" ? 2 : 3));
  const rounds = Number(argument("rounds") ?? 3);
  const connections = Number(argument("connections") ?? 8);
  const warmupSeconds = Number(argument("warmup") ?? 2);
  const only = argument("ops")?.split(",");
  const compileBudgetText = argument("compile-budget");
  const compileBudget = compileBudgetText === undefined ? undefined : Number(compileBudgetText);
  if (compileBudget !== undefined && !(Number.isInteger(compileBudget) && compileBudget >= 0)) {
    throw new Error(`--compile-budget takes a number of fields, not ${compileBudgetText}`);
  }
  if (compileBudget !== undefined) process.env.BENCH_COMPILE_BUDGET = String(compileBudget);

  const bench = await startBenchNeo4j(log);
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map(stopChild));
    await bench.stop();
  };
  stopOnSignals(stopAll);
  try {
    const generation = await ensureGenerated(bench.driver, size, log);
    const fixture = await loadFixture(bench.driver);
    const ops = operations(fixture).filter((op) => !only || only.includes(op.name));
    const graph = await graphSummary(bench.driver);
    log(`Graph: ${graph.nodes} nodes, ${graph.relationships} relationships, ${graph.facts} facts.`);

    log("Warming the page cache and query plans...");
    await warm(bench.driver, ops);

    log("Checking answers and profiling db hits...");
    const results = await verifyAndProfile(bench.driver, ops);
    for (const r of results) {
      log(
        `  ${r.name.padEnd(14)} ${r.equal ? "equal" : "DIFFERENT"}  db hits raw ${r.dbHits.raw}, ` +
          `ours ${r.dbHits.ours} (${r.queries.ours} queries), peer ${r.dbHits.peer} (${r.queries.peer})`,
      );
      if (!r.equal) log(`    ${r.mismatch}`);
    }
    if (process.argv.includes("--check")) return;

    // The servers run compiled, as `npm start` runs the server (not through tsx, whose
    // transform and source-mapped stack traces cost CPU in every request).
    log("Compiling the servers (tsc -p tsconfig.bench.json)...");
    buildServers();
    log("Starting the three servers (one process each)...");
    const startup: BenchResults["startup"] = {};
    const ports: Partial<Record<Target, number>> = {};
    const processes: Partial<Record<Target, ChildProcess>> = {};
    for (const target of TARGETS) {
      const port = await freePort();
      const { child, result } = await startTarget(target, port, bench.uri, ops[0] as Operation);
      children.push(child);
      processes[target] = child;
      startup[target] = result;
      ports[target] = port;
      log(
        `  ${target}: listening after ${result.listeningMs} ms, first answer after ${result.firstAnswerMs} ms`,
      );
    }
    startup.main = await measureMainStartup(bench.uri);
    log(`  src/main.js (npm start's server): ready after ${startup.main.listeningMs} ms`);

    // A fresh JVM compiles its hot paths under load: one warm-up round over everything first,
    // so that the operations measured first are not the ones that pay for it.
    log(`Warming up (${warmupSeconds} s per operation and target)...`);
    for (const [i, op] of ops.entries()) {
      for (const target of TARGETS) {
        if ((results[i] as OperationResult).failed[target]) continue;
        await load(requestFor(op, target, ports[target] as number), connections, warmupSeconds);
        await waitForQuiet(bench.driver);
      }
    }

    for (const [i, op] of ops.entries()) {
      const result = results[i] as OperationResult;
      const measured: Partial<Record<Target, RoundResult[]>> = {};
      for (let round = 1; round <= rounds; round += 1) {
        for (const target of TARGETS) {
          if (result.failed[target]) continue;
          const request = requestFor(op, target, ports[target] as number);
          const child = processes[target] as ChildProcess;
          await load(request, connections, 1); // warm-up, not recorded
          await waitForQuiet(bench.driver);
          const loadAverage = loadavg()[0] ?? 0;
          const [serverBefore, neo4jBefore] = [await childCpuMs(child), neo4jCpuMs()];
          const run = await load(request, connections, durationSeconds);
          const [serverAfter, neo4jAfter] = [await childCpuMs(child), neo4jCpuMs()];
          // Requests cut off at the end of the run may still run in Neo4j: let them finish.
          await waitForQuiet(bench.driver);
          (measured[target] ??= []).push({
            ...run,
            serverCpuMs: serverAfter - serverBefore,
            neo4jCpuMs: neo4jAfter - neo4jBefore,
            loadAverage,
          });
          const per = (ms: number) => ms / Math.max(1, run.requests);
          log(
            `  ${op.name.padEnd(14)} ${target.padEnd(5)} round ${round}/${rounds} ` +
              `${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${run.p50.toFixed(2)} ms  ` +
              `p99 ${run.p99.toFixed(2)} ms  cpu/req ${per(serverAfter - serverBefore).toFixed(2)} + ` +
              `${per(neo4jAfter - neo4jBefore).toFixed(2)} ms  load ${loadAverage.toFixed(1)}` +
              `${run.errors ? `  ERRORS ${run.errors}` : ""}`,
          );
        }
      }
      for (const target of TARGETS) {
        const runs = measured[target];
        if (runs) result.load[target] = combineRounds(runs);
      }
    }

    const out: BenchResults = {
      size,
      generation,
      graph,
      fixture,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      settings: { durationSeconds, connections, warmupSeconds, rounds, compileBudget },
      commit: gitCommit(),
      date: new Date().toISOString(),
      startup,
      operations: results,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(
      join("bench/results", `${size}.json`),
      await format(JSON.stringify(out), { parser: "json", printWidth: 100 }),
    );
    await render();
    log(`Wrote bench/results/${size}.md, ${size}.json and growth.md.`);
  } finally {
    await stopAll();
  }
}

async function graphSummary(driver: Driver): Promise<BenchResults["graph"]> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (f:Fact) RETURN count(f) AS facts }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     RETURN nodes, relationships, facts, entities`,
    {},
    { routing: "READ" },
  );
  const r = records[0];
  return {
    nodes: Number(r?.get("nodes")),
    relationships: Number(r?.get("relationships")),
    facts: Number(r?.get("facts")),
    entities: Number(r?.get("entities")),
  };
}

function rawParams(op: Operation): Record<string, unknown> {
  const params: Record<string, unknown> = { ...op.raw.params };
  for (const name of op.raw.ints ?? []) params[name] = neo4j.int(params[name] as number);
  return params;
}

async function runRaw(driver: Driver, query: string, params: Record<string, unknown>) {
  const session = driver.session({
    database: await homeDatabase(driver),
    defaultAccessMode: "READ",
  });
  try {
    return await session.executeRead((tx) => tx.run(query, params));
  } finally {
    await session.close();
  }
}

async function warm(driver: Driver, ops: Operation[]) {
  for (let i = 0; i < 3; i += 1) {
    for (const op of ops) await runRaw(driver, op.raw.cypher, rawParams(op));
  }
}

type Fetcher = (body: unknown) => Promise<{ data?: unknown; errors?: unknown }>;

function yogaFetcher(app: {
  fetch: (url: string, init: RequestInit) => Response | Promise<Response>;
}): Fetcher {
  return async (body) => {
    const response = await app.fetch("http://bench.local/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown };
  };
}

/** Runs each operation on the three targets in this process, through PROFILEing drivers. */
async function verifyAndProfile(driver: Driver, ops: Operation[]): Promise<OperationResult[]> {
  let tally: Tally = newTally();
  const counted = profilingDriver(driver, () => tally);
  const ours = yogaFetcher(createApp({ driver: counted, database: await homeDatabase(driver) }));
  const peer = yogaFetcher(
    createYoga({ schema: await neo4jGraphqlSchema(counted), graphqlEndpoint: "/graphql" }),
  );
  const results: OperationResult[] = [];
  for (const op of ops) {
    const answers: Partial<Record<Target, unknown>> = {};
    const dbHits = { raw: 0, ours: 0, peer: 0 };
    const queries = { raw: 1, ours: 0, peer: 0 };
    const detail: OperationResult["detail"] = { raw: [], ours: [], peer: [] };
    const failed: OperationResult["failed"] = {};
    const single: OperationResult["singleMs"] = { raw: 0, ours: 0, peer: 0 };
    for (const [target, fetcher] of [
      ["ours", ours],
      ["peer", peer],
    ] as const) {
      // Twice: the first run plans the queries; the second is what is counted.
      for (let i = 0; i < 2 && !failed[target]; i += 1) {
        tally = newTally();
        const started = performance.now();
        const response = await fetcher(op[target]);
        single[target] = performance.now() - started;
        if (response.errors) {
          failed[target] = JSON.stringify(response.errors).slice(0, 300);
          log(`  ${op.name} on ${target} FAILED: ${failed[target]}`);
        } else {
          answers[target] = op.normalize[target](response.data);
        }
      }
      dbHits[target] = tally.dbHits;
      queries[target] = tally.queries;
      detail[target] = tally.detail;
    }
    const rawStarted = performance.now();
    const result = await runRaw(driver, `PROFILE ${op.raw.cypher}`, rawParams(op));
    single.raw = performance.now() - rawStarted;
    dbHits.raw = planDbHits(result.summary.profile);
    detail.raw = [{ query: op.raw.cypher.split("\n")[0] ?? "", dbHits: dbHits.raw }];
    answers.raw = op.normalize.raw(result.records.map((r) => r.toObject()));

    const canon = (v: unknown) => JSON.stringify(canonical(v));
    const mismatches = (["ours", "peer"] as const).filter(
      (t) => !failed[t] && canon(answers[t]) !== canon(answers.raw),
    );
    results.push({
      name: op.name,
      title: op.title,
      what: op.what,
      equal: mismatches.length === 0,
      failed,
      singleMs: single,
      ...(mismatches.length
        ? {
            mismatch: mismatches
              .map(
                (t) =>
                  `${t}: ${canon(answers[t]).slice(0, 400)} vs raw: ${canon(answers.raw).slice(0, 400)}`,
              )
              .join("\n"),
          }
        : {}),
      dbHits,
      queries,
      detail,
      load: {},
    });
  }
  return results;
}

/** Sorted object keys, numbers as numbers, so that equal answers print equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value ?? null;
}

interface HttpRequest {
  url: string;
  body: string;
}

function requestFor(op: Operation, target: Target, port: number): HttpRequest {
  if (target === "raw") {
    return {
      url: `http://127.0.0.1:${port}/raw`,
      body: JSON.stringify({ op: op.name, params: op.raw.params }),
    };
  }
  return { url: `http://127.0.0.1:${port}/graphql`, body: JSON.stringify(op[target]) };
}

type Measured = Omit<LoadResult, "serverCpuMs" | "neo4jCpuMs" | "loadAverage" | "rounds"> & {
  /** Every answered request's time (ms), sorted. */
  latencies: number[];
};

/** One round of one target: CPU times in total (ms) over the round, not per request. */
type RoundResult = Measured & { serverCpuMs: number; neo4jCpuMs: number; loadAverage: number };

/** A percentile of sorted latencies (exact: the value at that rank). */
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * The rounds of one target as one result: its throughput is the median round's (one slow or
 * fast round moves it less than a mean), its latencies are percentiles of every response of
 * every round, its CPU per request is over all of them.
 */
export function combineRounds(runs: RoundResult[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const rates = runs.map((r) => r.requestsPerSecond);
  const requests = latencies.length;
  const sum = (f: (r: RoundResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    requestsPerSecond: median(rates),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, requests),
    requests,
    errors: sum((r) => r.errors),
    serverCpuMs: sum((r) => r.serverCpuMs) / Math.max(1, requests),
    neo4jCpuMs: sum((r) => r.neo4jCpuMs) / Math.max(1, requests),
    loadAverage: sum((r) => r.loadAverage) / runs.length,
    rounds: rates,
  };
}

/**
 * Loads one request for `seconds`. Only answers with data count: a response that carries
 * GraphQL errors (e.g. Neo4j's memory limit hit under concurrency) is a failure, however fast.
 * autocannon checks each body right after it reports the response's time, so the two pair up.
 */
function load(request: HttpRequest, connections: number, seconds: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let last = 0;
    const instance = autocannon(
      {
        url: request.url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: request.body,
        connections,
        duration: seconds,
        timeout: 30,
        verifyBody: (body: string) => {
          const ok = Number.isFinite(last) && !body.includes('"errors"');
          if (ok) latencies.push(last);
          return ok;
        },
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          latencies,
          requestsPerSecond: latencies.length / seconds,
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
          requests: latencies.length,
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      last = statusCode >= 200 && statusCode < 300 ? responseTime : Number.NaN;
    });
  });
}

/**
 * Waits until Neo4j runs no transaction but this one (at most 90 s): queries of requests
 * that the load tool cut off at the end of a run would otherwise slow down the next one.
 */
async function waitForQuiet(driver: Driver): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const { records } = await driver.executeQuery(
      `SHOW TRANSACTIONS YIELD currentQuery
       WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
       RETURN count(*) AS running`,
    );
    if (Number(records[0]?.get("running")) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU time (user + system, ms) a target's process has used so far. */
function childCpuMs(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no CPU time from the server")), 5_000);
    child.once("message", (message: { cpu: NodeJS.CpuUsage }) => {
      clearTimeout(timer);
      resolve((message.cpu.user + message.cpu.system) / 1000);
    });
    child.send("cpu");
  });
}

/** CPU time (ms) the benchmark's Neo4j has used so far, from /proc (Linux); NaN elsewhere. */
function neo4jCpuMs(): number {
  try {
    const pid = readFileSync(join(BENCH_DIR, "run", "neo4j.pid"), "utf8").trim();
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function childEnv(uri: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    BENCH_NEO4J_URI: uri,
    BENCH_NEO4J_PASSWORD: BENCH_PASSWORD,
    ...(process.env.BENCH_COMPILE_BUDGET
      ? { BENCH_COMPILE_BUDGET: process.env.BENCH_COMPILE_BUDGET }
      : {}),
  };
}

async function startTarget(
  target: Target,
  port: number,
  uri: string,
  first: Operation,
): Promise<{ child: ChildProcess; result: StartupResult }> {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVE_JS, target, String(port)], {
    env: childEnv(uri),
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  await waitForOutput(child, /READY/);
  const listeningMs = Math.round(performance.now() - started);
  const request = requestFor(first, target, port);
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: request.body,
  });
  await response.text();
  return {
    child,
    result: { listeningMs, firstAnswerMs: Math.round(performance.now() - started) },
  };
}

/** The compiled server files (tsconfig.bench.json: src and bench, into dist/). */
const SERVE_JS = "dist/bench/serve.js";
const MAIN_JS = "dist/src/main.js";

function buildServers(): void {
  const tsc = join("node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { stdio: "inherit" });
}

/** The project's own start-up (what `npm start` runs after its build), against the bench Neo4j. */
async function measureMainStartup(uri: string): Promise<StartupResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...childEnv(uri),
      NEO4J_URI: uri,
      NEO4J_PASSWORD: BENCH_PASSWORD,
      PORT: String(port),
      SEED_ON_START: "true",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await waitForOutput(child, /Ready in/);
    const listeningMs = Math.round(performance.now() - started);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ institute { key } }" }),
    });
    await response.text();
    return { listeningMs, firstAnswerMs: Math.round(performance.now() - started) };
  } finally {
    await stopChild(child);
  }
}

function gitCommit(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain", { encoding: "utf8" }).trim()
      ? " (with uncommitted changes)"
      : "";
    return head + dirty;
  } catch {
    return "unknown";
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
