import { availableParallelism } from "node:os";
import type { z } from "zod";
import { VARIABLES } from "./config-variables.js";

/**
 * Configuration from the environment, by Neo4j's own conventions.
 * Invalid values fail at start with a message naming the variable.
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = "ConfigError";
  }
}

/** `*`: any origin may call the API, without credentials; a list: only these, with credentials. */
export type CorsOrigins = "*" | string[];

/** The password of the local Neo4j, used when NEO4J_PASSWORD is not set. Loopback only. */
export const LOCAL_DEFAULT_PASSWORD = "imss-local-password";

export interface Config {
  port: number;
  host: string;
  neo4j: {
    /** Absent: the project starts its own local Neo4j. */
    uri: string | undefined;
    username: string;
    password: string;
    database: string | undefined;
  };
  local: { boltPort: number; dir: string; heap: string; pageCache: string };
  seedOnStart: boolean;
  http: HttpSettings;
}

export interface HttpSettings {
  auth: {
    curatorToken: string | undefined;
    jwtSecret: string | undefined;
    jwtIssuer: string | undefined;
  };
  graphiql: boolean;
  introspection: boolean;
  /** "only": operations are accepted only as the hash of a trusted document. */
  trustedDocuments: "off" | "only";
  /** Redis shared by several servers; absent: events and cache invalidations stay in process. */
  redisUrl: string | undefined;
  development: boolean;
  queryTimeoutMs: number;
  maxBodyBytes: number;
  log: boolean;
  corsOrigins: CorsOrigins;
  draft: DraftLimits;
  /** The base of the RDF exports' IRIs (PUBLIC_BASE_URL), without a trailing slash. */
  publicBaseUrl: string;
}

/** Limits of `draft` and of the CPU work of requests (src/workers/). */
export interface DraftLimits {
  /** The most characters of a text to draft. */
  maxChars: number;
  /** The time budget of one draft, or of one check of a facts file. */
  timeoutMs: number;
  /** Drafts a curator may start per minute, on average... */
  perMinute: number;
  /** ...and at once. */
  burst: number;
  /** Worker threads. */
  workers: number;
}

const DEFAULT_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));

export const DEFAULT_DRAFT_LIMITS: DraftLimits = {
  maxChars: 20_000,
  timeoutMs: 10_000,
  perMinute: 12,
  burst: 4,
  workers: DEFAULT_WORKERS,
};

/** What the HTTP layer uses when nothing is configured (tests, tools). */
export const DEFAULT_HTTP: HttpSettings = {
  auth: { curatorToken: undefined, jwtSecret: undefined, jwtIssuer: undefined },
  graphiql: true,
  introspection: true,
  trustedDocuments: "off",
  redisUrl: undefined,
  development: false,
  queryTimeoutMs: 5_000,
  maxBodyBytes: 100_000,
  log: false,
  corsOrigins: "*",
  draft: DEFAULT_DRAFT_LIMITS,
  publicBaseUrl: "http://localhost:4000",
};

const flag = (value: string) => value === "true" || value === "1";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = <K extends keyof typeof VARIABLES>(name: K): z.output<(typeof VARIABLES)[K]> => {
    const raw = env[name];
    const result = VARIABLES[name].safeParse(raw === "" ? undefined : raw);
    if (!result.success) {
      throw new ConfigError(name, result.error.issues[0]?.message ?? "is invalid");
    }
    return result.data as z.output<(typeof VARIABLES)[K]>;
  };

  const uri = read("NEO4J_URI");
  const password = read("NEO4J_PASSWORD");
  const httpPort = read("PORT");
  const config: Config = {
    port: httpPort,
    host: read("HOST"),
    neo4j: {
      uri,
      username: read("NEO4J_USERNAME"),
      password: password ?? LOCAL_DEFAULT_PASSWORD,
      database: read("NEO4J_DATABASE"),
    },
    local: {
      boltPort: read("NEO4J_LOCAL_PORT"),
      dir: read("NEO4J_LOCAL_DIR"),
      heap: read("NEO4J_LOCAL_HEAP"),
      pageCache: read("NEO4J_LOCAL_PAGECACHE"),
    },
    seedOnStart: flag(read("SEED_ON_START")),
    http: {
      auth: {
        curatorToken: read("CURATOR_TOKEN"),
        jwtSecret: read("JWT_SECRET"),
        jwtIssuer: read("JWT_ISSUER"),
      },
      graphiql: flag(read("GRAPHIQL")),
      introspection: flag(read("INTROSPECTION")),
      trustedDocuments: read("TRUSTED_DOCUMENTS"),
      redisUrl: read("REDIS_URL"),
      development: read("NODE_ENV") === "development",
      queryTimeoutMs: read("QUERY_TIMEOUT_MS"),
      maxBodyBytes: read("MAX_BODY_BYTES"),
      log: read("LOG_FORMAT") === "json",
      corsOrigins: read("CORS_ORIGINS"),
      draft: {
        maxChars: read("DRAFT_MAX_CHARS"),
        timeoutMs: read("DRAFT_TIMEOUT_MS"),
        perMinute: read("DRAFT_RATE_PER_MINUTE"),
        burst: read("DRAFT_BURST"),
        workers: read("CPU_WORKERS") ?? DEFAULT_WORKERS,
      },
      publicBaseUrl: read("PUBLIC_BASE_URL") ?? `http://localhost:${httpPort}`,
    },
  };
  if (uri && !password) {
    throw new ConfigError("NEO4J_PASSWORD", "must be set when NEO4J_URI is set");
  }
  if (!uri && config.port === config.local.boltPort) {
    throw new ConfigError("NEO4J_LOCAL_PORT", `must differ from PORT (${config.port})`);
  }
  return config;
}
