// The one way the app talks to the server: POST /graphql on the same origin.
// Failures become an ApiError whose `kind` the views turn into a clear message;
// nothing here logs to the console (an unavailable database is an expected state).
import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";

export type ApiErrorKind =
  "network" | "unavailable" | "timeout" | "not-found" | "bad-request" | "server";

/** One problem of a refused input (extensions.problems of a BAD_USER_INPUT error). */
export interface InputProblem {
  entry: string;
  path: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** The first error's extensions.code (UNAUTHENTICATED, BAD_USER_INPUT, ...), when given. */
    readonly code?: string,
    /** What is wrong with a refused input, entry by entry, when the server lists it. */
    readonly problems: readonly InputProblem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Any failure as an ApiError: itself, or a server failure with its text. */
  static of(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError("server", String(error));
  }
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; problems?: InputProblem[] };
}

export interface RequestOptions {
  /** Extra headers, e.g. a curator's `authorization`. */
  headers?: Record<string, string>;
  /** Requests at most (default MAX_ATTEMPTS); a write is sent once. */
  attempts?: number;
}

const printed = new WeakMap<object, string>();

function source(document: object): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document as Parameters<typeof print>[0]);
    printed.set(document, text);
  }
  return text;
}

/**
 * The body of a request for this operation: the one place that decides how the app names an
 * operation to the server (every request, subscriptions included, is built from it).
 */
export function operationBody<Variables>(
  document: object,
  variables: Variables,
): { query: string; variables: Variables } {
  return { query: source(document), variables };
}

/** Counts the requests sent, for tests and the benchmark (window.__explorer.requests). */
export const stats = { requests: 0 };

export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<Result> {
  const attempts = options.attempts ?? MAX_ATTEMPTS;
  // A query that ran out of time is tried again (at most 3 requests in all): the first queries
  // after the database starts are slow (cold caches and plans), the same query is fast soon after.
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(document, variables, signal, options.headers);
    } catch (error) {
      const again = error instanceof ApiError && error.kind === "timeout" && !signal?.aborted;
      if (!again || attempt >= attempts) throw error;
    }
  }
}

/** Attempts of a query that runs out of time (3: the budget of requests of a view). */
export const MAX_ATTEMPTS = 3;

async function send<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<Result> {
  stats.requests += 1;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...headers,
      },
      body: JSON.stringify(operationBody(document, variables)),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      "network",
      "Nothing came back from /graphql: the server may be stopped or unreachable. Check that it is running, then try again.",
    );
  }
  let body: { data?: Result | null; errors?: GraphQLErrorBody[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? [];
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes("DATABASE_UNAVAILABLE")) {
    throw new ApiError(
      "unavailable",
      "The database (Neo4j) does not answer right now. The server keeps trying; try again in a moment.",
    );
  }
  if (codes.includes("QUERY_TIMEOUT")) {
    throw new ApiError(
      "timeout",
      "The database took too long to answer. It may be starting up or busy; try again in a moment.",
    );
  }
  if (response.status >= 500) {
    throw new ApiError(
      "server",
      `The server could not answer (HTTP ${response.status}). Try again in a moment.`,
    );
  }
  if (errors.length > 0 || !body?.data) {
    const message =
      errors.map((e) => e.message).join(" ") || `Unexpected answer (HTTP ${response.status}).`;
    const notFound = codes.includes("NOT_FOUND") || /not found|no entity|unknown/i.test(message);
    const problems = errors.flatMap((e) => e.extensions?.problems ?? []);
    throw new ApiError(notFound ? "not-found" : "bad-request", message, codes[0], problems);
  }
  return body.data;
}
