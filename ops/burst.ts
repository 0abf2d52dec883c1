import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { freePort, stopChild, waitForOutput } from "../bench/processes.js";
import { DEFAULT_DRAFT_LIMITS } from "../src/config.js";
import { assertLoopback, CURATOR_TOKEN, NEO4J_PASSWORD, READS, startHarness } from "./harness.js";

/**
 * `npm run burst -- [--bursts 3] [--drafts 8] [--readers 4] [--size 20000] [--url http://127.0.0.1:4000 --token <curator token>]`
 *
 * Sends bursts of worst-case drafts (one sentence of numbers, from `--size` characters down to a
 * tenth of it, and one text over the size limit per burst) as a curator, while readers run the read mix and /health is
 * timed every 50 ms. Prints /health's p50, p99 and max, the drafts' outcomes (drafted, timed
 * out, rate-limited, refused, other) and the reads'. Without --url it starts its own Neo4j and
 * the server as `npm start` runs it (its own process: src/main.ts), with a time budget of 5 s and
 * a rate of 30 drafts a minute, 6 at once, so that every outcome shows; at the end it sends SIGTERM
 * during one more burst and prints how long the server took to stop. Loopback only, bounded in time; exits 1 if /health ever took a second or more,
 * or any answer was an internal error.
 */
const { values } = parseArgs({
  options: {
    bursts: { type: "string", default: "3" },
    drafts: { type: "string", default: "8" },
    readers: { type: "string", default: "4" },
    size: { type: "string", default: String(DEFAULT_DRAFT_LIMITS.maxChars) },
    url: { type: "string" },
    token: { type: "string" },
  },
});
const bursts = Math.min(Number(values.bursts), 20);
const perBurst = Math.min(Number(values.drafts), 50);
const readers = Math.min(Number(values.readers), 20);
const size = Math.min(Number(values.size), 100_000);

const harness = values.url ? undefined : await startHarness(".data/neo4j-ops-burst", 7697);
const port = await freePort();
const server = harness
  ? spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: String(port),
        NEO4J_URI: harness.neo4j.uri,
        NEO4J_PASSWORD,
        SEED_ON_START: "false",
        CURATOR_TOKEN,
        DRAFT_TIMEOUT_MS: "5000",
        DRAFT_RATE_PER_MINUTE: "30",
        DRAFT_BURST: "6",
        LOG_FORMAT: "none",
      },
      stdio: ["ignore", "pipe", "inherit"],
    })
  : undefined;
if (server) await waitForOutput(server, /Ready in/);
const url = values.url ?? `http://127.0.0.1:${port}`;
const token = values.token ?? CURATOR_TOKEN;
assertLoopback(url);

const worstCase = (chars: number) =>
  ` date 2022-01-20 ${"1 2 3 4 5 6 7 8 9 10 ".repeat(Math.ceil(chars / 21))}`.slice(0, chars);

async function post(query: string, variables: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: { extensions?: { code?: string } }[];
  };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: Math.round(quantile(sorted, 0.5)),
    p99: Math.round(quantile(sorted, 0.99)),
    max: Math.round(sorted[sorted.length - 1] ?? 0),
  };
};

let outcomes: Record<string, number> = {};
const count = (outcome: string) => {
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
};
const OUTCOME: Record<string, string> = {
  TIMEOUT: "timedOut",
  RATE_LIMITED: "rateLimited",
  BAD_USER_INPUT: "refused",
};
const DRAFT = `query ($input: DraftInput!) { draft(input: $input) { figures { value } } }`;

try {
  // Warm up (a fresh Neo4j plans each query once; a worker starts): each read, one short draft.
  for (const query of READS) await post(query, {});
  await post(
    DRAFT,
    { input: { id: "burst_warm_up", text: worstCase(500) } },
    { authorization: `Bearer ${token}` },
  );
  let running = true;
  const health: number[] = [];
  const reads: number[] = [];
  const readErrors: Record<string, number> = {};
  let internal = 0;
  const timing = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const reading = Array.from({ length: readers }, async (_, r) => {
    for (let i = r; running; i++) {
      const started = performance.now();
      const { status, code } = await post(READS[i % READS.length] as string, {});
      reads.push(performance.now() - started);
      if (status !== 200 || code) {
        const key = `${status} ${code ?? ""}`.trim();
        readErrors[key] = (readErrors[key] ?? 0) + 1;
      }
      if (status === 500 || code === "INTERNAL_SERVER_ERROR") internal++;
    }
  });
  const sendBurst = (b: number) => {
    const texts = [
      // From the largest allowed down to a tenth of it.
      ...Array.from({ length: perBurst }, (_, i) =>
        worstCase(Math.round(size * (1 - (0.9 * i) / Math.max(1, perBurst - 1)))),
      ),
      worstCase(size * 3),
    ];
    return Promise.all(
      texts.map(async (text, i) => {
        const answer = await post(
          DRAFT,
          { input: { id: `burst_${b}_${i}`, text } },
          { authorization: `Bearer ${token}` },
        ).catch(() => undefined);
        if (!answer) return count("connection closed");
        const { status, code } = answer;
        if (status === 500 || code === "INTERNAL_SERVER_ERROR") internal++;
        if (status >= 500) count(`status ${status}`);
        else count(code === undefined ? "drafted" : (OUTCOME[code] ?? `other (${code})`));
      }),
    );
  };
  const started = performance.now();
  for (let b = 0; b < bursts; b++) await sendBurst(b);
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await Promise.all([timing, ...reading]);
  const drafts = outcomes;
  outcomes = {};
  let shutdownMs: number | undefined;
  if (server) {
    // SIGTERM while a burst runs: the server must stop promptly all the same.
    const last = sendBurst(bursts);
    await new Promise((r) => setTimeout(r, 500));
    const stopping = performance.now();
    await stopChild(server);
    shutdownMs = Math.round(performance.now() - stopping);
    await last;
  }
  const healthMs = summary(health);
  console.log(
    JSON.stringify(
      {
        bursts,
        draftsPerBurst: perBurst + 1,
        characters: size,
        seconds: Number(seconds.toFixed(1)),
        healthMs,
        drafts,
        reads: { ...summary(reads), errors: readErrors },
        internalErrors: internal,
        ...(shutdownMs === undefined ? {} : { shutdownMs, shutdownDuringBurst: outcomes }),
      },
      null,
      2,
    ),
  );
  if (healthMs.max >= 1_000 || internal > 0) process.exitCode = 1;
} finally {
  if (server) await stopChild(server);
  await harness?.close();
}
