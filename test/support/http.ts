import type { AddressInfo } from "node:net";
import type { Driver } from "neo4j-driver";
import { createHttpServer } from "../../src/server.js";

export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** POSTs a GraphQL operation and returns the parsed JSON body with the HTTP status. */
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    status: number;
    body: { data?: T; errors?: { message: string; path?: string[] }[] };
  }>;
}

/** The real HTTP server on an ephemeral loopback port, over the run's Neo4j. */
export async function startTestServer(
  driver: Driver,
  database: string | undefined,
): Promise<TestServer> {
  const server = createHttpServer({ driver, database });
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
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
