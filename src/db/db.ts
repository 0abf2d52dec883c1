import type { Driver, QueryResult, RecordShape } from "neo4j-driver";
import { cypher } from "./cypher.js";

/**
 * The data-access handle a request works with: named Cypher files run with
 * parameters, reads in read transactions and writes in write transactions.
 * It counts its round trips so that tests can show batching at work.
 */
export class Db {
  /** Queries sent to Neo4j through this handle. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
  ) {}

  /** Runs `cypher/<name>.cypher` in a read transaction and returns its records as plain objects. */
  async read<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const result = await this.run(name, params, "READ");
    return result.records.map((r) => r.toObject() as T);
  }

  /** Runs `cypher/<name>.cypher` in a write transaction. */
  async write<T extends RecordShape = RecordShape>(
    name: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const result = await this.run(name, params, "WRITE");
    return result.records.map((r) => r.toObject() as T);
  }

  private async run(
    name: string,
    params: Record<string, unknown>,
    mode: "READ" | "WRITE",
  ): Promise<QueryResult> {
    const text = cypher(name);
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    try {
      return mode === "READ"
        ? await session.executeRead((tx) => tx.run(text, params))
        : await session.executeWrite((tx) => tx.run(text, params));
    } finally {
      await session.close();
    }
  }
}
