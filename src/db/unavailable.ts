import { Neo4jError } from "neo4j-driver";

/** Neo4j error codes that mean "the database is not there right now". */
const UNAVAILABLE = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** Whether `error` says that Neo4j is not there (stopped, unreachable, shutting down). */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (UNAVAILABLE.has(error.code) || error.code.startsWith("Neo.TransientError.General.Database"))
  );
}
