import { parseArgs } from "node:util";
import { CURATOR_TOKEN, READS, startHarness } from "./harness.js";

/**
 * `npm run fault -- [--clients 8] [--seconds 40] [--down-at 10] [--down-for 8] [--bolt-port 7695]`
 *
 * Starts its own Neo4j and the server (loopback), holds N clients reading and
 * writing (each write an upsertEntity with a new key) for M seconds, stops Neo4j
 * at --down-at seconds and starts it again --down-for seconds later. It reports
 * the answers by phase (before, during, after the outage), how long the server
 * took to answer again, and checks that every write the server acknowledged is
 * in the database at the end. Exits non-zero if an acknowledged write is lost,
 * if no write was acknowledged at all (then nothing was checked), if the server did not
 * recover, or if anything but 503 failed.
 */
const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "8" },
    seconds: { type: "string", default: "60" },
    "down-at": { type: "string", default: "10" },
    "down-for": { type: "string", default: "8" },
    "bolt-port": { type: "string", default: "7695" },
  },
});
const clients = Math.min(Number(values.clients), 64);
const seconds = Math.min(Number(values.seconds), 300);
const downAt = Number(values["down-at"]) * 1000;
const downFor = Number(values["down-for"]) * 1000;

type Phase = "before" | "outage" | "after";
const counts: Record<Phase, Record<string, number>> = { before: {}, outage: {}, after: {} };
/** The writes' share of `counts`. */
const writeCounts: Record<Phase, Record<string, number>> = { before: {}, outage: {}, after: {} };
let phase: Phase = "before";
const acknowledged: string[] = [];
/** The first write the server answered 200 without acknowledging, to show why. */
let refusal: string | undefined;
let recoveredAfterMs: number | null = null;
let restartedAt = 0;

const harness = await startHarness(".data/neo4j-ops-fault", Number(values["bolt-port"]));
const started = Date.now();
const deadline = started + seconds * 1000;

async function client(id: number): Promise<void> {
  let n = 0;
  while (Date.now() < deadline) {
    n += 1;
    const write = n % 4 === 0;
    const key = `fault-${id}-${n}`;
    // A place with its names in both languages, as the API requires of every entity.
    const query = write
      ? `mutation { upsertEntity(input: { key: "${key}", kind: PLACE, name: "Fault test ${key}", labels: [{ text: "Prueba de fallo ${key}", language: ES, kind: PREFERRED }], description: "Written by ops/fault.ts." }) { key } }`
      : (READS[n % READS.length] as string);
    let status = 0;
    try {
      const response = await fetch(`${harness.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${CURATOR_TOKEN}` },
        body: JSON.stringify({ query }),
        // Longer than a curation write may take (its turn for a write slot, then its transaction).
        signal: AbortSignal.timeout(40_000),
      });
      status = response.status;
      const body = (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: unknown[];
      };
      if (write && status === 200 && !body.errors && body.data?.upsertEntity)
        acknowledged.push(key);
      else if (write && status === 200 && refusal === undefined)
        refusal = JSON.stringify(body.errors?.[0] ?? body);
      if (phase === "after" && status === 200 && recoveredAfterMs === null)
        recoveredAfterMs = Date.now() - restartedAt;
    } catch {
      status = -1; // no answer at all
    }
    if (write) {
      const writes = writeCounts[phase];
      writes[String(status)] = (writes[String(status)] ?? 0) + 1;
    }
    const bucket = counts[phase];
    bucket[String(status)] = (bucket[String(status)] ?? 0) + 1;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
}

const outage = (async () => {
  await new Promise((r) => setTimeout(r, downAt));
  phase = "outage";
  console.log(`[fault] stopping Neo4j at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await harness.neo4j.stop();
  await new Promise((r) => setTimeout(r, downFor));
  console.log(`[fault] starting Neo4j at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await harness.neo4j.start();
  restartedAt = Date.now();
  phase = "after";
})();

try {
  await Promise.all([...Array.from({ length: clients }, (_, i) => client(i)), outage]);
  const { records } = await harness.driver.executeQuery(
    "MATCH (n:Place) WHERE n.key IN $keys RETURN count(n) AS found",
    {
      keys: acknowledged,
    },
  );
  const found = Number(records[0]?.get("found") ?? 0);
  const unexpected = Object.entries({ ...counts.before, ...counts.after })
    .filter(([status]) => status !== "200")
    .reduce((sum, [, n]) => sum + n, 0);
  const report = {
    clients,
    seconds,
    outage: { at: downAt / 1000, for: downFor / 1000 },
    answersByPhase: counts,
    writeAnswersByPhase: writeCounts,
    serverAnsweredAgainMsAfterNeo4jStart: recoveredAfterMs,
    acknowledgedWrites: acknowledged.length,
    acknowledgedWritesFound: found,
  };
  console.log(JSON.stringify(report, null, 2));
  const outageOther = Object.keys(counts.outage).filter((s) => !["200", "503"].includes(s));
  if (acknowledged.length === 0) {
    console.error(
      `[fault] FAILED: no write was acknowledged, so nothing could be checked${refusal ? ` (the server answered: ${refusal})` : ""}`,
    );
    process.exitCode = 1;
  } else if (refusal !== undefined) {
    console.error(`[fault] FAILED: the server answered 200 to a write it refused: ${refusal}`);
    process.exitCode = 1;
  } else if (
    found !== acknowledged.length ||
    recoveredAfterMs === null ||
    outageOther.length > 0 ||
    unexpected > 0
  ) {
    console.error("[fault] FAILED: lost writes, no recovery, or answers other than 200/503");
    process.exitCode = 1;
  } else {
    console.log("[fault] OK: every acknowledged write is there; the server recovered by itself.");
  }
} finally {
  await harness.close();
}
