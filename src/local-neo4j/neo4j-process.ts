import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import type { LocalNeo4jOptions } from "./local-neo4j.js";
import { type Owner, readText, sleep } from "./owner.js";

/** The Neo4j process of a folder: its configuration, its start and stop, and its Bolt port. */

/** JVM options that Neo4j's own launcher passes (server.jvm.additional in the default neo4j.conf). */
const JVM_OPTIONS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Djdk.tls.ephemeralDHKeySize=2048",
  "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
  "-XX:FlightRecorderOptions=stackdepth=256",
  "-XX:+UnlockDiagnosticVMOptions",
  "-XX:+DebugNonSafepoints",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
  "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
];

const ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";

/** A Neo4j this process started, and when it exits (its exit code). */
export interface Neo4jProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Whether `pid` is a Neo4j running out of `home`. */
export function isNeo4jOf(pid: number, home: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  return cmdline !== undefined && cmdline.includes(ENTRY_POINT) && cmdline.includes(home);
}

/** Writes the folder's neo4j.conf and sets the password of a new store; returns Neo4j's environment. */
export function prepareNeo4j(
  home: string,
  lib: string,
  options: LocalNeo4jOptions,
): NodeJS.ProcessEnv {
  writeConfig(home, options);
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, "conf") };
  const freshStore = !existsSync(join(home, "data", "dbms"));
  if (freshStore) {
    const result = spawnSync(
      "java",
      [
        "-cp",
        `${lib}/*`,
        "org.neo4j.cli.AdminTool",
        "dbms",
        "set-initial-password",
        options.password,
      ],
      { env, encoding: "utf8" },
    );
    if (result.status !== 0) {
      throw new Error(
        `Could not set the local Neo4j's initial password: ${result.stderr || result.stdout}`,
      );
    }
  }
  return env;
}

/**
 * Starts Neo4j (its output into logs/console.log, its pid into run/neo4j.pid), without waiting
 * for it to answer.
 */
export function spawnNeo4j(
  home: string,
  lib: string,
  heap: string,
  env: NodeJS.ProcessEnv,
): Neo4jProcess {
  const out = openSync(join(home, "logs", "console.log"), "a");
  const child = spawn(
    "java",
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      ...JVM_OPTIONS,
      "-cp",
      `${lib}/*`,
      ENTRY_POINT,
      `--home-dir=${home}`,
      `--config-dir=${join(home, "conf")}`,
    ],
    { env, stdio: ["ignore", out, out], detached: true },
  );
  closeSync(out);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.once("error", () => {});
  if (child.pid) writeFileSync(join(home, "run", "neo4j.pid"), `${child.pid}\n`);
  return { child, exited };
}

function writeConfig(home: string, options: LocalNeo4jOptions): void {
  const lines = [
    "# Written by src/local-neo4j at every start; edit the environment, not this file.",
    "server.default_listen_address=127.0.0.1",
    "server.default_advertised_address=127.0.0.1",
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    "server.bolt.tls_level=DISABLED",
    "server.http.enabled=false",
    "server.https.enabled=false",
    `server.memory.heap.initial_size=${options.heap}`,
    `server.memory.heap.max_size=${options.heap}`,
    `server.memory.pagecache.size=${options.pageCache}`,
    "dbms.security.auth_enabled=true",
    `server.directories.data=${join(home, "data")}`,
    `server.directories.logs=${join(home, "logs")}`,
    `server.directories.run=${join(home, "run")}`,
    "dbms.usage_report.enabled=false",
    "db.tx_log.rotation.retention_policy=1 days",
    // A transaction can never run unbounded, whatever the client asks.
    "db.transaction.timeout=60s",
  ];
  writeFileSync(join(home, "conf", "neo4j.conf"), `${lines.join("\n")}\n`);
}

/** Stops a Neo4j this process started: SIGTERM, then SIGKILL after the grace period. */
export async function stopNeo4j({ child, exited }: Neo4jProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
  ]);
  if (timedOut) {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * Whether the owner's Neo4j has exited: run/neo4j.pid, written by the owner after its claim,
 * names a process that is no longer Neo4j. (Before the owner writes it, the file may be an
 * older start's.)
 */
export function ownersNeo4jExited(home: string, ownerText: string): boolean {
  if (!existsSync("/proc/self")) return false; // no way to tell: wait for the timeout
  const pidFile = join(home, "run", "neo4j.pid");
  const ownerFile = join(home, "run", "owner.pid");
  try {
    if (statSync(pidFile).mtimeMs < statSync(ownerFile).mtimeMs) return false;
  } catch {
    return false;
  }
  const pid = Number(readText(pidFile)?.trim());
  return readText(ownerFile) === ownerText && !isNeo4jOf(pid, home);
}

/**
 * A Neo4j left behind by a process that died without stopping it: stop it now (SIGTERM, then
 * SIGKILL after a minute). Called with the claim held: any Neo4j of this folder that runs now
 * has no live owner.
 */
export async function stopStaleNeo4j(
  home: string,
  owner: Owner | undefined,
  log: (line: string) => void,
): Promise<void> {
  const pidFile = join(home, "run", "neo4j.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  rmSync(pidFile, { force: true });
  if (!isNeo4jOf(pid, home)) return;
  log(
    `Stopping a Neo4j left running from an earlier start (pid ${pid}; ` +
      `${owner ? `the process that started it, pid ${owner.pid}, is gone` : "no live process owns it"})...`,
  );
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && existsSync(`/proc/${pid}`)) await sleep(200);
  if (existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
}

/**
 * Waits until the Neo4j at `uri` (data in `home`) answers a query; `failed` says, between
 * tries, why it never will.
 */
export async function waitForBolt(
  uri: string,
  home: string,
  options: LocalNeo4jOptions,
  failed: () => Error | undefined,
): Promise<void> {
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", options.password), {
    connectionAcquisitionTimeout: 2_000,
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
    logging: { level: "error", logger: () => {} },
  });
  try {
    let lastError: unknown;
    while (Date.now() < deadline) {
      const failure = failed();
      if (failure) throw failure;
      // session.run, not executeQuery: no built-in retry hiding the moment Bolt opens.
      const session = driver.session();
      try {
        await session.run("RETURN 1");
        return;
      } catch (error) {
        lastError = error;
        if (isAuthError(error)) {
          throw new Error(
            `The local Neo4j in ${home} rejected its password: it was created with another ` +
              "NEO4J_PASSWORD. Use that password, or delete the folder to start from an empty database.",
          );
        }
        await sleep(200);
      } finally {
        await session.close();
      }
    }
    throw new Error(
      `Neo4j did not accept a query within ${timeoutMs / 1000} s: ${String(lastError)}\n${logTail(home)}`,
    );
  } finally {
    await driver.close();
  }
}

/** The last lines of the folder's Neo4j logs, for an error. */
export function logTail(home: string): string {
  const parts: string[] = [];
  for (const file of ["neo4j.log", "console.log"]) {
    const path = join(home, "logs", file);
    if (!existsSync(path)) continue;
    const lines = readFileSync(path, "utf8").trimEnd().split("\n").slice(-15);
    parts.push(`--- ${path} (last lines) ---\n${lines.join("\n")}`);
  }
  return parts.join("\n");
}

function isAuthError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("Neo.ClientError.Security.");
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once("error", () => resolvePort(false));
  });
}
