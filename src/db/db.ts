import type { Driver, QueryResult, RecordShape, ManagedTransaction } from "neo4j-driver";
import { cypher } from "./cypher.js";

/** Every transaction gets a time limit: a slow or hostile query cannot hold Neo4j. */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 5_000;

/** Runs named Cypher files inside one transaction. */
export type TransactionRunner = <T extends RecordShape = RecordShape>(
  name: string,
  params?: Record<string, unknown>,
) => Promise<T[]>;

/**
 * The data-access handle a request works with: named Cypher files run with
 * parameters, reads in read transactions and writes in write transactions,
 * each with a timeout. It counts its round trips so that tests can show
 * batching at work.
 *
 * It is also the one home of the request's state (`once`): one DataLoader per kind of row
 * (entities, facts...), so that every load of that kind in one tick, from whichever GraphQL
 * type, is one query and queries that already returned whole rows can prime it; the other
 * loaders by id; and the plans the schema worked out once per field of the query. Its own
 * writes drop all of it before and after, so that a row read before a change is never served
 * after it.
 */
export class Db {
  /** Queries sent to Neo4j through this handle. */
  roundTrips = 0;

  private readonly state = new Map<unknown, unknown>();

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    readonly timeoutMs = DEFAULT_TRANSACTION_TIMEOUT_MS,
  ) {}

  /** Runs `cypher/<name>.cypher` in a read transaction and returns its records as plain objects. */
  async read<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const result = await this.run<T>(cypher(name), params, "READ");
    return result.records.map((r) => r.toObject());
  }

  /**
   * Runs a query composed with @neo4j/cypher-builder (its text and parameters, as `build()`
   * gives them: src/loaders/where/) in a read transaction, as `read` runs a file.
   */
  async readBuilt<T extends RecordShape = RecordShape>(query: {
    cypher: string;
    params: Record<string, unknown>;
  }): Promise<T[]> {
    const result = await this.run<T>(query.cypher, query.params, "READ");
    return result.records.map((r) => r.toObject());
  }

  /**
   * The request's object under `id` (a loader, a count, a field's plan; a string, or an object
   * such as a field of the query), made by `create` on first use.
   */
  once<T>(id: unknown, create: () => T): T {
    if (!this.state.has(id)) this.state.set(id, create());
    return this.state.get(id) as T;
  }

  /** Runs `cypher/<name>.cypher` in a write transaction. */
  async write<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    return this.clearingCache(async () => {
      const result = await this.run<T>(cypher(name), params, "WRITE");
      return result.records.map((r) => r.toObject());
    });
  }

  /**
   * Runs `work` in ONE write transaction: every query it sends commits together,
   * or (if it throws) none does.
   */
  async writeTransaction<T>(
    work: (run: TransactionRunner) => Promise<T>,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    return this.clearingCache(() => this.inWriteTransaction(work, timeoutMs));
  }

  /** `write`, with the request's state dropped before it and after it (whether it failed or not). */
  private async clearingCache<T>(write: () => Promise<T>): Promise<T> {
    this.state.clear();
    try {
      return await write();
    } finally {
      this.state.clear();
    }
  }

  private async inWriteTransaction<T>(
    work: (run: TransactionRunner) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work(async <T extends RecordShape>(name: string, params = {}) => {
            this.roundTrips += 1;
            const result = await tx.run<T>(cypher(name), params);
            return result.records.map((r) => r.toObject());
          }),
        { timeout: timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  private async run<T extends RecordShape>(
    text: string,
    params: Record<string, unknown>,
    mode: "READ" | "WRITE",
  ): Promise<QueryResult<T>> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = { timeout: this.timeoutMs };
    try {
      // A read is one query: an auto-commit transaction of a READ session (Neo4j refuses any
      // write in it) saves the driver's separate COMMIT round trip. A failed read is not
      // retried: the client gets the error (503 when Neo4j is away) at once.
      if (mode === "WRITE")
        return await session.executeWrite((tx) => tx.run<T>(text, params), config);
      // Kept per read, not process-wide: neo4j-driver captures a stack trace for every query it
      // is given, a measurable share of a small request's CPU (bench/README.md); it is captured
      // here with no frames, and a failed read's GraphQL error still says where it failed.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let result;
      try {
        result = session.run<T>(text, params, config);
      } finally {
        Error.stackTraceLimit = limit;
      }
      return await result;
    } finally {
      await session.close();
    }
  }
}
