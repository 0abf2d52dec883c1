import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { freePort } from "./spawn-server.js";

/**
 * A real Redis for the tests of features that span server processes: Debian's `redis-server`,
 * started on a free loopback port with nothing saved to disk, stopped by `stop()`.
 */

export const INSTALL_REDIS = "apt-get update && apt-get install -y redis-server";
const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

export interface RunningRedis {
  port: number;
  /** redis://127.0.0.1:<port> */
  url: string;
  stop(): Promise<void>;
}

/** The path of redis-server (REDIS_SERVER_PATH, or Debian's package); none: the command to install it. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string {
  const found = [env.REDIS_SERVER_PATH, ...CANDIDATES].find((p) => p && existsSync(p));
  if (found) return found;
  throw new Error(
    `The tests that span servers need redis-server, and none was found (looked for ${CANDIDATES.join(", ")}). ` +
      `Install it with: ${INSTALL_REDIS} (as root), or set REDIS_SERVER_PATH.`,
  );
}

/** Answers PING with PONG on the port? */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.once("data", (data) => (socket.end(), resolve(data.toString().startsWith("+PONG"))));
    socket.once("error", () => resolve(false));
  });
}

/** Starts redis-server on a free port and waits until it answers (at most 10 s). */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    findRedisServer(),
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port} in 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
