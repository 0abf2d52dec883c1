import type { Driver, Record as Neo4jRecord } from "neo4j-driver";
import { applySchema } from "../db/apply-schema.js";
import { cypher } from "../db/cypher.js";
import type { SeedBundle } from "../model/bundle.js";
import { readSeeds } from "./read-seeds.js";
import {
  changeRecord,
  type LoadChange,
  SEED_STEPS,
  seedParameters,
  sha256Of,
} from "./seed-parameters.js";

/**
 * Writes a validated seed bundle into Neo4j in ONE write transaction, MERGEing
 * on keys so that loading twice changes nothing. Validation (readSeeds) happens
 * before anything is sent, so a bad seed leaves the database exactly as it was.
 */

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

/** A load into a database that holds something, when it was to load into an empty one only. */
export class DatabaseNotEmpty extends Error {
  constructor(counts: GraphCounts) {
    super(
      `The database is not empty (${counts.nodes} nodes, ${counts.relationships} relationships): ` +
        "a backup loads into an empty database only. Nothing was written. " +
        "Add --replace to delete everything it holds and load the backup in its place (in one transaction).",
    );
    this.name = "DatabaseNotEmpty";
  }
}

/** How a load treats what the database already holds. */
export interface LoadOptions {
  /**
   * "merge" (the default): MERGE by key over it. "empty": refuse (DatabaseNotEmpty) unless the
   * database holds no node. "replace": delete every node first, in the load's transaction.
   */
  into?: "merge" | "empty" | "replace";
  /**
   * Keys the load creates and that must be new (`npm run ingest`: the new document and its new
   * entities and facts): created first (cypher/curation-claim.cypher), so that the load fails with Neo4j's
   * ConstraintValidationFailed, writing nothing, if the graph holds one already or another
   * write is creating it.
   */
  claim?: { documents?: string[]; entities?: string[]; facts?: string[] };
}

export async function loadSeeds(
  driver: Driver,
  database: string | undefined,
  bundle: SeedBundle,
  changes: LoadChange[] = [],
  options: LoadOptions = {},
): Promise<void> {
  const params = seedParameters(bundle);
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    await session.executeWrite(async (tx) => {
      if (options.into === "empty") {
        const counts = countsOf((await tx.run(cypher("graph-counts"))).records[0]);
        if (counts.nodes > 0) throw new DatabaseNotEmpty(counts);
      }
      if (options.into === "replace") await tx.run(cypher("graph-clear"));
      if (options.claim)
        await tx.run(cypher("curation-claim"), {
          documents: [...(options.claim.documents ?? [])].sort(),
          entities: [...(options.claim.entities ?? [])].sort(),
          variables: [],
          facts: [...(options.claim.facts ?? [])].sort(),
          checks: [],
        });
      for (const step of SEED_STEPS) {
        await tx.run(cypher(step), params[step]);
      }
      for (const change of changes) {
        const recorded = await tx.run(cypher("change-record"), changeRecord(change));
        if (recorded.records.length !== 1)
          throw new Error(`Could not record the change of ${change.target}`);
      }
    });
  } finally {
    await session.close();
  }
}

/**
 * Recomputes every facts' summary from the facts (cypher/fact-summaries-rebuild.cypher): for a
 * graph loaded before summaries existed, or changed in bulk outside the seed steps.
 */
export async function rebuildFactSummaries(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(cypher("fact-summaries-rebuild"), {}, { database });
}

export async function graphCounts(driver: Driver, database?: string): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    cypher("graph-counts"),
    {},
    { database, routing: "READ" },
  );
  return countsOf(records[0]);
}

/** The counts of cypher/graph-counts.cypher's row. */
function countsOf(record: Neo4jRecord | undefined): GraphCounts {
  return {
    nodes: Number(record?.get("nodes") ?? 0),
    relationships: Number(record?.get("relationships") ?? 0),
  };
}

/**
 * Loads the seeds when the database holds no document yet, or when it was seeded before
 * documents had languages and entities labels (loading again MERGEs by key: it adds what is
 * missing and keeps everything else). A graph seeded before documents kept their skips gets the
 * seeds' skips on the seed documents that lack them ("skips"), and nothing else: so that a
 * backup of it passes the seed check. A graph with facts but no facts' summary gets them
 * rebuilt. Returns the counts when it loaded, and why.
 */
export async function seedIfEmpty(
  driver: Driver,
  database: string | undefined,
  dir = "seeds",
): Promise<(GraphCounts & { reason: "empty" | "upgrade" | "skips" }) | undefined> {
  const { records } = await driver.executeQuery(
    cypher("document-count"),
    {},
    { database, routing: "READ" },
  );
  const documents = Number(records[0]?.get("documents") ?? 0);
  const withoutLanguage = Number(records[0]?.get("withoutLanguage") ?? 0);
  const withoutSkips = Number(records[0]?.get("withoutSkips") ?? 0);
  if (Number(records[0]?.get("withoutHash") ?? 0) > 0) await hashDocuments(driver, database);
  if (records[0]?.get("withoutSummaries") === true) await rebuildFactSummaries(driver, database);
  if (documents > 0 && withoutLanguage === 0 && withoutSkips === 0) return undefined;
  const bundle = await readSeeds(dir);
  if (documents > 0 && withoutLanguage === 0) {
    await driver.executeQuery(
      cypher("documents-add-skips"),
      { documents: seedParameters(bundle)["seed/01-documents"].documents },
      { database },
    );
    return { ...(await graphCounts(driver, database)), reason: "skips" };
  }
  await loadSeeds(driver, database, bundle);
  return { ...(await graphCounts(driver, database)), reason: documents > 0 ? "upgrade" : "empty" };
}

/**
 * Gives every document seeded before documents had one (ingested ones too) the SHA-256 of its
 * text: one read and one write of the documents' texts.
 */
export async function hashDocuments(driver: Driver, database: string | undefined): Promise<void> {
  const { records } = await driver.executeQuery(
    "MATCH (d:Document) WHERE d.sha256 IS NULL RETURN d.id AS id, d.text AS text",
    {},
    { database, routing: "READ" },
  );
  const hashes = records.map((r) => ({ id: r.get("id"), sha256: sha256Of(r.get("text")) }));
  if (hashes.length === 0) return;
  await driver.executeQuery(cypher("document-hashes"), { hashes }, { database });
}

/** `npm run seed`: schema, then the seeds, into the configured (or local) database. */
export async function applySchemaAndSeeds(
  driver: Driver,
  database: string | undefined,
  dir = "seeds",
): Promise<void> {
  const bundle = await readSeeds(dir);
  await applySchema(driver, database);
  await loadSeeds(driver, database, bundle);
}
