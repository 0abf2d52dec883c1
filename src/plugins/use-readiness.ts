import { useReadinessCheck } from "graphql-yoga";
import type { Driver } from "neo4j-driver";

/** `/ready` (Yoga's readiness check): 200 when Neo4j answers `RETURN 1` within a second, else 503. */
export function useReadiness(driver: Driver, database: string | undefined) {
  return useReadinessCheck({
    endpoint: "/ready",
    check: async ({ fetchAPI }) => {
      const json = (status: number, body: object) =>
        new fetchAPI.Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json; charset=utf-8" },
        });
      const session = driver.session({ database, defaultAccessMode: "READ" });
      try {
        await Promise.race([
          session.run("RETURN 1"),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("no answer within 1 s")), 1_000).unref(),
          ),
        ]);
        return json(200, { status: "ready" });
      } catch (error) {
        return json(503, { status: "unavailable", neo4j: (error as Error).message.split("\n")[0] });
      } finally {
        void session.close().catch(() => {});
      }
    },
  });
}
