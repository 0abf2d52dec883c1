import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureJars } from "./ensure-jars.js";
import {
  isNeo4jOf,
  logTail,
  type Neo4jProcess,
  portInUse,
  ownersNeo4jExited,
  prepareNeo4j,
  spawnNeo4j,
  stopNeo4j,
  stopStaleNeo4j,
  waitForBolt,
} from "./neo4j-process.js";
import {
  isAlive,
  type Owner,
  parseOwner,
  readSettled,
  readText,
  sameOwner,
  sleep,
  tryClaim,
} from "./owner.js";

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
 * one started. This file is that start policy; owner.ts reads and makes the claim, and
 * neo4j-process.ts runs the process.
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

export type OwnerRole = "server" | "tool";

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
  private neo4j: Neo4jProcess | undefined;
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
    return this.neo4j?.child.pid;
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
    const child = this.neo4j?.child;
    if (child) return child.exitCode === null && child.signalCode === null;
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
      const claim = tryClaim(this.ownerFile, role, this.options.boltPort);
      if (claim !== undefined) {
        this.claim = claim;
        this.boltPort = this.options.boltPort;
        await stopStaleNeo4j(this.home, staleOwner, this.log);
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

  /** Waits for the Neo4j of a live owner to answer; false if the owner stops first. */
  private async attach(owner: Owner, text: string): Promise<boolean> {
    this.boltPort = owner.boltPort;
    const neo4jPid = Number(readText(this.pidFile)?.trim());
    if (!isNeo4jOf(neo4jPid, this.home)) {
      this.log(`Waiting for the Neo4j that pid ${owner.pid} is starting (data in ${this.home})...`);
    }
    try {
      await waitForBolt(this.uri, this.home, this.options, () => {
        if (readText(this.ownerFile) !== text || !isAlive(owner)) {
          return new OwnerGone(`pid ${owner.pid} stopped its Neo4j`);
        }
        if (ownersNeo4jExited(this.home, text)) {
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

  private async startOwn(lib: string): Promise<void> {
    if (await portInUse(this.options.boltPort)) {
      throw new Error(
        `NEO4J_LOCAL_PORT ${this.options.boltPort} is already in use by another process; ` +
          "stop it or choose another port (or set NEO4J_URI to use that server).",
      );
    }
    const env = prepareNeo4j(this.home, lib, this.options);
    const started = Date.now();
    this.log(`Starting Neo4j (${this.uri}, data in ${this.home})...`);
    const neo4j = spawnNeo4j(this.home, lib, this.options.heap, env);
    this.neo4j = neo4j;
    let exitCode: number | null | undefined;
    void neo4j.exited.then((code) => {
      exitCode = code;
    });
    await waitForBolt(this.uri, this.home, this.options, () =>
      exitCode === undefined
        ? undefined
        : new Error(
            `Neo4j exited (code ${exitCode}) before it accepted a query.\n${logTail(this.home)}`,
          ),
    );
    this.log(
      `Neo4j is up after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${neo4j.child.pid}).`,
    );
  }

  /**
   * Stops the Neo4j this process started, cleanly (SIGTERM, then SIGKILL after the grace
   * period), then gives up its claim. One it only uses (attachedTo) is left running.
   */
  async stop(graceMs = 60_000): Promise<void> {
    this.owner = undefined;
    const neo4j = this.neo4j;
    this.neo4j = undefined;
    if (neo4j) {
      await stopNeo4j(neo4j, graceMs);
      rmSync(this.pidFile, { force: true });
    }
    // The claim goes last, once the Neo4j is down: no other process starts one on the same
    // store meanwhile (a tool arriving now waits, then starts its own).
    if (this.claim !== undefined && readText(this.ownerFile) === this.claim) {
      rmSync(this.ownerFile, { force: true });
    }
    this.claim = undefined;
  }
}
