import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";

/**
 * Reports in `extensions.databaseQueries` how many Cypher queries the operation
 * sent: the batching (DataLoader per request) made visible to every client.
 */
export function useQueryCount(): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!("data" in result || "errors" in result)) return;
          const db = (args.contextValue as Context).db;
          setResult({
            ...result,
            extensions: { ...result.extensions, databaseQueries: db.roundTrips },
          });
        },
      };
    },
  };
}
