import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { DatabaseWentAway, type OpenDatabase, openDatabase } from "../src/db/open-database.js";
import {
  freePort,
  neo4jProcessesFor,
  type RunningMain,
  runCli,
  spawnMain,
  startCli,
  stopAllMains,
} from "./support/spawn-server.js";

/**
 * The command-line tools beside a running server (`npm start`): they use the server's local
 * Neo4j (same data folder) instead of stopping it, and leave it running; the server reads what
 * they wrote at once. A Neo4j whose server is gone is still stale, and stopped; a server that
 * starts while a tool runs its own Neo4j waits for the tool to be done.
 */

// Ports and a folder of this file's own (the run's Neo4j is on NEO4J_TEST_PORT).
const DIR = ".data/neo4j-beside-server-test";
const HOME = resolve(DIR);
const HTTP_PORT = await freePort();
const BOLT_PORT = await freePort();
const ENV = {
  PORT: String(HTTP_PORT),
  NEO4J_LOCAL_DIR: DIR,
  NEO4J_LOCAL_PORT: String(BOLT_PORT),
  NEO4J_LOCAL_HEAP: "512m",
  NEO4J_LOCAL_PAGECACHE: "128m",
  LOG_FORMAT: "none",
  // The first queries of a Neo4j just started can outlast the default 5 s on a busy machine
  // (other test files run beside this one); this file tests who runs Neo4j, not query latency.
  QUERY_TIMEOUT_MS: "30000",
};
const SERVER = `http://127.0.0.1:${HTTP_PORT}`;

const QUOTE = "1,531 Family Medicine Units (UMF)";
const TEXT = ` date 2022-02-01 A test release: the Institute reported ${QUOTE} this month.`;

let files: string;

/** A document and its facts file, whose citation leaves `start` out. */
function writeInput(id: string, key: string): string[] {
  writeFileSync(join(files, `${id}.txt`), TEXT);
  writeFileSync(
    join(files, `${id}.yaml`),
    `documents:
  - { id: ${id}, language: en }
facts:
  - key: ${key}
    variable: facility-count
    about: umf
    scope: imss
    period: jan-20-2022
    statistic: stock
    value: 1531
    unit: count
    citations:
      - { document: ${id}, quote: "${QUOTE}" }
`,
  );
  return ["--document", join(files, `${id}.txt`), "--facts", join(files, `${id}.yaml`)];
}

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${SERVER}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walked freely in assertions
  return { status: response.status, body: (await response.json()) as any };
}

const DOCUMENT_FACTS = `query ($id: String!) {
  document(key: $id) { facts(first: 5) { edges { node { key value citations { quote start } } } } }
}`;

const runFile = (name: string) => join(HOME, "run", name);
const ownerPid = () => Number(readFileSync(runFile("owner.pid"), "utf8").split("\n")[0]);

/** Stops (by pid) a Neo4j of this folder that a killed server left behind. */
async function stopLeftovers(): Promise<void> {
  for (const pid of neo4jProcessesFor(HOME)) {
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 300 && existsSync(`/proc/${pid}`); i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  await stopLeftovers();
  rmSync(DIR, { recursive: true, force: true });
  files = mkdtempSync(join(tmpdir(), "imss-beside-server-"));
});

afterAll(async () => {
  await stopAllMains();
  await stopLeftovers();
  rmSync(DIR, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
}, 120_000);

describe("the command-line tools beside a running server", () => {
  let server: RunningMain;
  let serverPid: number;
  let neo4jPid: number | undefined;

  beforeAll(async () => {
    server = spawnMain(ENV);
    await server.waitFor(/Ready in/, 170_000);
    serverPid = server.child.pid as number;
    [neo4jPid] = neo4jProcessesFor(HOME);
  }, 180_000);

  it("ingests through the server's Neo4j, which stays up, and the server serves the new fact at once", async () => {
    expect(neo4jProcessesFor(HOME)).toEqual([neo4jPid]);
    expect(ownerPid()).toBe(serverPid);
    const before = await graphql(DOCUMENT_FACTS, { id: "910_beside_server_test" });
    expect(before.body.errors?.[0]?.message).toContain(
      'no document has the key "910_beside_server_test"',
    );

    const ingest = await runCli(
      "src/curation/ingest-cli.ts",
      [...writeInput("910_beside_server_test", "beside-test-umf-count"), "--by", "tester"],
      ENV,
    );
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toContain(`Using the Neo4j already running for pid ${serverPid}`);
    expect(ingest.stdout).not.toMatch(/Stopping a Neo4j|Starting Neo4j/);
    // The start left out of the facts file, filled in and reported.
    expect(ingest.stdout).toContain(
      `filled in start ${TEXT.indexOf(QUOTE)} for facts[0] (key: beside-test-umf-count) at citations[0]`,
    );
    expect(ingest.stdout).toContain("Ingested 910_beside_server_test: 1 new facts");

    // The server never lost its database, and reads the new fact at once.
    expect((await fetch(`${SERVER}/ready`)).status).toBe(200);
    const after = await graphql(DOCUMENT_FACTS, { id: "910_beside_server_test" });
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.document.facts.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        key: "beside-test-umf-count",
        value: 1531,
        citations: [{ quote: QUOTE, start: TEXT.indexOf(QUOTE) }],
      },
    ]);
    expect(neo4jProcessesFor(HOME)).toEqual([neo4jPid]);
    expect(Number(readFileSync(runFile("neo4j.pid"), "utf8"))).toBe(neo4jPid);
    expect(ownerPid()).toBe(serverPid);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);

  it("seeds through the server's Neo4j too, and leaves it running", async () => {
    const seed = await runCli("src/seed/cli.ts", [], ENV);
    expect(seed.stderr).toBe("");
    expect(seed.status).toBe(0);
    expect(seed.stdout).toContain(`Using the Neo4j already running for pid ${serverPid}`);
    expect(seed.stdout).toMatch(/Loaded \d+ documents/);
    expect((await fetch(`${SERVER}/ready`)).status).toBe(200);
    expect(neo4jProcessesFor(HOME)).toEqual([neo4jPid]);
  }, 120_000);

  it("refuses a second server on the same folder, saying which one runs it", async () => {
    const second = spawnMain({ ...ENV, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `is already run by another server (pid ${serverPid}, bolt://127.0.0.1:${BOLT_PORT})`,
    );
    expect((await fetch(`${SERVER}/ready`)).status).toBe(200);
    expect(neo4jProcessesFor(HOME)).toEqual([neo4jPid]);
  }, 60_000);

  it("fails clearly, without hanging, when the server stops its Neo4j under a command", async () => {
    const lines: string[] = [];
    const db: OpenDatabase = await openDatabase(loadConfig(ENV), (line) => lines.push(line));
    try {
      expect(db.local?.attachedTo).toBe(serverPid);
      expect(lines.join("\n")).toContain(`Using the Neo4j already running for pid ${serverPid}`);
      expect((await db.driver.executeQuery("RETURN 1 AS one")).records[0]?.get("one")).toBe(1);

      // A query in flight when the server stops its Neo4j: Neo4j ends it as it shuts down.
      const inFlight = db.driver
        .executeQuery("UNWIND range(1, 3000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n")
        .then(
          () => new Error("the query was expected to fail"),
          (error: unknown) => db.explain(error),
        );
      await new Promise((r) => setTimeout(r, 1_000));
      const stoppedAt = Date.now();
      server.child.kill("SIGTERM");
      const ended = await inFlight;
      expect(Date.now() - stoppedAt).toBeLessThan(30_000);
      expect(ended).toBeInstanceOf(DatabaseWentAway);
      expect((ended as Error).message).toMatch(
        new RegExp(`The local Neo4j of .*, run by pid ${serverPid}, went away while this command`),
      );
      expect(await server.exited).toBe(0);
      expect(neo4jProcessesFor(HOME)).toEqual([]);
      expect(existsSync(runFile("owner.pid"))).toBe(false);

      const started = Date.now();
      const failure = await db.driver.executeQuery("RETURN 1").then(
        () => undefined,
        (error: unknown) => db.explain(error),
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(failure).toBeInstanceOf(DatabaseWentAway);
      expect((failure as Error).message).toMatch(
        new RegExp(`went away while this command was using it \\(pid ${serverPid} stopped it\\)`),
      );
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe("a Neo4j whose server is gone", () => {
  it("is stale: a command stops it, starts its own, ingests, and stops that one", async () => {
    const server = spawnMain(ENV);
    await server.waitFor(/Ready in/, 170_000);
    const serverPid = server.child.pid as number;
    const [orphan] = neo4jProcessesFor(HOME);
    // Killed without a chance to stop its Neo4j (detached, it keeps running).
    server.child.kill("SIGKILL");
    await server.exited;
    expect(neo4jProcessesFor(HOME)).toEqual([orphan]);

    const ingest = await runCli(
      "src/curation/ingest-cli.ts",
      writeInput("911_beside_server_test", "beside-test-umf-count-stale"),
      ENV,
    );
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toContain(
      `Stopping a Neo4j left running from an earlier start (pid ${orphan}; the process that started it, pid ${serverPid}, is gone)`,
    );
    expect(ingest.stdout).toContain("Starting Neo4j");
    expect(ingest.stdout).not.toContain("Using the Neo4j already running");
    expect(ingest.stdout).toContain("Ingested 911_beside_server_test: 1 new facts");
    // It stopped the Neo4j it started, and gave up its claim.
    expect(neo4jProcessesFor(HOME)).toEqual([]);
    expect(existsSync(runFile("neo4j.pid"))).toBe(false);
    expect(existsSync(runFile("owner.pid"))).toBe(false);
  }, 300_000);
});

describe("a server started while a command runs its own Neo4j", () => {
  it("waits for the command to be done, then starts its own", async () => {
    expect(neo4jProcessesFor(HOME)).toEqual([]);
    const ingest = startCli(
      "src/curation/ingest-cli.ts",
      writeInput("912_beside_server_test", "beside-test-umf-count-waited"),
      ENV,
    );
    // The command has claimed the folder's Neo4j (it is starting it).
    for (let i = 0; i < 300 && !existsSync(runFile("owner.pid")); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ownerPid()).toBe(ingest.pid);
    const server = spawnMain(ENV);
    await server.waitFor(new RegExp(`Waiting for pid ${ingest.pid}, a command-line tool`), 60_000);

    const result = await ingest.done;
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Starting Neo4j");
    expect(result.stdout).toContain("Ingested 912_beside_server_test: 1 new facts");

    await server.waitFor(/Ready in/, 170_000);
    expect(server.output()).toContain("Starting Neo4j");
    expect(ownerPid()).toBe(server.child.pid);
    expect((await fetch(`${SERVER}/ready`)).status).toBe(200);
    const facts = await graphql(DOCUMENT_FACTS, { id: "912_beside_server_test" });
    expect(facts.body.errors).toBeUndefined();
    expect(facts.body.data?.document.facts.edges).toHaveLength(1);
    expect(neo4jProcessesFor(HOME)).toHaveLength(1);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(neo4jProcessesFor(HOME)).toEqual([]);
  }, 300_000);
});
