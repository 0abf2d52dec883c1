import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import type { Db, TransactionRunner } from "../db/db.js";
import { changeRecord } from "../seed/seed-parameters.js";
import { inWriteSlot } from "./write-slots.js";

/**
 * How a change is written: in ONE write transaction, in one of the server's write slots, that
 * first claims the keys it creates (cypher/curation-claim.cypher) and ends by recording who made
 * the change and when (the change log).
 */

export interface Curator {
  /** Who: the JWT's subject, or "shared-token" for the configured secret. */
  name: string;
}

/** A change that would create what exists, or that another change has just created. */
export function conflictError(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}; nothing was changed`, {
    extensions: { code: "CONFLICT", argument },
  });
}

/** The new keys a change creates, by the label of their nodes. */
export interface Claims {
  documents?: string[];
  entities?: string[];
  variables?: string[];
  facts?: string[];
  checks?: string[];
}

const CLAIMED = {
  Document: "a document with id",
  Entity: "an entity with key",
  Variable: "a variable with key",
  Fact: "a fact with key",
  Check: "a check with key",
} as const;
export type ClaimedLabel = keyof typeof CLAIMED;

/** Creates the nodes of the new keys (see the module's comment), each list sorted. */
export async function claim(run: TransactionRunner, claims: Claims): Promise<void> {
  const sorted = (keys: string[] = []) => [...new Set(keys)].sort();
  await run("curation-claim", {
    documents: sorted(claims.documents),
    entities: sorted(claims.entities),
    variables: sorted(claims.variables),
    facts: sorted(claims.facts),
    checks: sorted(claims.checks),
  });
}

/**
 * How long a curation change's write transaction may take (a request's own timeout when longer):
 * a change waits for the locks of the keys it shares with a racing change, and its first run
 * after a start waits for Neo4j to plan its queries (a second or more each on a busy machine).
 */
const WRITE_TIMEOUT_MS = 15_000;

/**
 * `db.writeTransaction` for a change, in one of the server's write slots (write-slots.ts): when
 * the unique constraint refused its claim (another change created one of its keys first), it
 * throws a CONFLICT naming the argument that gave the key.
 */
export function writer(db: Db, argumentOf: (label: ClaimedLabel) => string = () => "input") {
  return <T>(
    work: (run: TransactionRunner) => Promise<T>,
    timeoutMs = Math.max(db.timeoutMs, WRITE_TIMEOUT_MS),
  ): Promise<T> =>
    inWriteSlot(() => db.writeTransaction(work, timeoutMs)).catch(claimConflict(argumentOf));
}

/**
 * What a change's write transaction throws when the unique constraint refused its claim (another
 * change created one of its keys first): a CONFLICT naming the argument that gave the key.
 * Any other error is thrown as it is.
 */
const claimConflict =
  (argumentOf: (label: ClaimedLabel) => string) =>
  (error: unknown): never => {
    if (
      error instanceof Neo4jError &&
      error.code === "Neo.ClientError.Schema.ConstraintValidationFailed"
    ) {
      // Neo4j: "Node(12) already exists with label `Entity` and property `key` = 'umf'".
      const found = /label `(\w+)` and property `\w+` = '(.*)'/s.exec(error.message);
      const label = found?.[1] && found[1] in CLAIMED ? (found[1] as ClaimedLabel) : "Entity";
      throw conflictError(
        argumentOf(label),
        `${CLAIMED[label]} "${found?.[2] ?? "?"}" was created by another change at the same time`,
      );
    }
    throw error;
  };

export async function record(
  run: TransactionRunner,
  curator: Curator,
  action: string,
  target: string,
  summary: string,
): Promise<void> {
  const rows = await run(
    "change-record",
    changeRecord({ by: curator.name, action, target, summary }),
  );
  if (rows.length !== 1) throw new Error(`Could not record the change of ${target}`);
}
