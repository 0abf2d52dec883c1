import { createServer, type Server } from "node:http";
import { createYoga } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import type { Context } from "./context.js";
import { Db } from "./db/db.js";
import { GRAPHIQL_TOUR } from "./graphiql-tour.js";
import { useQueryCount } from "./plugins/use-query-count.js";
import { schema } from "./schema.js";

export interface ServerOptions {
  driver: Driver;
  database: string | undefined;
}

/** The Yoga app: GraphQL (and GraphiQL) at /graphql, liveness at /health. */
export function createApp({ driver, database }: ServerOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    graphiql: { title: "IMSS knowledge graph", defaultQuery: GRAPHIQL_TOUR },
    plugins: [useQueryCount()],
    context: (): Context => ({ db: new Db(driver, database), loaders: new Map() }),
  });
}

export function createHttpServer(options: ServerOptions): Server {
  return createServer(createApp(options));
}
