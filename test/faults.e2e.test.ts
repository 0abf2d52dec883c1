import { readFileSync, rmSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../src/db/driver.js";
import { LocalNeo4j } from "../src/local-neo4j/local-neo4j.js";
import { applySchemaAndSeeds } from "../src/seed/load-seeds.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { freePort } from "./support/spawn-server.js";

/**
 * When Neo4j goes away, requests fail fast with a clear error and /ready says 503;
 * when it comes back, the server recovers by itself, and nothing acknowledged is lost.
 * This file runs its own Neo4j, so that stopping it disturbs no other test.
 */

const DIR = ".data/neo4j-fault-test";
const PASSWORD = "fault-test-password";
const TOKEN = "fault-test-token-0123456789";
const DOC = "000_c6cef239523a3d84";
const QUOTE = "25 Highly Specialty Medical Units (UMAE)";

let neo4j: LocalNeo4j;
let driver: Driver;
let server: TestServer;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
};

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  neo4j = new LocalNeo4j({
    dir: DIR,
    boltPort: await freePort(),
    password: PASSWORD,
    heap: "512m",
    pageCache: "128m",
  });
  await neo4j.start();
  driver = createDriver({ uri: neo4j.uri, username: "neo4j", password: PASSWORD });
  await applySchemaAndSeeds(driver, undefined);
  server = await startTestServer(driver, undefined, {
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await driver?.close();
  await neo4j?.stop();
  rmSync(DIR, { recursive: true, force: true });
}, 120_000);

describe("Neo4j going away and coming back", () => {
  it("fails fast and clearly while Neo4j is down, recovers by itself, and loses no acknowledged write", async () => {
    const text = readFileSync(`seeds/documents/${DOC}.txt`, "utf8");
    const write = await server.graphql<{ addFact: { key: string } }>(
      `mutation($input: FactInput!) { addFact(input: $input) { key } }`,
      {
        input: {
          key: "fault-test-umae",
          variable: "facility-count",
          about: "umae",
          scope: "imss",
          period: "jan-20-2022",
          statistic: "STOCK",
          value: 25,
          unit: "COUNT",
          citations: [{ document: DOC, quote: QUOTE, start: text.indexOf(QUOTE) }],
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(write.body.errors).toBeUndefined();
    expect(write.body.data?.addFact.key).toBe("fault-test-umae");

    await neo4j.stop();

    const [ready, readyMs] = await timed(() => fetch(`${server.url}/ready`));
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(3_000);

    const [down, downMs] = await timed(() => server.graphql(`{ entity(key: "umae") { name } }`));
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(down.body.errors?.[0]?.message).toMatch(/database is unavailable/);
    expect(downMs).toBeLessThan(10_000);

    const [health] = await timed(() => fetch(`${server.url}/health`));
    expect(health.status).toBe(200); // alive, though not ready

    await neo4j.start();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i += 1) {
      recovered = (await fetch(`${server.url}/ready`)).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);

    const after = await server.graphql<{
      fact: { key: string; value: number; citations: { quote: string }[] };
    }>(`{ fact(key: "fault-test-umae") { key value citations { quote } } }`);
    expect(after.status).toBe(200);
    expect(after.body.data?.fact).toEqual({
      key: "fault-test-umae",
      value: 25,
      citations: [{ quote: QUOTE }],
    });
  }, 240_000);
});
