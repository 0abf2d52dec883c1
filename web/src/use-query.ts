// Loads one GraphQL operation for a view; aborts it when the view's variables change.
import type { TadaDocumentNode } from "gql.tada";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, request } from "./client";

export interface QueryState<Result> {
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
          error: error instanceof ApiError ? error : new ApiError("server", String(error)),
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
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== undefined && (!current || (!state.data && !state.error)),
    retry,
  };
}
