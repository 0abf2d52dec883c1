import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Driver } from "neo4j-driver";
import type { HttpSettings } from "../src/config.js";
import { createDriver } from "../src/db/driver.js";
import { LocalNeo4j } from "../src/local-neo4j/local-neo4j.js";
import { applySchemaAndSeeds } from "../src/seed/load-seeds.js";
import { createHttpServer } from "../src/server.js";

/** A fresh local Neo4j (seeded) and the server over it, both on loopback, for the ops scripts. */

export const CURATOR_TOKEN = "ops-script-token-0123456789";

/** The password of the harness's Neo4j (loopback only). */
export const NEO4J_PASSWORD = "ops-script-password";

export interface Harness {
  neo4j: LocalNeo4j;
  driver: Driver;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(
  dir: string,
  boltPort: number,
  http: Partial<HttpSettings> = {},
): Promise<Harness> {
  rmSync(dir, { recursive: true, force: true });
  const password = NEO4J_PASSWORD;
  const neo4j = new LocalNeo4j({
    dir,
    boltPort,
    password,
    heap: "1g",
    pageCache: "512m",
    log: (l) => console.log(l),
  });
  await neo4j.start();
  const driver = createDriver({ uri: neo4j.uri, username: "neo4j", password });
  await applySchemaAndSeeds(driver, undefined);
  const server: Server = createHttpServer({
    driver,
    database: undefined,
    http: {
      auth: { curatorToken: CURATOR_TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
      ...http,
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    neo4j,
    driver,
    url,
    async close() {
      // Let requests in flight finish before the driver goes.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      await closed;
      await driver.close();
      await neo4j.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Only loopback targets: these scripts never send traffic anywhere else. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && !host.startsWith("127.")) {
    throw new Error(`Refusing to send load to ${host}: loopback addresses only.`);
  }
}

/** The read operations of the mix (what each kind of user asks). */
export const READS = [
  `{ entity(key: "imss-bienestar") { name ... on Program { facilityTypes(first: 10) { edges { node { name } fact { value citations { quote } } } } } } }`,
  `{ entities(first: 20, filter: { kinds: [SERVICE] }) { totalCount edges { node { key name } } } }`,
  `{ facts(filter: { variable: "services-delivered", period: "typical-day-2021" }, first: 20) { totalCount edges { node { key value } } } }`,
  `{ search(text: "rural hospital", first: 5) { edges { node { kind score } } } }`,
  `{ paths(from: "imss-bienestar", to: "rural-hospital") { length steps { relation } } }`,
  `{ conflicts { note facts { value } } consistencyChecks { consistent partsSum } }`,
];
