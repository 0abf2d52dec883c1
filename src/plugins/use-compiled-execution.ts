import { useGraphQlJit } from "@envelop/graphql-jit";
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type Source,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Executes operations with graphql-jit (compiled once per document, then run as plain
 * functions) instead of graphql-js's interpreter: less CPU per request, the more so the
 * larger the answer (bench/README.md).
 *
 * - A document is compiled the second time it is executed, not the first: clients send
 *   the same few operations again and again, while a client sending a new document every
 *   time would otherwise make the server compile (milliseconds) for each one.
 * - Variables that do not fit their types are left to graphql-js, so that the answer is
 *   the same 400 with the same message either way.
 * - graphql-jit's errors carry their locations but not the source positions Yoga rebuilds
 *   errors from; they get them back, so that GraphiQL can point at the failing field.
 * test/compiled-execution.e2e.test.ts checks that both ways answer alike.
 */
export function useCompiledExecution(): Plugin {
  const seen = new WeakMap<DocumentNode, true>();
  const compiled = new WeakSet<object>();
  const jit = useGraphQlJit(
    {},
    {
      enableIf: (args) => {
        if (!seen.has(args.document)) {
          seen.set(args.document, true);
          return false;
        }
        if (!variablesFit(args)) return false;
        compiled.add(args.contextValue as object);
        return true;
      },
    },
  ) as Plugin;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(jit);
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!compiled.has(args.contextValue as object)) return;
          if (!("errors" in result) || !result.errors?.length) return;
          const source = args.document.loc?.source;
          if (!source) return;
          setResult({ ...result, errors: result.errors.map((e) => located(e, source)) });
        },
      };
    },
  };
}

function variablesFit(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return false;
  const coerced = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    args.variableValues ?? {},
  );
  return !coerced.errors;
}

/** The error with source positions for its locations (as graphql-js would have built it). */
function located(error: GraphQLError, source: Source): GraphQLError {
  if (error.nodes || !error.locations?.length) return error;
  // Line terminators as graphql-js counts them (getLocation).
  const lineStarts = [0];
  for (const m of source.body.matchAll(/\r\n|[\n\r]/g)) lineStarts.push(m.index + m[0].length);
  const positions = error.locations.map((l) => (lineStarts[l.line - 1] ?? 0) + l.column - 1);
  return new GraphQLError(error.message, {
    source,
    positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
