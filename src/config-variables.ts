import { z } from "zod";
import type { CorsOrigins } from "./config.js";

/** The environment variables that loadConfig reads, each with its check and default. */

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const memorySize = z.string().regex(/^\d+[kmg]$/i, "must be a size such as 512m or 2g");

const booleanFlag = z.enum(["true", "false", "1", "0"], { error: "must be true or false" });

export const VARIABLES = {
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
  /**
   * Redis shared by several server processes (events and cache invalidations travel through it);
   * unset: everything stays in this process.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]+$/, "must be a Redis URL such as redis://127.0.0.1:6379")
    .optional(),
  /** off: any operation text is accepted; only: only the explorer's trusted documents, by hash. */
  TRUSTED_DOCUMENTS: z.enum(["off", "only"], { error: "must be off or only" }).default("off"),
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
