import { createHash } from "node:crypto";
import neo4j from "neo4j-driver";
import { inputError } from "./input-error.js";

/**
 * Keyset pagination: a cursor is the sort position of the last row seen
 * (its sort value and its key), so page k costs what page 1 costs. Cypher
 * gets `after` as parameters and asks for `limit` = first + 1 rows, the extra
 * row telling whether a next page exists.
 *
 * A cursor is bound to the list it came from: it carries a short hash of the list's name, its
 * filter and its order (`ListOf`), and a cursor of another list (a `facts` cursor given to
 * `entities`, or one of another filter or order, whose position means nothing there) is
 * refused as BAD_USER_INPUT naming `after`, rather than answered with a wrong page.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A sort value of a row: a name, a number, a date... */
export type SortValue = string | number | null;

export interface Position {
  /**
   * The sort value (a name, a value...) of the last row seen, or, for a sort on several keys,
   * one per key, in the sort's order.
   */
  value: SortValue | readonly SortValue[];
  key: string;
}

const isSortValue = (v: unknown) => v === null || ["string", "number"].includes(typeof v);

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * The list a page belongs to: its name (the field, e.g. `Query.facts`, `Entity.facts`), its
 * filter (or where) and its order (or sort), as the resolver normalised them (keys, not ids), so that the same list
 * asked for by key or by id takes the same cursors.
 */
export interface ListOf {
  list: string;
  filter?: unknown;
  /** The order or sort (a list of keys and directions). */
  order?: unknown;
}

export interface PageQuery {
  limit: number;
  first: number;
  after: Position | null;
  /** The hash of the list (`ListOf`) that its cursors carry. */
  list: string;
}

/** A short hash of the list: what binds a cursor to it. */
export function listHash({ list, filter, order }: ListOf): string {
  return createHash("sha256")
    .update(JSON.stringify([list, filter ?? null, order ?? null]))
    .digest("base64url")
    .slice(0, 12);
}

export function encodeCursor(position: Position, list: string): string {
  return Buffer.from(JSON.stringify([position.value, position.key, list]), "utf8").toString(
    "base64url",
  );
}

/** The position a cursor of the list `list` (its hash) holds; BAD_USER_INPUT for any other. */
export function decodeCursor(cursor: string, list: string, argument = "after"): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw inputError(argument, "is not a cursor returned by this API");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !(isSortValue(parsed[0]) || (Array.isArray(parsed[0]) && parsed[0].every(isSortValue))) ||
    typeof parsed[1] !== "string" ||
    typeof parsed[2] !== "string"
  ) {
    throw inputError(argument, "is not a cursor returned by this API");
  }
  if (parsed[2] !== list) {
    throw inputError(
      argument,
      "is a cursor of another list, filter or order: pass the endCursor of a page of this same list (same filter and order)",
    );
  }
  return { value: parsed[0] as Position["value"], key: parsed[1] as string };
}

/** The page `args` ask for in the list `of`: its size, and the position after which it starts. */
export function pageQuery(args: PageArgs, of: ListOf): PageQuery {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw inputError("first", `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const list = listHash(of);
  return {
    first,
    limit: first + 1,
    after: args.after ? decodeCursor(args.after, list) : null,
    list,
  };
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
 * An edge of a page: its `node` (the row, or what `toPage`'s `node` made of it), the row, and
 * its `cursor`, encoded only if read. The cursor is a getter of the class, not of each edge: edges of
 * one page share one shape however many there are.
 */
class PageEdge<T> {
  constructor(
    readonly node: unknown,
    /** The row the edge was made from (e.g. a relation page's link). */
    readonly row: T,
    private readonly cursorOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.row);
  }
}

/** The page's pageInfo, its two cursors encoded only if read. */
class PageInfo<T> {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly first: T | undefined,
    private readonly last: T | undefined,
    private readonly cursorOf: (row: T) => string,
  ) {}

  get startCursor(): string | null {
    return this.first === undefined ? null : this.cursorOf(this.first);
  }

  get endCursor(): string | null {
    return this.last === undefined ? null : this.cursorOf(this.last);
  }
}

/**
 * Builds a Relay page from up to `limit` rows in sort order: each row becomes an edge whose
 * `node` is the row (or what `node` makes of it) and whose `cursor` is encoded only if read.
 */
export function toPage<T, N = T>(
  rows: readonly T[],
  page: PageQuery,
  position: (row: T) => Position,
  node: (row: T) => N,
): Page<{ node: N; row: T }> {
  const count = Math.min(rows.length, page.first);
  const cursorOf = (row: T) => encodeCursor(position(row), page.list);
  const edges = new Array<PageEdge<T>>(count);
  for (let i = 0; i < count; i += 1) {
    const row = rows[i] as T;
    edges[i] = new PageEdge(node(row), row, cursorOf);
  }
  return {
    edges: edges as Page<{ node: N; row: T }>["edges"],
    pageInfo: new PageInfo(
      rows.length > page.first,
      page.after !== null,
      count > 0 ? rows[0] : undefined,
      count > 0 ? rows[count - 1] : undefined,
      cursorOf,
    ),
  };
}

/** A connection's `totalCount`: how many items its list holds over all pages. */
export function countAll(connection: { count?: () => Promise<number> }): Promise<number> {
  if (!connection.count) throw new Error("this connection's resolver gives no count");
  return connection.count();
}
