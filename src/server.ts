import { createServer, type Server } from "node:http";
import { type CORSOptions, createYoga, type Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { Registry } from "prom-client";
import { credentialsFrom } from "./auth/curator-from-request.js";
import { type CorsOrigins, DEFAULT_HTTP, type HttpSettings } from "./config.js";
import type { Context } from "./context.js";
import { Db } from "./db/db.js";
import { GRAPHIQL_TOUR } from "./graphiql-tour.js";
import {
  type CompiledExecutionOptions,
  useCompiledExecution,
} from "./plugins/use-compiled-execution.js";
import { useBodyLimit } from "./plugins/use-body-limit.js";
import { useCsrfPrevention } from "./plugins/use-csrf-prevention.js";
import { useDatabaseErrors } from "./plugins/use-database-errors.js";
import { useExports } from "./plugins/use-exports.js";
import { type DocumentLimits, useLimits } from "./plugins/use-limits.js";
import { useMetrics } from "./plugins/use-metrics.js";
import { useNoIntrospection } from "./plugins/use-no-introspection.js";
import { renderOfflineGraphiQL, useOfflineGraphiQL } from "./plugins/use-offline-graphiql.js";
import { useQueryCount } from "./plugins/use-query-count.js";
import { useReadiness } from "./plugins/use-readiness.js";
import { useRequestLog } from "./plugins/use-request-log.js";
import { useSecurityHeaders } from "./plugins/use-security-headers.js";
import { useWebApp } from "./plugins/use-web-app.js";
import { schema } from "./schema.js";
import { CpuWork } from "./workers/cpu-work.js";

export interface ServerOptions {
  driver: Driver;
  database: string | undefined;
  http?: Partial<HttpSettings>;
  /** Which documents are compiled, and how many kept (defaults: use-compiled-execution.ts). */
  compile?: CompiledExecutionOptions;
  /** The worker pool of drafts and facts checks (default: one made with `http.draft`). */
  cpu?: CpuWork;
}

/**
 * Limits against hostile documents (src/plugins/use-limits.ts), sized so that every real query
 * of the API fits. README.md ("Limits") explains each, and the cost.
 */
export const LIMITS: DocumentLimits = {
  maxNesting: 64,
  maxDepth: 14,
  maxAliases: 15,
  maxTokens: 3_000,
  maxDirectives: 20,
  maxCost: 1_000_000,
};

/**
 * The Yoga app: GraphQL (and GraphiQL, with its files at /graphiql/*) at /graphql, /health,
 * /ready, /metrics, the exports at /export/* (facts.csv, graph.jsonld, graph.ttl), and the explorer web app at / and its paths (dist/web, built from web/).
 * Each cross-cutting concern is one plugin.
 */
export function createApp({ driver, database, http, compile, cpu }: ServerOptions) {
  const settings: HttpSettings = { ...DEFAULT_HTTP, ...http };
  const work = cpu ?? new CpuWork(settings.draft);
  // What /metrics serves: useMetrics's own metrics and those other plugins register in it.
  const registry = new Registry();
  // Plugins of several context types share one list; Yoga merges their contexts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const plugins: Plugin<any>[] = [
    useRequestLog(settings.log ? (line) => process.stdout.write(`${line}\n`) : undefined),
    useSecurityHeaders(),
    useBodyLimit(settings.maxBodyBytes),
    useReadiness(driver, database),
    useWebApp(),
    useExports(driver, database, settings.publicBaseUrl),
    ...(settings.graphiql ? [useOfflineGraphiQL()] : []),
    useCsrfPrevention(),
    ...useLimits(LIMITS, { hideSuggestions: !settings.development }),
    ...(settings.introspection ? [] : [useNoIntrospection()]),
    useMetrics(registry),
    useDatabaseErrors(),
    useQueryCount(),
    useCompiledExecution(compile),
  ];

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    graphiql: settings.graphiql
      ? { title: "IMSS knowledge graph", defaultQuery: GRAPHIQL_TOUR }
      : false,
    renderGraphiQL: renderOfflineGraphiQL,
    cors: corsOptionsOf(settings.corsOrigins),
    maskedErrors: { isDev: settings.development },
    // useBodyLimit refuses a body over the limit, or of unknown size, before it is read; Yoga's
    // own limit would pipe every body through a byte-counting stream to find what
    // Content-Length already says.
    maxRequestBodySize: false,
    plugins,
    context: async ({ request }): Promise<Context> => ({
      db: new Db(driver, database, settings.queryTimeoutMs),
      cpu: work,
      ...(await credentialsFrom(request.headers.get("authorization"), settings.auth)),
    }),
  });
}

/** Yoga's CORS options for CORS_ORIGINS: a listed origin may send credentials, `*` never. */
function corsOptionsOf(origins: CorsOrigins): CORSOptions {
  return {
    origin: origins === "*" ? "*" : origins,
    credentials: origins !== "*",
    methods: ["GET", "POST"],
    maxAge: 600,
  };
}

/** The HTTP server; closing it terminates its worker pool. */
export function createHttpServer(options: ServerOptions): Server {
  const cpu = options.cpu ?? new CpuWork({ ...DEFAULT_HTTP, ...options.http }.draft);
  const server = createServer(createApp({ ...options, cpu }));
  server.on("close", () => void cpu.close());
  return server;
}
