import { ConfigError } from "../config.js";
import { DatabaseWentAway } from "../db/open-database.js";
import { LocalNeo4jBusy } from "../local-neo4j/local-neo4j.js";
import { SeedError } from "../model/bundle.js";

/** An error a command expects: its message says all, without a stack. */
type Expected = abstract new (...args: never[]) => Error;

/** What the tools that read seeds or use the database expect (each may add its own). */
export const TOOL_ERRORS: readonly Expected[] = [
  SeedError,
  ConfigError,
  DatabaseWentAway,
  LocalNeo4jBusy,
];

/**
 * Runs a command (`npm start`, `npm run seed`...): when it fails, prints the message of an
 * expected error, or the whole error (with its stack) of any other, and exits with 1.
 */
export function runCli(command: () => Promise<void>, expected: readonly Expected[]): void {
  command().catch((error: unknown) => {
    const known = expected.some((kind) => error instanceof kind);
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  });
}
