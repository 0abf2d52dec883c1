import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import neo4j from "neo4j-driver";
import { ensureJars } from "./ensure-jars.js";

/**
 * A Neo4j 5.26 Community server run as its own JVM process from the jars in
 * `neo4j/lib/`, listening on 127.0.0.1 only. Its data, logs and configuration
 * live in `dir` (git-ignored); starting again reuses the data.
 *
 * One process at a time owns the Neo4j of a folder: the one that started it, named in
 * `run/owner.pid` (its pid, when it started, its role and the Bolt port) beside Neo4j's own
 * `run/neo4j.pid`. What `start()` does when another live process owns it depends on both roles:
 *
 * - a tool (a command-line tool, for a while) beside a server (for as long as it runs) uses the
 *   server's Neo4j, and its `stop()` leaves it running;
 * - anything beside a tool waits until the tool is done (it stops its Neo4j), then starts its
 *   own: a tool's Neo4j does not outlive the tool, so nothing else may come to rely on it;
 * - a server beside a server fails, saying so.
 *
 * A Neo4j whose owner is gone (killed without stopping it) is stale: it is stopped, and a new
 * one started.
 */

export interface LocalNeo4jOptions {
  /** Folder for conf/, data/, logs/ and run/. */
  dir: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  /** The folder with pom.xml (and lib/ once fetched). */
  neo4jDir?: string;
  /** How long to wait for Bolt to answer a query. */
  startTimeoutMs?: number;
  /**
   * `server` (the default): it keeps its Neo4j for as long as it runs, and tools may use it
   * meanwhile. `tool`: it needs a Neo4j for a while only, and uses a server's when one runs.
   */
  role?: OwnerRole;
  /** How long a start waits for a tool that owns the folder's Neo4j to be done with it. */
  waitForToolMs?: number;
  log?: (line: string) => void;
}

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

export type OwnerRole = "server" | "tool";

/** The process that started the Neo4j of a folder, as run/owner.pid records it. */
interface Owner {
  pid: number;
  /** When it started (Linux: /proc/<pid>/stat), to tell it from a later process given its pid. */
  started: string | undefined;
  role: OwnerRole;
  boltPort: number;
}

/** Raised while waiting for an owner's Neo4j when that owner stops or gives it up. */
class OwnerGone extends Error {}

/** The folder's Neo4j is another process's, and cannot be shared now: the message says why. */
export class LocalNeo4jBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalNeo4jBusy";
  }
}

export class LocalNeo4j {
  readonly home: string;
  private boltPort: number;
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  /** The text of run/owner.pid while this process owns the folder's Neo4j. */
  private claim: string | undefined;
  private owner: Owner | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: LocalNeo4jOptions) {
    this.home = resolve(options.dir);
    this.boltPort = options.boltPort;
    this.log = options.log ?? (() => {});
  }

  /** Where it answers: the configured port, or the owner's when this process uses another's Neo4j. */
  get uri(): string {
    return `bolt://127.0.0.1:${this.boltPort}`;
  }

  /** The Neo4j process, when this process started it. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * The pid of the process whose Neo4j this one uses (set by start() when the folder's Neo4j
   * was already running for a live process); undefined when this process started its own.
   */
  get attachedTo(): number | undefined {
    return this.owner?.pid;
  }

  /**
   * Whether the Neo4j this process uses is still there as far as the folder says: for one it
   * uses, its owner alive and still owning it.
   */
  stillOwned(): boolean {
    if (this.child) return this.child.exitCode === null && this.child.signalCode === null;
    const owner = this.owner;
    if (!owner) return false;
    const now = parseOwner(readText(this.ownerFile));
    return now !== undefined && sameOwner(now, owner) && isAlive(owner);
  }

  private get pidFile(): string {
    return join(this.home, "run", "neo4j.pid");
  }

  private get ownerFile(): string {
    return join(this.home, "run", "owner.pid");
  }

  /**
   * Starts the folder's Neo4j, or, when it is already running for another live process (or is
   * being started by one), waits for it to answer and uses it.
   */
  async start(): Promise<void> {
    const neo4jDir = resolve(this.options.neo4jDir ?? "neo4j");
    const lib = ensureJars(neo4jDir, this.log);
    for (const sub of ["conf", "data", "logs", "run"])
      mkdirSync(join(this.home, sub), { recursive: true });
    if (await this.useRunning()) return;
    try {
      await this.startOwn(lib);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /**
   * Claims the folder's Neo4j (false), or uses the one of a live owner (true). A claim whose
   * owner is dead is dropped; the claim is made by creating run/owner.pid, which fails when it
   * exists, so that two processes never both start one. (Were they ever to, Neo4j's own store
   * lock would refuse the second.)
   */
  private async useRunning(): Promise<boolean> {
    const role = this.options.role ?? "server";
    let staleOwner: Owner | undefined;
    for (let attempt = 1; attempt <= 20; attempt++) {
      if (this.tryClaim()) {
        await this.stopStale(staleOwner);
        return false;
      }
      const text = await readSettled(this.ownerFile);
      if (text === undefined) continue; // released meanwhile: claim it
      const owner = parseOwner(text);
      if (!owner || !isAlive(owner)) {
        // Its owner is gone: the claim is stale (unless it was just replaced by a new one).
        staleOwner = owner;
        if (readText(this.ownerFile) === text) rmSync(this.ownerFile, { force: true });
        continue;
      }
      // (Within one process, a second start uses the first's Neo4j, whatever their roles.)
      const here = owner.pid === process.pid;
      if (owner.role === "tool" && !here) {
        await this.waitForRelease(owner, text);
        continue;
      }
      if (role === "server" && !here) {
        throw new LocalNeo4jBusy(
          `The local Neo4j of ${this.home} is already run by another server (pid ${owner.pid}, ` +
            `bolt://127.0.0.1:${owner.boltPort}): stop that one, or give this one another NEO4J_LOCAL_DIR.`,
        );
      }
      if (await this.attach(owner, text)) return true;
      // It stopped before its Neo4j answered: start one.
    }
    throw new LocalNeo4jBusy(
      `Could not start nor reach the local Neo4j of ${this.home}: its run/owner.pid keeps changing.`,
    );
  }

  /** Waits until a tool that owns the folder's Neo4j is done with it (or is gone). */
  private async waitForRelease(owner: Owner, text: string): Promise<void> {
    this.log(
      `Waiting for pid ${owner.pid}, a command-line tool that runs the local Neo4j of ` +
        `${this.home}, to finish (its Neo4j stops with it)...`,
    );
    const timeoutMs = this.options.waitForToolMs ?? 600_000;
    const deadline = Date.now() + timeoutMs;
    while (readText(this.ownerFile) === text && isAlive(owner)) {
      if (Date.now() > deadline) {
        throw new LocalNeo4jBusy(
          `pid ${owner.pid} has run the local Neo4j of ${this.home} for over ${timeoutMs / 1000} s; ` +
            "let it finish, or stop it, and start again.",
        );
      }
      await sleep(200);
    }
  }

  private tryClaim(): boolean {
    const role = this.options.role ?? "server";
    const text =
      `${process.pid}\nstarted=${processStartTime(process.pid) ?? ""}\n` +
      `role=${role}\nbolt=${this.options.boltPort}\n`;
    try {
      writeFileSync(this.ownerFile, text, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    this.claim = text;
    this.boltPort = this.options.boltPort;
    return true;
  }

  /** Waits for the Neo4j of a live owner to answer; false if the owner stops first. */
  private async attach(owner: Owner, text: string): Promise<boolean> {
    this.boltPort = owner.boltPort;
    const neo4jPid = Number(readText(this.pidFile)?.trim());
    if (!isNeo4jOf(neo4jPid, this.home)) {
      this.log(`Waiting for the Neo4j that pid ${owner.pid} is starting (data in ${this.home})...`);
    }
    try {
      await this.waitForBolt(() => {
        if (readText(this.ownerFile) !== text || !isAlive(owner)) {
          return new OwnerGone(`pid ${owner.pid} stopped its Neo4j`);
        }
        if (this.ownersNeo4jExited(text)) {
          return new Error(
            `The local Neo4j of ${this.home}, started by pid ${owner.pid} (still running), has ` +
              "exited: restart that process (or stop it, and this command starts its own Neo4j).",
          );
        }
        return undefined;
      });
    } catch (error) {
      if (error instanceof OwnerGone) {
        this.log(`${error.message} before it answered; starting one.`);
        return false;
      }
      throw error;
    }
    this.owner = owner;
    this.log(
      `Using the Neo4j already running for pid ${owner.pid} (${this.uri}, data in ${this.home}); ` +
        "it stays running when this command ends.",
    );
    return true;
  }

  /**
   * Whether the owner's Neo4j has exited: run/neo4j.pid, written by the owner after its claim,
   * names a process that is no longer Neo4j. (Before the owner writes it, the file may be an
   * older start's.)
   */
  private ownersNeo4jExited(ownerText: string): boolean {
    if (!existsSync("/proc/self")) return false; // no way to tell: wait for the timeout
    try {
      if (statSync(this.pidFile).mtimeMs < statSync(this.ownerFile).mtimeMs) return false;
    } catch {
      return false;
    }
    const pid = Number(readText(this.pidFile)?.trim());
    return readText(this.ownerFile) === ownerText && !isNeo4jOf(pid, this.home);
  }

  private async startOwn(lib: string): Promise<void> {
    if (await portInUse(this.options.boltPort)) {
      throw new Error(
        `NEO4J_LOCAL_PORT ${this.options.boltPort} is already in use by another process; ` +
          "stop it or choose another port (or set NEO4J_URI to use that server).",
      );
    }
    this.writeConfig();
    const env = { ...process.env, NEO4J_HOME: this.home, NEO4J_CONF: join(this.home, "conf") };
    const freshStore = !existsSync(join(this.home, "data", "dbms"));
    if (freshStore) {
      const result = spawnSync(
        "java",
        [
          "-cp",
          `${lib}/*`,
          "org.neo4j.cli.AdminTool",
          "dbms",
          "set-initial-password",
          this.options.password,
        ],
        { env, encoding: "utf8" },
      );
      if (result.status !== 0) {
        throw new Error(
          `Could not set the local Neo4j's initial password: ${result.stderr || result.stdout}`,
        );
      }
    }

    const out = openSync(join(this.home, "logs", "console.log"), "a");
    const started = Date.now();
    this.log(`Starting Neo4j (${this.uri}, data in ${this.home})...`);
    const child = spawn(
      "java",
      [
        `-Xms${this.options.heap}`,
        `-Xmx${this.options.heap}`,
        ...JVM_OPTIONS,
        "-cp",
        `${lib}/*`,
        ENTRY_POINT,
        `--home-dir=${this.home}`,
        `--config-dir=${join(this.home, "conf")}`,
      ],
      { env, stdio: ["ignore", out, out], detached: true },
    );
    closeSync(out);
    this.child = child;
    this.exited = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
    child.once("error", () => {});
    if (child.pid) writeFileSync(this.pidFile, `${child.pid}\n`);

    let exitCode: number | null | undefined;
    void this.exited.then((code) => {
      exitCode = code;
    });
    await this.waitForBolt(() =>
      exitCode === undefined
        ? undefined
        : new Error(
            `Neo4j exited (code ${exitCode}) before it accepted a query.\n${this.logTail()}`,
          ),
    );
    this.log(
      `Neo4j is up after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}).`,
    );
  }

  /**
   * Stops the Neo4j this process started, cleanly (SIGTERM, then SIGKILL after the grace
   * period), then gives up its claim. One it only uses (attachedTo) is left running.
   */
  async stop(graceMs = 60_000): Promise<void> {
    this.owner = undefined;
    const child = this.child;
    this.child = undefined;
    if (child && this.exited) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timedOut = await Promise.race([
          this.exited.then(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
        ]);
        if (timedOut) {
          child.kill("SIGKILL");
          await this.exited;
        }
      }
      rmSync(this.pidFile, { force: true });
    }
    // The claim goes last, once the Neo4j is down: no other process starts one on the same
    // store meanwhile (a tool arriving now waits, then starts its own).
    if (this.claim !== undefined && readText(this.ownerFile) === this.claim) {
      rmSync(this.ownerFile, { force: true });
    }
    this.claim = undefined;
  }

  private writeConfig(): void {
    const lines = [
      "# Written by src/local-neo4j at every start; edit the environment, not this file.",
      "server.default_listen_address=127.0.0.1",
      "server.default_advertised_address=127.0.0.1",
      `server.bolt.listen_address=127.0.0.1:${this.options.boltPort}`,
      "server.bolt.tls_level=DISABLED",
      "server.http.enabled=false",
      "server.https.enabled=false",
      `server.memory.heap.initial_size=${this.options.heap}`,
      `server.memory.heap.max_size=${this.options.heap}`,
      `server.memory.pagecache.size=${this.options.pageCache}`,
      "dbms.security.auth_enabled=true",
      `server.directories.data=${join(this.home, "data")}`,
      `server.directories.logs=${join(this.home, "logs")}`,
      `server.directories.run=${join(this.home, "run")}`,
      "dbms.usage_report.enabled=false",
      "db.tx_log.rotation.retention_policy=1 days",
      // A transaction can never run unbounded, whatever the client asks.
      "db.transaction.timeout=60s",
    ];
    writeFileSync(join(this.home, "conf", "neo4j.conf"), `${lines.join("\n")}\n`);
  }

  /**
   * A Neo4j left behind by a process that died without stopping it: stop it now. (Called with
   * the claim held: any Neo4j of this folder that runs now has no live owner.)
   */
  private async stopStale(owner: Owner | undefined): Promise<void> {
    if (!existsSync(this.pidFile)) return;
    const pid = Number(readFileSync(this.pidFile, "utf8").trim());
    rmSync(this.pidFile, { force: true });
    if (!isNeo4jOf(pid, this.home)) return;
    this.log(
      `Stopping a Neo4j left running from an earlier start (pid ${pid}; ` +
        `${owner ? `the process that started it, pid ${owner.pid}, is gone` : "no live process owns it"})...`,
    );
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && existsSync(`/proc/${pid}`)) await sleep(200);
    if (existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
  }

  /** Waits until Bolt answers a query; `failed` says, between tries, why it never will. */
  private async waitForBolt(failed: () => Error | undefined): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 120_000;
    const deadline = Date.now() + timeoutMs;
    const driver = neo4j.driver(this.uri, neo4j.auth.basic("neo4j", this.options.password), {
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
              `The local Neo4j in ${this.home} rejected its password: it was created with another ` +
                "NEO4J_PASSWORD. Use that password, or delete the folder to start from an empty database.",
            );
          }
          await sleep(200);
        } finally {
          await session.close();
        }
      }
      throw new Error(
        `Neo4j did not accept a query within ${timeoutMs / 1000} s: ${String(lastError)}\n${this.logTail()}`,
      );
    } finally {
      await driver.close();
    }
  }

  private logTail(): string {
    const parts: string[] = [];
    for (const file of ["neo4j.log", "console.log"]) {
      const path = join(this.home, "logs", file);
      if (!existsSync(path)) continue;
      const lines = readFileSync(path, "utf8").trimEnd().split("\n").slice(-15);
      parts.push(`--- ${path} (last lines) ---\n${lines.join("\n")}`);
    }
    return parts.join("\n");
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The file's text once it is whole: a claim is written right after its file is created. */
async function readSettled(path: string): Promise<string | undefined> {
  let text = readText(path);
  for (let i = 0; i < 10 && text !== undefined && parseOwner(text) === undefined; i++) {
    await sleep(50);
    text = readText(path);
  }
  return text;
}

function parseOwner(text: string | undefined): Owner | undefined {
  const [first, ...rest] = (text ?? "").split("\n");
  const pid = Number(first);
  const fields = Object.fromEntries(rest.map((line) => line.split("=", 2) as [string, string]));
  const boltPort = Number(fields.bolt);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(boltPort) || boltPort <= 0) {
    return undefined;
  }
  const role = fields.role === "tool" ? "tool" : "server";
  return { pid, started: fields.started || undefined, role, boltPort };
}

function sameOwner(a: Owner, b: Owner): boolean {
  return (
    a.pid === b.pid && a.started === b.started && a.role === b.role && a.boltPort === b.boltPort
  );
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]; undefined off Linux. */
function procStat(pid: number): string[] | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** Whether the owner still runs: its pid alive, not a zombie, and not reused by a later process. */
function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = procStat(owner.pid);
  // No /proc/<pid>: it has just exited, or this is not Linux (then the signal said enough).
  if (stat === undefined) return !existsSync("/proc/self");
  if (stat[0] === "Z" || stat[0] === "X") return false;
  return owner.started === undefined || stat[19] === owner.started;
}

/** Whether `pid` is a Neo4j running out of `home`. */
function isNeo4jOf(pid: number, home: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  return cmdline !== undefined && cmdline.includes(ENTRY_POINT) && cmdline.includes(home);
}

function isAuthError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("Neo.ClientError.Security.");
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once("error", () => resolvePort(false));
  });
}
