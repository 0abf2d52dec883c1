import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
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

export class LocalNeo4j {
  readonly home: string;
  readonly uri: string;
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: LocalNeo4jOptions) {
    this.home = resolve(options.dir);
    this.uri = `bolt://127.0.0.1:${options.boltPort}`;
    this.log = options.log ?? (() => {});
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private get pidFile(): string {
    return join(this.home, "run", "neo4j.pid");
  }

  async start(): Promise<void> {
    const neo4jDir = resolve(this.options.neo4jDir ?? "neo4j");
    const lib = ensureJars(neo4jDir, this.log);
    for (const sub of ["conf", "data", "logs", "run"])
      mkdirSync(join(this.home, sub), { recursive: true });
    await this.stopStale();
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

    try {
      await this.waitForBolt();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.log(
      `Neo4j is up after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}).`,
    );
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after the grace period). */
  async stop(graceMs = 60_000): Promise<void> {
    const child = this.child;
    if (!child || !this.exited) return;
    this.child = undefined;
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

  /** A Neo4j left behind by a process that died without stopping it: stop it now. */
  private async stopStale(): Promise<void> {
    if (!existsSync(this.pidFile)) return;
    const pid = Number(readFileSync(this.pidFile, "utf8").trim());
    rmSync(this.pidFile, { force: true });
    if (!Number.isInteger(pid) || pid <= 0) return;
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      return; // not running
    }
    if (!cmdline.includes(ENTRY_POINT) || !cmdline.includes(this.home)) return;
    this.log(`Stopping a Neo4j left running from an earlier start (pid ${pid})...`);
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && existsSync(`/proc/${pid}`)) await sleep(200);
    if (existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
  }

  private async waitForBolt(): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 120_000;
    const deadline = Date.now() + timeoutMs;
    const driver = neo4j.driver(this.uri, neo4j.auth.basic("neo4j", this.options.password), {
      connectionAcquisitionTimeout: 2_000,
      connectionTimeout: 2_000,
      maxConnectionPoolSize: 1,
      logging: { level: "error", logger: () => {} },
    });
    let exitCode: number | null | undefined;
    void this.exited?.then((code) => {
      exitCode = code;
    });
    try {
      let lastError: unknown;
      while (Date.now() < deadline) {
        if (exitCode !== undefined) {
          throw new Error(
            `Neo4j exited (code ${exitCode}) before it accepted a query.\n${this.logTail()}`,
          );
        }
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
