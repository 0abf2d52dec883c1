import neo4j from "neo4j-driver";
import { inputError } from "./input-error.js";

/**
 * Keyset pagination: a cursor is the sort position of the last row seen
 * (its sort value and its key), so page k costs what page 1 costs. Cypher
 * gets `after` as parameters and asks for `limit` = first + 1 rows, the extra
 * row telling whether a next page exists.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Position {
  /** The sort value (a name, a value...) of the last row seen. */
  value: string | number | null;
  key: string;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageQuery {
  limit: number;
  first: number;
  after: Position | null;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.value, position.key]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, argument = "after"): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw inputError(argument, "is not a cursor returned by this API");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    (!["string", "number"].includes(typeof parsed[0]) && parsed[0] !== null) ||
    typeof parsed[1] !== "string"
  ) {
    throw inputError(argument, "is not a cursor returned by this API");
  }
  return { value: parsed[0] as Position["value"], key: parsed[1] as string };
}

export function pageQuery(args: PageArgs): PageQuery {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw inputError("first", `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { first, limit: first + 1, after: args.after ? decodeCursor(args.after) : null };
}

/** Cypher parameters for a page: `$limit`, `$afterValue`, `$afterKey`. */
export function pageParams(page: PageQuery): Record<string, unknown> {
  return {
    limit: neo4j.int(page.limit),
    afterValue: page.after?.value ?? null,
    afterKey: page.after?.key ?? null,
  };
}

export interface Page<E> {
  edges: (E & { readonly cursor: string })[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Builds a Relay page from up to `limit` rows in sort order: each row becomes an edge
 * (`{ node: row }` unless `edge` says otherwise) whose `cursor` is encoded only if read.
 */
export function toPage<T, E extends object = { node: T }>(
  rows: readonly T[],
  page: PageQuery,
  position: (row: T) => Position,
  edge: (row: T) => E = (row) => ({ node: row }) as E,
): Page<E> {
  const visible = rows.slice(0, page.first);
  const edges = visible.map((row) =>
    Object.defineProperty(edge(row), "cursor", {
      get: () => encodeCursor(position(row)),
      enumerable: true,
    }),
  ) as (E & { readonly cursor: string })[];
  const first = visible[0];
  const last = visible.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: first === undefined ? null : encodeCursor(position(first)),
      endCursor: last === undefined ? null : encodeCursor(position(last)),
    },
  };
}
