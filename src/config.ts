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
  /** Load the seeds at start-up when the database holds no Institute. */
  SEED_ON_START: booleanFlag.default("true"),
} as const;

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
}

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
  const config: Config = {
    port: read("PORT"),
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
    seedOnStart: ["true", "1"].includes(read("SEED_ON_START")),
  };
  if (uri && !password) {
    throw new ConfigError("NEO4J_PASSWORD", "must be set when NEO4J_URI is set");
  }
  if (!uri && config.port === config.local.boltPort) {
    throw new ConfigError("NEO4J_LOCAL_PORT", `must differ from PORT (${config.port})`);
  }
  return config;
}
