import type { Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";

/** `/ready`: 200 when Neo4j answers a query within a second, 503 when it does not. */
export function useReadiness(
  driver: Driver,
  database: string | undefined,
  path = "/ready",
): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI, url }) {
      if ((url ?? new URL(request.url)).pathname !== path) return;
      let ready = true;
      let reason: string | undefined;
      const session = driver.session({ database, defaultAccessMode: "READ" });
      try {
        await Promise.race([
          session.run("RETURN 1"),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("no answer within 1 s")), 1_000).unref(),
          ),
        ]);
      } catch (error) {
        ready = false;
        reason = (error as Error).message.split("\n")[0];
      } finally {
        void session.close().catch(() => {});
      }
      endResponse(
        new fetchAPI.Response(
          JSON.stringify(ready ? { status: "ready" } : { status: "unavailable", neo4j: reason }),
          {
            status: ready ? 200 : 503,
            headers: { "content-type": "application/json; charset=utf-8" },
          },
        ),
      );
    },
  };
}
