import { createConnection, createServer, type Server, type Socket } from "node:net";
import { relative } from "node:path";

/**
 * The e2e files run two at a time over the run's one Neo4j, and this lock keeps them from
 * disturbing each other. A file holds the lock from before its first hook to after its last:
 * - "shared": it only reads the run's database, counts nothing global and times nothing that
 *   a second file beside it could slow past its bound; any number of them at once;
 * - "exclusive": it writes to the run's database (under its own keys), backs it up, or times
 *   things; alone, with no other file on the run's database beside it;
 * - "none": it runs Neo4j instances of its own and only reads the run's database; beside anything.
 * A file not listed here is exclusive, so a new file is safe before it is sorted.
 */
export type DatabaseUse = "shared" | "exclusive" | "none";

const USES: Record<string, DatabaseUse> = {
  "test/api.e2e.test.ts": "shared",
  "test/arbitrary-input.e2e.test.ts": "shared",
  "test/client-contract.e2e.test.ts": "shared",
  "test/compile-budget.e2e.test.ts": "shared",
  "test/compiled-execution.e2e.test.ts": "shared",
  "test/fact-links.e2e.test.ts": "shared",
  "test/graphql-http-audits.e2e.test.ts": "shared",
  "test/hostile.e2e.test.ts": "shared",
  "test/metrics.e2e.test.ts": "shared",
  "test/relation-look-ahead.e2e.test.ts": "shared",
  "test/search.e2e.test.ts": "shared",
  "test/security-headers.e2e.test.ts": "shared",
  "test/server.e2e.test.ts": "shared",
  "test/urql-client.e2e.test.ts": "shared",
  "test/web-serving.e2e.test.ts": "shared",
  "test/browser/explorer.e2e.test.ts": "shared",
  "test/where-facts.e2e.test.ts": "shared",
  "test/where-limits.e2e.test.ts": "shared",
  "test/entity-where.e2e.test.ts": "shared",
  "test/entity-where-errors.e2e.test.ts": "shared",
  "test/fact-groups.e2e.test.ts": "shared",
  "test/fact-groups-aggregate.e2e.test.ts": "shared",
  "test/fact-groups-pages.e2e.test.ts": "shared",
  "test/where-oracle.e2e.test.ts": "shared",
  "test/web-filters.e2e.test.ts": "shared",
  "test/exports-where.e2e.test.ts": "shared",
  "test/where-anchors.e2e.test.ts": "shared",
  "test/browser/graphiql.e2e.test.ts": "shared",
  "test/cli-beside-server.e2e.test.ts": "none",
  "test/main.e2e.test.ts": "none",
  "test/faults.e2e.test.ts": "none",
};

/** How the file at `path` (absolute, or relative to the repository) uses the run's database. */
export function databaseUseOf(path: string): DatabaseUse {
  return USES[relative(process.cwd(), path).replaceAll("\\", "/")] ?? "exclusive";
}

/** Files with Neo4j instances of their own, slowest first: the run starts them first. */
export const OWN_NEO4J_FIRST = Object.keys(USES).filter((path) => USES[path] === "none");

/**
 * The lock's keeper, in the process of the global setup, on a loopback port: a client sends
 * "shared\n" or "exclusive\n", is answered "granted\n" when it may go on, and releases the lock
 * by closing its connection (a worker that dies releases it too). A waiting exclusive file goes
 * before shared files that come after it.
 */
export async function startDatabaseLock(): Promise<{ port: number; close(): Promise<void> }> {
  const holders = new Map<Socket, "shared" | "exclusive">();
  const waiting: { socket: Socket; mode: "shared" | "exclusive" }[] = [];
  const grant = () => {
    while (waiting.length > 0) {
      const next = waiting[0]!;
      const exclusiveHeld = [...holders.values()].includes("exclusive");
      if (exclusiveHeld || (next.mode === "exclusive" && holders.size > 0)) return;
      waiting.shift();
      holders.set(next.socket, next.mode);
      next.socket.write("granted\n");
    }
  };
  const server: Server = createServer((socket) => {
    let asked = "";
    socket.on("data", (chunk) => {
      asked += chunk;
      if (!asked.endsWith("\n")) return;
      const mode = asked.trim() === "shared" ? "shared" : "exclusive";
      waiting.push({ socket, mode });
      grant();
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      holders.delete(socket);
      const index = waiting.findIndex((w) => w.socket === socket);
      if (index >= 0) waiting.splice(index, 1);
      grant();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of holders.keys()) socket.destroy();
        for (const { socket } of waiting) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits for the lock in `mode`; the promise gives the function that releases it. */
export function takeDatabaseLock(port: number, mode: "shared" | "exclusive"): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" }, () => socket.write(`${mode}\n`));
    socket.once("error", reject);
    socket.once("data", () => resolve(() => socket.destroy()));
  });
}
