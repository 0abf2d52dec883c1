import { availableParallelism } from "node:os";
import { z } from "zod";

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

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const memorySize = z.string().regex(/^\d+[kmg]$/i, "must be a size such as 512m or 2g");

const booleanFlag = z.enum(["true", "false", "1", "0"], { error: "must be true or false" });

const variables = {
  PORT: port.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+/,
      "must be a Neo4j URI such as neo4j://host:7687, neo4j+s://xxxx.databases.neo4j.io or bolt://localhost:7687",
    )
    .optional(),
  NEO4J_USERNAME: z.string().min(1, "must not be empty").default("neo4j"),
  NEO4J_PASSWORD: z.string().min(8, "must have at least 8 characters").optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, "must be a Neo4j database name")
    .optional(),
  /** Bolt port of the local Neo4j that the project starts when NEO4J_URI is not set. */
  NEO4J_LOCAL_PORT: port.default(7687),
  /** Folder of the local Neo4j's data, logs and configuration. */
  NEO4J_LOCAL_DIR: z.string().min(1).default(".data/neo4j"),
  NEO4J_LOCAL_HEAP: memorySize.default("1g"),
  NEO4J_LOCAL_PAGECACHE: memorySize.default("1g"),
  /** Load the seeds at start-up when the database holds no document. */
  SEED_ON_START: booleanFlag.default("true"),
  /** A shared secret that makes its bearer a curator (writes). */
  CURATOR_TOKEN: z.string().min(16, "must have at least 16 characters").optional(),
  /** HS256 secret of the curators' JWTs. */
  JWT_SECRET: z.string().min(32, "must have at least 32 characters").optional(),
  /** The issuer the JWTs must name, if set. */
  JWT_ISSUER: z.string().min(1).optional(),
  /** Serve GraphiQL at /graphql to browsers. */
  GRAPHIQL: booleanFlag.default("true"),
  /** Answer introspection queries. */
  INTROSPECTION: booleanFlag.default("true"),
  /** development: error details are shown; anything else: masked. */
  NODE_ENV: z.string().default("production"),
  /** Time limit of every Neo4j transaction. */
  QUERY_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(100)
    .max(600_000)
    .default(5_000),
  /** Largest request body accepted. */
  MAX_BODY_BYTES: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1_000)
    .max(10_000_000)
    .default(100_000),
  /** Origins of frontend apps allowed to call the API from a browser: `*` (any, without credentials) or a list. */
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((value, ctx): CorsOrigins => {
      if (value.trim() === "*") return "*";
      const origins = value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((origin) => origin.replace(/\/$/, ""));
      const bad = origins.find((origin) => !isOrigin(origin));
      if (bad !== undefined || origins.length === 0) {
        ctx.addIssue({
          code: "custom",
          message: `must be * or a comma-separated list of origins such as https://app.example.org,http://localhost:5173${bad === undefined ? "" : ` (not an origin: ${bad})`}`,
        });
        return z.NEVER;
      }
      return origins;
    }),
  /** The most characters of a text `draft` takes. */
  DRAFT_MAX_CHARS: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1_000)
    .max(50_000)
    .default(20_000),
  /** The time budget of one draft (or one check of an ingested facts file): over it, it is cancelled. */
  DRAFT_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(100)
    .max(600_000)
    .default(10_000),
  /** Drafts a curator may start per minute (on average)... */
  DRAFT_RATE_PER_MINUTE: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1)
    .max(100_000)
    .default(12),
  /** ...and at once. */
  DRAFT_BURST: z.coerce.number({ error: "must be a number" }).int().min(1).max(10_000).default(4),
  /** Worker threads for drafts and facts checks (default: the cores but one, 1 to 4). */
  CPU_WORKERS: z.coerce.number({ error: "must be a number" }).int().min(1).max(64).optional(),
  /**
   * The address the public reaches this server at: the base of every IRI of the RDF exports
   * (never the request's Host header, which the client chooses). Default: http://localhost:PORT.
   */
  PUBLIC_BASE_URL: z
    .string()
    .optional()
    .transform((value, ctx): string | undefined => {
      if (value === undefined) return undefined;
      const base = publicBaseUrl(value);
      if (base === undefined) {
        ctx.addIssue({
          code: "custom",
          message:
            "must be an http or https URL with no query or fragment, such as https://imss-graph.example.org or https://example.org/imss",
        });
        return z.NEVER;
      }
      return base;
    }),
  /** Log format: json (one line per request) or none. */
  LOG_FORMAT: z.enum(["json", "none"], { error: "must be json or none" }).default("json"),
} as const;

/** `*`: any origin may call the API, without credentials; a list: only these, with credentials. */
export type CorsOrigins = "*" | string[];

/** scheme://host[:port], nothing more: what a browser sends in its Origin header. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === text;
  } catch {
    return false;
  }
}

/** `text` as a base URL (no trailing slash), or undefined when it is not one. */
function publicBaseUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (url.search || url.hash || url.username || url.password) return undefined;
    return url.href.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

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
  const read = <K extends keyof typeof variables>(name: K): z.output<(typeof variables)[K]> => {
    const raw = env[name];
    const result = variables[name].safeParse(raw === "" ? undefined : raw);
    if (!result.success) {
      throw new ConfigError(name, result.error.issues[0]?.message ?? "is invalid");
    }
    return result.data as z.output<(typeof variables)[K]>;
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
