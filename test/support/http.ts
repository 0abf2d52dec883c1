import type { AddressInfo } from "node:net";
import type { Driver } from "neo4j-driver";
import type { HttpSettings } from "../../src/config.js";
import { createHttpServer } from "../../src/server.js";
import { testDriver } from "./neo4j.js";
import { useForTests } from "./use-for-tests.js";

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** POSTs a GraphQL operation and returns the parsed JSON body with the HTTP status. */
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
}

/** The real HTTP server on an ephemeral loopback port, over the run's Neo4j. */
export async function startTestServer(
  driver: Driver,
  database: string | undefined,
  http: Partial<HttpSettings> = {},
): Promise<TestServer> {
  const server = createHttpServer({ driver, database, http });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

/**
 * The real HTTP server over the run's Neo4j for the tests of the enclosing file or describe
 * block: started before them, closed (with its driver) after them. Read `server` and `driver`
 * inside the tests.
 */
export function useTestServer(http: Partial<HttpSettings> = {}): {
  readonly server: TestServer;
  readonly driver: Driver;
} {
  const get = useForTests(
    "useTestServer",
    async () => {
      const { driver, database } = testDriver();
      return { driver, server: await startTestServer(driver, database, http) };
    },
    async (running) => {
      await running.server.close();
      await running.driver.close();
    },
  );
  return {
    get server() {
      return get().server;
    },
    get driver() {
      return get().driver;
    },
  };
}
