import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, neo4jProcessesFor, spawnMain, stopAllMains } from "./support/spawn-server.js";
import { testNeo4jEnv } from "./support/neo4j.js";

async function query(port: number, q: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown> },
  };
}

describe("npm start (src/main.ts)", () => {
  // A failed test must not leave a server (and its Neo4j) running.
  afterEach(stopAllMains, 120_000);

  it("fails at start with a message naming a bad variable", async () => {
    const main = spawnMain({ PORT: "forty", NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain("Invalid configuration: PORT must be a number");

    const badUri = spawnMain({
      NEO4J_URI: "http://localhost:7474",
      NEO4J_PASSWORD: "whatever-password",
    });
    expect(await badUri.exited).toBe(1);
    expect(badUri.output()).toMatch(/Invalid configuration: NEO4J_URI must be a Neo4j URI/);

    const noPassword = spawnMain({ NEO4J_URI: "neo4j://127.0.0.1:7687" });
    expect(await noPassword.exited).toBe(1);
    expect(noPassword.output()).toContain("NEO4J_PASSWORD must be set when NEO4J_URI is set");
  });

  it("says so, and names the alternatives, when Java is missing", async () => {
    // A PATH with node but without java or mvn.
    const bin = mkdtempSync(join(tmpdir(), "node-only-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const main = spawnMain({ PATH: bin, NEO4J_LOCAL_DIR: ".data/neo4j-no-java-test" });
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/Java was not found/);
    expect(main.output()).toMatch(/docker compose/);
    expect(main.output()).toMatch(/NEO4J_URI/);
  });

  it("uses the Neo4j named by NEO4J_URI, starts none, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const main = spawnMain({
      PORT: String(port),
      ...testNeo4jEnv(),
    });
    await main.waitFor(/Ready in/);
    expect(main.output()).not.toContain("Starting Neo4j");
    const { status, body } = await query(port, "{ __typename institute { key } }");
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: "Query", institute: { key: "imss" } });
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain("stopped.");
  });

  it("starts and seeds its own Neo4j, leaves no Neo4j behind on SIGTERM, and reuses the data", async () => {
    const dir = ".data/neo4j-lifecycle-test";
    const home = resolve(dir);
    rmSync(dir, { recursive: true, force: true });
    const env = async () => ({
      PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: dir,
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP: "512m",
      NEO4J_LOCAL_PAGECACHE: "128m",
    });

    const firstEnv = await env();
    const first = spawnMain(firstEnv);
    await first.waitFor(/Ready in/, 170_000);
    expect(first.output()).toContain("Starting Neo4j");
    expect(first.output()).toMatch(/Seeded an empty database: \d+ nodes/);
    expect(neo4jProcessesFor(home)).toHaveLength(1);
    const answer = await query(Number(firstEnv.PORT), "{ institute { key } }");
    expect(answer.body.data).toEqual({ institute: { key: "imss" } });
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(neo4jProcessesFor(home)).toEqual([]);
    expect(existsSync(resolve(dir, "run", "neo4j.pid"))).toBe(false);
    expect(existsSync(resolve(dir, "run", "owner.pid"))).toBe(false);

    const secondEnv = await env();
    const second = spawnMain(secondEnv);
    await second.waitFor(/Ready in/, 170_000);
    expect(second.output()).not.toContain("Seeded");
    const again = await query(Number(secondEnv.PORT), "{ institute { key } }");
    expect(again.body.data).toEqual({ institute: { key: "imss" } });
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(neo4jProcessesFor(home)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 400_000);
});
