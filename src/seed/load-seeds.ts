import { createHash, randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { applySchema } from "../db/apply-schema.js";
import { cypher } from "../db/cypher.js";
import { foldText } from "../text/fold.js";
import { documentOfLabel } from "../model/check/labels.js";
import { readSeeds } from "./read-seeds.js";
import type { SeedBundle, SeedDocument } from "../model/bundle.js";
import { type Label, preferredLabel } from "../model/entity.js";
import type { Skip } from "../model/seed-file.js";

/**
 * Writes a validated seed bundle into Neo4j in ONE write transaction, MERGEing
 * on keys so that loading twice changes nothing. Validation (readSeeds) happens
 * before anything is sent, so a bad seed leaves the database exactly as it was.
 */

/** The statements of cypher/seed/, in the order they run. */
export const SEED_STEPS = [
  "seed/01-documents",
  "seed/02-entities",
  "seed/03-variables",
  "seed/04-relations",
  "seed/05-facts",
  "seed/06-citations",
  "seed/07-conflicts",
  "seed/08-checks",
  "seed/09-changes",
] as const;

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

/** The SHA-256 of a document's text (its UTF-8 bytes), in hex: what a citation's offsets point into. */
export function sha256Of(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The parameters of each seed step, from the bundle (all plain data, passed as parameters). */
export function seedParameters(
  bundle: SeedBundle,
): Record<(typeof SEED_STEPS)[number], Record<string, unknown>> {
  return {
    "seed/01-documents": {
      documents: bundle.documents.map((d) => ({
        id: d.id,
        date: d.date,
        text: d.text,
        title: d.title,
        language: d.language,
        sha256: sha256Of(d.text),
        searchTextEn: d.language === "en" ? foldText(d.text) : null,
        searchTextEs: d.language === "es" ? foldText(d.text) : null,
        ...skipProperties(bundle.skips.filter((s) => s.document === d.id)),
      })),
    },
    "seed/02-entities": {
      entities: bundle.entities.map((e) => ({
        key: e.key,
        kind: e.kind,
        ...labelProperties(e.labels, bundle.documents),
        aliases: e.aliases,
        description: e.description,
        searchTextEn: foldText(e.description),
        start: e.start ?? null,
        end: e.end ?? null,
        granularity: e.granularity ?? null,
        properties: e.properties ?? {},
      })),
    },
    "seed/03-variables": {
      variables: bundle.variables.map((v) => ({
        key: v.key,
        ...labelProperties(v.labels, bundle.documents),
        unit: v.unit,
        description: v.description,
      })),
    },
    "seed/04-relations": {
      relations: bundle.relations.map((r) => ({
        from: r.from,
        type: r.type,
        to: r.to,
        fact: r.fact ?? null,
        period: r.period ?? null,
        sourceDocument: r.source?.document ?? null,
        sourceQuote: r.source?.quote ?? null,
        sourceStart: r.source ? neo4j.int(r.source.start) : null,
        properties: r.properties ?? {},
      })),
    },
    "seed/05-facts": {
      facts: bundle.facts.map((f) => ({
        key: f.key,
        variable: f.variable,
        about: f.about,
        scope: f.scope ?? null,
        period: f.period,
        comparedTo: f.comparedTo ?? null,
        statistic: f.statistic,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        note: f.note ?? null,
        garbled: f.citations.some((c) => c.garbled !== undefined),
        deprecatedReason: f.deprecated?.reason ?? null,
        deprecatedAt: f.deprecated?.at ?? null,
      })),
    },
    "seed/06-citations": {
      citations: bundle.facts.flatMap((f) =>
        f.citations.map((c, i) => ({
          key: citationKey(f.key, c.document, c.start, c.start + c.quote.length),
          fact: f.key,
          document: c.document,
          quote: c.quote,
          start: neo4j.int(c.start),
          end: neo4j.int(c.start + c.quote.length),
          garbled: c.garbled ?? null,
          note: c.note ?? null,
          ordinal: neo4j.int(i),
        })),
      ),
    },
    "seed/07-conflicts": {
      conflicts: bundle.conflicts.map((c) => ({ a: c.facts[0], b: c.facts[1], note: c.note })),
    },
    "seed/08-checks": {
      checks: bundle.checks.map((c) => ({
        key: c.key,
        name: c.name,
        description: c.description,
        parts: c.parts,
        totals: c.totals,
      })),
    },
    "seed/09-changes": {
      changes: bundle.changes.map((c) => ({
        key: c.key,
        at: c.at,
        by: c.by,
        action: c.action,
        target: c.target,
        summary: c.summary,
      })),
    },
  };
}

/** A document's skips, kept on it as parallel lists (in the order the seeds list them). */
export function skipProperties(skips: readonly Skip[]): Record<string, unknown> {
  return {
    skipRaws: skips.map((s) => s.raw),
    skipStarts: skips.map((s) => neo4j.int(s.start)),
    skipReasons: skips.map((s) => s.reason),
  };
}

/**
 * How labels are kept on a node: the preferred names as `name` (English) and `nameEs`, every
 * label as parallel lists (text, language, kind, origin and, for words of a source, the first
 * document that has them), and all of them folded into `searchNames` for the full-text indexes.
 */
export function labelProperties(
  labels: readonly Label[],
  documents: readonly SeedDocument[],
): Record<string, unknown> {
  return {
    name: preferredLabel(labels, "en"),
    nameEs: preferredLabel(labels, "es"),
    labelTexts: labels.map((l) => l.text),
    labelLanguages: labels.map((l) => l.language),
    labelKinds: labels.map((l) => l.kind),
    labelSources: labels.map((l) => l.from),
    labelDocuments: labels.map((l) =>
      l.from === "text" ? (documentOfLabel(l, documents)?.id ?? "") : "",
    ),
    searchNames: foldText(labels.map((l) => l.text).join(" | ")),
  };
}

/** A citation's stable key: its fact, document and span. */
export function citationKey(fact: string, document: string, start: number, end: number): string {
  return `${fact}@${document}:${start}-${end}`;
}

/** A change to record with a load (what `npm run ingest` adds), in the load's own transaction. */
export interface LoadChange {
  by: string;
  action: string;
  target: string;
  summary: string;
}

/** What each action of the change log changes: the label of its target (cypher/change-record.cypher). */
const CHANGE_TARGETS: Record<string, "Entity" | "Fact" | "Document"> = {
  "create-entity": "Entity",
  "update-entity": "Entity",
  "link-entities": "Entity",
  "update-link": "Entity",
  "add-fact": "Fact",
  "add-citation": "Fact",
  "deprecate-fact": "Fact",
};

/** The parameters of cypher/change-record.cypher for a change, with a new key. */
export function changeRecord(change: LoadChange): Record<string, unknown> {
  const kind = CHANGE_TARGETS[change.action];
  if (!kind) throw new Error(`Unknown change action "${change.action}"`);
  return { key: randomUUID(), kind, ...change };
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
   * facts): created first (cypher/curation-claim.cypher), so that the load fails with Neo4j's
   * ConstraintValidationFailed, writing nothing, if the graph holds one already or another
   * write is creating it.
   */
  claim?: { documents?: string[]; facts?: string[] };
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
        const record = (await tx.run(cypher("graph-counts"))).records[0];
        const counts = {
          nodes: Number(record?.get("nodes") ?? 0),
          relationships: Number(record?.get("relationships") ?? 0),
        };
        if (counts.nodes > 0) throw new DatabaseNotEmpty(counts);
      }
      if (options.into === "replace") await tx.run(cypher("graph-clear"));
      if (options.claim)
        await tx.run(cypher("curation-claim"), {
          documents: [...(options.claim.documents ?? [])].sort(),
          entities: [],
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

export async function graphCounts(driver: Driver, database?: string): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    cypher("graph-counts"),
    {},
    { database, routing: "READ" },
  );
  const record = records[0];
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
 * backup of it passes the seed check. Returns the counts when it loaded, and why.
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
