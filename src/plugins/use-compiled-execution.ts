import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getNamedType,
  getOperationAST,
  getVariableValues,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInputObjectType,
  Kind,
  type SelectionSetNode,
  type Source,
  typeFromAST,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";

// Hand-written, not @envelop/graphql-jit: that plugin would need enableIf for the budget and the
// second run and a size-weighted cache, and is not proven to keep the guarantees listed below.

/**
 * Executes operations with graphql-jit (compiled once per document, then run as plain
 * functions) instead of graphql-js's interpreter: less CPU per request, the more so the
 * larger the answer (bench/README.md).
 *
 * - A document is compiled the second time it is executed, not the first: clients send
 *   the same few operations again and again, while a client sending a new document every
 *   time would otherwise make the server compile for each one.
 * - graphql-jit writes the code of a field on an abstract type once for every type that can
 *   be there (`Entity` has eight), so the code of a document grows eightfold with each level
 *   of nested relations, and a few levels with aliases take seconds and gigabytes to compile
 *   (bench/README.md). A document is compiled only when
 *   the fields graphql-jit would write (`compiledSize`) are at most `budget`; a larger one
 *   runs in graphql-js, which answers the same (test/compile-budget.e2e.test.ts).
 * - Compiled documents are kept while their fields add up to at most `keep`, the least
 *   recently used dropped first, so that their code cannot fill the memory either.
 * - Variables that do not fit their types are left to graphql-js, so that the answer is
 *   the same 400 with the same message either way.
 * - graphql-jit's errors carry their locations but not the source positions Yoga rebuilds
 *   errors from; they get them back, so that GraphiQL can point at the failing field.
 */

export interface CompiledExecutionOptions {
  /** The most fields (as graphql-jit writes them) of a document that is compiled. */
  budget?: number;
  /** The most fields of all documents kept compiled. */
  keep?: number;
  /** Told what became of each document executed a second time (for metrics and tests). */
  onDecision?: (decision: CompileDecision) => void;
}

export type CompileDecision =
  | { outcome: "compiled"; size: number }
  | { outcome: "too-large"; size: number }
  | { outcome: "not-compilable" };

/** The largest document compiled, in fields as graphql-jit writes them (bench/README.md). */
export const COMPILE_BUDGET = 1_500;
export const COMPILED_KEPT = 15_000;

interface Compiled {
  operationName: string | null;
  query: CompiledQuery;
  size: number;
}

export function useCompiledExecution({
  budget = COMPILE_BUDGET,
  keep = COMPILED_KEPT,
  onDecision,
}: CompiledExecutionOptions = {}): Plugin {
  const seen = new WeakSet<DocumentNode>();
  /** Documents that are not compiled, whatever the number of times they run. */
  const interpreted = new WeakSet<DocumentNode>();
  const compiledDocuments = new LRUCache<DocumentNode, Compiled>({
    maxSize: keep,
    sizeCalculation: (entry) => Math.max(1, entry.size),
  });

  function compiledFor(args: ExecutionArgs): Compiled | undefined {
    const { document } = args;
    const operationName = args.operationName ?? null;
    const cached = compiledDocuments.get(document);
    if (cached) return cached.operationName === operationName ? cached : undefined;
    if (interpreted.has(document)) return undefined;
    if (!seen.has(document)) {
      seen.add(document);
      return undefined;
    }
    if (takesRecursiveInput(args.schema, document, operationName)) {
      interpreted.add(document);
      onDecision?.({ outcome: "not-compilable" });
      return undefined;
    }
    const size = compiledSize(args.schema, document, operationName, budget);
    if (size > budget) {
      interpreted.add(document);
      onDecision?.({ outcome: "too-large", size });
      return undefined;
    }
    const query = compileQuery(args.schema, document, operationName ?? undefined);
    if (!isCompiledQuery(query)) {
      interpreted.add(document);
      onDecision?.({ outcome: "not-compilable" });
      return undefined;
    }
    const entry = { operationName, query, size };
    compiledDocuments.set(document, entry);
    onDecision?.({ outcome: "compiled", size });
    return entry;
  }

  return {
    onExecute({ args, setExecuteFn }) {
      const compiled = compiledFor(args);
      if (!compiled || !variablesFit(args)) return;
      setExecuteFn(
        (a: ExecutionArgs) =>
          compiled.query.query(a.rootValue, a.contextValue, a.variableValues) as
            ExecutionResult | Promise<ExecutionResult>,
      );
      return {
        onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !result.errors?.length) return;
          const source = args.document.loc?.source;
          if (!source) return;
          setResult({ ...result, errors: result.errors.map((e) => located(e, source)) });
        },
      };
    },
  };
}

/**
 * Whether the operation has a variable of an input type that contains itself (a `where`'s
 * AND, OR, NOT): graphql-jit writes the code that reads a variable by unrolling its type, which
 * for such a type runs for a minute before it gives up; graphql-js reads it at once.
 */
function takesRecursiveInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
): boolean {
  const operation = getOperationAST(document, operationName ?? undefined);
  const reaches = (type: GraphQLInputType, path: Set<string>): boolean => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return false;
    if (path.has(named.name)) return true;
    path.add(named.name);
    const found = Object.values(named.getFields()).some((f) => reaches(f.type, path));
    path.delete(named.name);
    return found;
  };
  return (operation?.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
    return type !== undefined && reaches(type, new Set());
  });
}

/**
 * How many fields graphql-jit writes code for to compile the operation: each field selected,
 * once for every object type it is selected on (every possible type of an abstract type),
 * through fragments. Counting stops past `limit` (the walk itself would grow as the code does).
 */
export function compiledSize(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  limit: number,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  let count = 0;
  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (!condition) return true;
    const named = schema.getType(condition);
    if (named === type) return true;
    return !!named && isAbstractType(named) && schema.isSubType(named, type);
  };
  const onType = (selections: SelectionSetNode, type: GraphQLObjectType, depth: number) => {
    for (const selection of selections.selections) {
      if (count > limit) return;
      if (selection.kind === Kind.FIELD) {
        count += 1;
        const field = type.getFields()[selection.name.value];
        const named = field && getNamedType(field.type);
        if (selection.selectionSet && named && isCompositeType(named)) {
          onComposite(selection.selectionSet, named, depth + 1);
        }
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        // A fragment spread in itself is invalid (validation refuses it); never followed here.
        if (fragment && depth < 64 && applies(fragment.typeCondition?.name.value, type)) {
          onType(fragment.selectionSet, type, depth + 1);
        }
      }
    }
  };
  const onComposite = (selections: SelectionSetNode, type: GraphQLCompositeType, depth: number) => {
    const types = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
    for (const t of types) onType(selections, t, depth);
  };
  onType(operation.selectionSet, root, 0);
  return count;
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
