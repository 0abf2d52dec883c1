// Loads one GraphQL operation for a view; aborts it when the view's variables change. When only
// the language of the names (`lang`) or a list's filters (`where`) change, the view keeps showing
// the answer it has until the new one arrives (one request, and the page does not jump back to
// "Loading…").
import type { TadaDocumentNode } from "gql.tada";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, request } from "./client";

export interface QueryState<Result> {
  /** The answer; while it is asked again in another language or filter, the previous one. */
  data: Result | undefined;
  error: ApiError | undefined;
  loading: boolean;
  retry: () => void;
}

export function useQuery<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables | undefined,
): QueryState<Result> {
  const key = variables === undefined ? undefined : JSON.stringify(variables);
  const [state, setState] = useState<{ key: string | undefined; data?: Result; error?: ApiError }>({
    key: undefined,
  });
  const [attempt, setAttempt] = useState(0);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    request(document, variablesRef.current as Variables, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          key,
          error: ApiError.of(error),
        });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);

  const retry = useCallback(() => {
    setState({ key: undefined });
    setAttempt((n) => n + 1);
  }, []);
  const current = state.key === key;
  const sameView = !current && key !== undefined && viewOf(state.key) === viewOf(key);
  return {
    data: current || sameView ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== undefined && (!current || (!state.data && !state.error)),
    retry,
  };
}

/** The variables of a key but the language and filters, to tell them from another view. */
function viewOf(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const variables = JSON.parse(key) as Record<string, unknown>;
  delete variables["lang"];
  delete variables["where"];
  return JSON.stringify(variables);
}
