import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createYoga } from "graphql-yoga";
import neo4j, { type Driver } from "neo4j-driver";
import {
  COMPILED_KEPT,
  type CompiledExecutionOptions,
} from "../src/plugins/use-compiled-execution.js";
import { createApp } from "../src/server.js";
import { neo4jGraphqlSchema } from "./neo4j-graphql-schema.js";
import { operations, PLACEHOLDER_FIXTURE, type Target } from "./operations.js";

/**
 * The three things measured, each an HTTP server on loopback taking a JSON POST:
 * - ours: this project's Yoga app (src/server.ts), exactly as `npm start` serves it;
 * - peer: @neo4j/graphql's schema served by the same Yoga;
 * - raw:  the hand-written Cypher of each operation run through neo4j-driver
 *         (body `{"op": name, "params": {...}}`), answered as JSON: the floor.
 * All three use the project's driver settings (createDriver), a read transaction
 * per query (ours and raw: an auto-commit query in a READ session, as src/db/db.ts
 * reads; @neo4j/graphql: its own), and name the database in every session (as src/db/open-database.ts
 * makes this server do; @neo4j/graphql always does).
 */

/**
 * This server's compile options: its own defaults, unless the run is the experiment of
 * `--compile-budget` (BENCH_COMPILE_BUDGET), where documents of up to that many fields are
 * compiled and kept.
 */
function compileOptions(): CompiledExecutionOptions | undefined {
  const budget = process.env.BENCH_COMPILE_BUDGET;
  if (!budget) return undefined;
  return { budget: Number(budget), keep: Math.max(COMPILED_KEPT, Number(budget)) };
}

export async function createTargetServer(
  target: Target,
  driver: Driver,
  database: string,
): Promise<Server> {
  if (target === "ours")
    return createServer(createApp({ driver, database, compile: compileOptions() }));
  if (target === "peer") {
    const yoga = createYoga({
      schema: await neo4jGraphqlSchema(driver),
      graphqlEndpoint: "/graphql",
      healthCheckEndpoint: "/health",
      landingPage: false,
      graphiql: false,
    });
    return createServer(yoga);
  }
  return createServer(rawHandler(driver, database));
}

/** The floor: one named Cypher query per request, its records as JSON. */
export function rawHandler(driver: Driver, database: string) {
  const queries = new Map(operations(PLACEHOLDER_FIXTURE).map((op) => [op.name, op.raw]));
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        try {
          if (req.url === "/health") {
            res.writeHead(200).end("ok");
            return;
          }
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
            op: string;
            params: Record<string, unknown>;
          };
          const query = queries.get(body.op);
          if (!query) throw new Error(`no operation ${body.op}`);
          const params: Record<string, unknown> = { ...body.params };
          for (const name of query.ints ?? []) params[name] = neo4j.int(params[name] as number);
          const session = driver.session({ database, defaultAccessMode: "READ" });
          try {
            const result = await session.run(query.cypher, params);
            const json = JSON.stringify({ data: result.records.map((r) => r.toObject()) });
            res.writeHead(200, { "content-type": "application/json" }).end(json);
          } finally {
            await session.close();
          }
        } catch (error) {
          res
            .writeHead(500, { "content-type": "application/json" })
            .end(JSON.stringify({ errors: [{ message: String(error) }] }));
        }
      })();
    });
  };
}
