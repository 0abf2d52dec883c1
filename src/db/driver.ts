import neo4j, { type Driver } from "neo4j-driver";
// Before any driver opens a socket: Bolt without Nagle's algorithm (see tcp-no-delay.ts).
import "./tcp-no-delay.js";

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
}

/** One driver per process; the caller closes it. Integers come back as JS numbers. */
export function createDriver({ uri, username, password }: DriverOptions): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(username, password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    // Fail fast when Neo4j is away (the request gets a clear 503), recover by itself when it is back.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 3_000,
    logging: {
      level: "warn",
      logger: (level, message) => console.error(`[neo4j ${level}] ${message}`),
    },
    userAgent: "imss-knowledge-graph",
  });
}
