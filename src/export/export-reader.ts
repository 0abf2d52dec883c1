import type { Driver, Session, Transaction } from "neo4j-driver";
import { cypher } from "../db/cypher.js";

/**
 * An export's time limit in Neo4j. Not the API's QUERY_TIMEOUT_MS: an export of a large graph
 * streams for minutes, at the pace its client reads.
 */
export const EXPORT_TIMEOUT_MS = 30 * 60_000;

/** A query's text and parameters (a file's, or one composed with @neo4j/cypher-builder). */
export interface BuiltQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** The query of `cypher/<name>.cypher` with its parameters. */
export const fileQuery = (name: string, params: Record<string, unknown>): BuiltQuery => ({
  cypher: cypher(name),
  params,
});

/** Records fetched per PULL: the driver asks for more only when the export has consumed them. */
const FETCH_SIZE = 1_000;

/**
 * The Neo4j side of one export: ONE read transaction (every query of the export sees the same
 * graph), whose records are consumed as they arrive, so that the server holds a batch of
 * records at a time, whatever the size of the graph. When the client goes away (`signal`), the
 * transaction is rolled back and the session closed at once, and a query being read fails.
 */
export class ExportReader {
  private readonly session: Session;
  private transaction: Transaction | undefined;
  private closed = false;
  /** The record streams being read: stopped (DISCARD) before the transaction ends. */
  private readonly streams = new Set<AsyncIterator<unknown>>();

  constructor(driver: Driver, database: string | undefined, signal?: AbortSignal) {
    this.session = driver.session({ database, defaultAccessMode: "READ", fetchSize: FETCH_SIZE });
    signal?.addEventListener("abort", () => void this.close(), { once: true });
  }

  private tx(): Transaction {
    if (this.closed) throw new Error("the export was stopped");
    this.transaction ??= this.session.beginTransaction({ timeout: EXPORT_TIMEOUT_MS });
    return this.transaction;
  }

  /** The first column of each record of a query, as the records arrive. */
  async *records<T>(query: BuiltQuery): AsyncGenerator<T> {
    const result = this.tx().run(query.cypher, query.params);
    const stream = result[Symbol.asyncIterator]();
    this.streams.add(stream);
    let done = false;
    try {
      for (;;) {
        const next = await stream.next();
        if (next.done) break;
        yield next.value.get(0) as T;
      }
      done = true;
    } finally {
      this.streams.delete(stream);
      // A stream left before its end (the client went away) is discarded: the driver, which
      // stopped pulling while the export was not reading, would otherwise wait for it forever
      // before it ends the transaction.
      if (!done) await stopped(stream);
    }
  }

  /** All records of a small query (the keys of a filter, of a slice) as plain objects. */
  async all<T>(query: BuiltQuery): Promise<T[]> {
    const result = await this.tx().run(query.cypher, query.params);
    return result.records.map((r) => r.toObject() as T);
  }

  /** Ends the transaction (rolled back: an export writes nothing) and closes the session. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.streams].map(stopped));
    try {
      if (this.transaction?.isOpen()) await this.transaction.rollback();
    } catch {
      // The session's close below resets the connection anyway.
    } finally {
      await this.session.close().catch(() => {});
    }
  }
}

/** Stops a record stream (the driver sends DISCARD), giving up after a few seconds. */
async function stopped(stream: AsyncIterator<unknown>): Promise<void> {
  await Promise.race([
    stream.return?.().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
  ]);
}
