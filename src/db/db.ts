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
 */
export class Db {
  /** Queries sent to Neo4j through this handle. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    readonly timeoutMs = DEFAULT_TRANSACTION_TIMEOUT_MS,
  ) {}

  /**
   * Runs `cypher/<name>.cypher` in a read transaction and returns its records as plain objects.
   * `text` is the query made from that file, when it is not the file itself (see
   * src/loaders/related-tree-query.ts).
   */
  async read<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
    text = cypher(name),
  ): Promise<T[]> {
    const result = await this.run(text, params, "READ");
    return result.records.map((r) => r.toObject() as T);
  }

  /** Runs `cypher/<name>.cypher` in a write transaction. */
  async write<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const result = await this.run(cypher(name), params, "WRITE");
    return result.records.map((r) => r.toObject() as T);
  }

  /**
   * Runs `work` in ONE write transaction: every query it sends commits together,
   * or (if it throws) none does.
   */
  async writeTransaction<T>(work: (run: TransactionRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work(async (name, params = {}) => {
            this.roundTrips += 1;
            const result = await tx.run(cypher(name), params);
            return result.records.map((r) => r.toObject() as never);
          }),
        { timeout: this.timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  private async run(
    text: string,
    params: Record<string, unknown>,
    mode: "READ" | "WRITE",
  ): Promise<QueryResult> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = { timeout: this.timeoutMs };
    try {
      // A read is one query: it runs as an auto-commit transaction of a READ session (Neo4j
      // refuses any write in it), which saves the driver's separate COMMIT round trip and
      // about half the time of a small read (bench/README.md). A failed read is not retried:
      // the client gets the error (503 when Neo4j is away) at once.
      if (mode === "WRITE") return await session.executeWrite((tx) => tx.run(text, params), config);
      // neo4j-driver captures and formats a stack trace for every query it is given (to show
      // the caller's frames in a failed query's error): about 7% of the CPU of a small request
      // (bench/README.md). It is captured here, synchronously, with no frames; a failed read
      // still says what failed, and its GraphQL error says where in the query.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let result;
      try {
        result = session.run(text, params, config);
      } finally {
        Error.stackTraceLimit = limit;
      }
      return await result;
    } finally {
      await session.close();
    }
  }
}
