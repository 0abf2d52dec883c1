import neo4j, { type Driver } from "neo4j-driver";

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
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    logging: {
      level: "warn",
      logger: (level, message) => console.error(`[neo4j ${level}] ${message}`),
    },
    userAgent: "imss-knowledge-graph",
  });
}
