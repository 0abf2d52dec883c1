import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { Neo4jError } from "neo4j-driver";
import { isUnavailable } from "../db/unavailable.js";

const TIMED_OUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;

/**
 * Turns database failures into clear errors the client can act on (instead of a
 * masked "Unexpected error"): 503 when Neo4j is unreachable, 504 when a query ran
 * out of time. Nothing internal (Cypher, stack) is exposed.
 */
export function useDatabaseErrors(): Plugin {
  const translate = (error: unknown): GraphQLError | undefined => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (!(original instanceof Neo4jError)) return undefined;
    if (isUnavailable(original)) {
      return new GraphQLError(
        "The database is unavailable right now; nothing was changed. Try again shortly.",
        {
          extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503 } },
        },
      );
    }
    if (TIMED_OUT.test(original.code)) {
      return new GraphQLError(
        "The query ran out of time; nothing was changed. Ask for less (smaller pages, fewer hops).",
        {
          extensions: { code: "QUERY_TIMEOUT", http: { status: 504 } },
        },
      );
    }
    return undefined;
  };
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !result.errors) return;
          let changed = false;
          const errors = result.errors.map((e) => {
            const t = translate(e);
            if (!t) return e;
            changed = true;
            return new GraphQLError(t.message, { path: e.path, extensions: t.extensions });
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}
