import { parseArgs } from "node:util";
import { DEFAULT_DRAFT_LIMITS } from "../src/config.js";
import { assertLoopback, CURATOR_TOKEN, READS, startHarness } from "./harness.js";

/**
 * `npm run burst -- [--bursts 3] [--drafts 8] [--readers 4] [--size 20000] [--url http://127.0.0.1:4000 --token <curator token>]`
 *
 * Sends bursts of worst-case drafts (one sentence of numbers, from `--size` characters down to a
 * tenth of it, and one text over the size limit per burst) as a curator, while readers run the read mix and /health is
 * timed every 50 ms. Prints /health's p50, p99 and max, the drafts' outcomes (drafted, timed
 * out, rate-limited, refused, other) and the reads'. Without --url it starts its own Neo4j and
 * server, with a time budget of 5 s and a rate of 30 drafts a minute, 6 at once, so that every
 * outcome shows. Loopback only, bounded in time; exits 1 if /health ever took a second or more,
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

const harness = values.url
  ? undefined
  : await startHarness(".data/neo4j-ops-burst", 7697, {
      draft: { ...DEFAULT_DRAFT_LIMITS, timeoutMs: 5_000, perMinute: 30, burst: 6 },
    });
const url = values.url ?? (harness?.url as string);
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

const outcomes: Record<string, number> = {};
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
  const started = performance.now();
  for (let b = 0; b < bursts; b++) {
    const texts = [
      // From the largest allowed down to a tenth of it.
      ...Array.from({ length: perBurst }, (_, i) =>
        worstCase(Math.round(size * (1 - (0.9 * i) / Math.max(1, perBurst - 1)))),
      ),
      worstCase(size * 3),
    ];
    await Promise.all(
      texts.map(async (text, i) => {
        const { status, code } = await post(
          DRAFT,
          { input: { id: `burst_${b}_${i}`, text } },
          { authorization: `Bearer ${token}` },
        );
        if (status === 500 || code === "INTERNAL_SERVER_ERROR") internal++;
        if (status >= 500) count(`status ${status}`);
        else count(code === undefined ? "drafted" : (OUTCOME[code] ?? `other (${code})`));
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await Promise.all([timing, ...reading]);
  const healthMs = summary(health);
  console.log(
    JSON.stringify(
      {
        bursts,
        draftsPerBurst: perBurst + 1,
        characters: size,
        seconds: Number(seconds.toFixed(1)),
        healthMs,
        drafts: outcomes,
        reads: { ...summary(reads), errors: readErrors },
        internalErrors: internal,
      },
      null,
      2,
    ),
  );
  if (healthMs.max >= 1_000 || internal > 0) process.exitCode = 1;
} finally {
  await harness?.close();
}
