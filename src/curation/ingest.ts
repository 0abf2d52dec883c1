import type { Db, TransactionRunner } from "../db/db.js";
import { inputError } from "../input-error.js";
import { DOCUMENT_ID, HEADER } from "../model/document-header.js";
import { SEED_STEPS, seedParameters } from "../seed/seed-parameters.js";
import type { SeedBundle } from "../model/bundle.js";
import { emptyBundle, type SourceText } from "../model/bundle.js";
import { type FactsWork, IN_THREAD } from "../workers/cpu-work.js";
import {
  type ClaimedLabel,
  claim,
  conflictError,
  type Curator,
  record,
  writer,
} from "./change-log.js";
import { factSummary } from "./curate.js";
import type { FactsFile } from "./facts-file.js";
import { newEntityProblems } from "./new-entities.js";
import { invalidInput, type Locate, type Snapshot, snapshot, validate } from "./snapshot.js";

/** The most characters of a new document, drafted or ingested through the API. */
export const MAX_DOCUMENT_LENGTH = 50_000;

/**
 * A new document given through the API (to draft or to ingest): its id is a file name, its text
 * not too long and starting with its date header. Returns the date; a bad one names the field.
 */
export function newDocumentDate(input: { id: string; text: string }): string {
  if (input.text.length > MAX_DOCUMENT_LENGTH)
    throw inputError("input.text", `must be at most ${MAX_DOCUMENT_LENGTH} characters`);
  if (!DOCUMENT_ID.test(input.id))
    throw inputError(
      "input.id",
      "must be a file name without .txt: letters, digits, _ . - (at most 100)",
    );
  const header = HEADER.exec(input.text);
  if (!header)
    throw inputError(
      "input.text",
      `must start with " date YYYY-MM-DD " (it starts with ${JSON.stringify(input.text.slice(0, 20))})`,
    );
  return header[1] as string;
}

export interface DocumentIngest {
  /** The new document's id (a file name without .txt). */
  id: string;
  /** Its whole text, starting with " date YYYY-MM-DD ". */
  text: string;
  /** Its facts file in the seed format (YAML or JSON): documents, facts, corroborations... */
  facts: string;
}

/** How long an ingest's write transaction may take (a request's own timeout when longer). */
const INGEST_TIMEOUT_MS = 30_000;

/** Where a problem of an ingest's facts file is: the argument `input.facts`, then the entry. */
const factsFileEntry: Locate = (p) => ({
  argument: "input.facts",
  at: `${p.entry}${p.path ? ` at ${p.path}` : ""}`,
});

/** The strings of the given fields of a section's entries. */
const keysOf = (items: Record<string, unknown>[], ...fields: string[]) =>
  items.flatMap((x) => fields.map((f) => x[f])).filter((x): x is string => typeof x === "string");

/** What an ingest wrote: the document, its new facts and entities, the facts it cites anew. */
export interface Ingested {
  document: string;
  facts: string[];
  entities: string[];
  corroborated: string[];
}

/**
 * Ingests a new document with its facts file, as `npm run ingest` does: validated with what it
 * refers to in the graph (its every number covered by a fact or a skip; its new entities, of any
 * kind, with keys the graph lacks), then written in ONE write transaction with one change per new
 * entity, link, fact and corroboration. Nothing is written if anything is wrong.
 */
export async function ingestDocument(
  db: Db,
  curator: Curator,
  input: DocumentIngest,
  work: FactsWork = IN_THREAD,
): Promise<Ingested> {
  const date = newDocumentDate(input);
  // Parsing and checking a whole facts file is CPU work: the server's pool does it (`work`).
  const sections = await work.parseFacts(input.facts);
  const list = (name: string) => sections[name] ?? [];

  // A whole document's facts in one transaction: more than a request's usual time, still bounded.
  const timeoutMs = Math.max(db.timeoutMs, INGEST_TIMEOUT_MS);
  const argumentOf = (label: ClaimedLabel) => (label === "Document" ? "input.id" : "input.facts");
  return writer(db, argumentOf)(async (run) => {
    const graph = await snapshotOfIngest(run, input.id, sections);
    if (graph.documents.some((d) => d.id === input.id))
      throw conflictError("input.id", `a document with id "${input.id}" is already in the graph`);
    const known = new Set(graph.facts.map((f) => String(f.key)));
    const clash = keysOf(list("facts"), "key").find((k) => known.has(k));
    if (clash)
      throw conflictError("input.facts", `a fact with key "${clash}" is already in the graph`);
    const entityProblems = newEntityProblems(
      new Set(graph.entities.map((e) => String(e.key))),
      sections,
    );
    if (entityProblems.length > 0) throw invalidInput(entityProblems, factsFileEntry);
    const added: SourceText = {
      id: input.id,
      date,
      text: input.text,
      file: "input",
    };
    const bundle = await validate(graph, sections, factsFileEntry, added, work);
    const newFacts = new Set(keysOf(list("facts"), "key"));
    const corroborated = [...new Set(bundle.corroborations.map((c) => c.fact))];
    const written = writtenOf(bundle, input.id, newFacts, corroborated);
    await claim(run, {
      documents: [input.id],
      entities: written.entities.map((e) => e.key),
      variables: written.variables.map((v) => v.key),
      facts: [...newFacts],
      checks: written.checks.map((c) => c.key),
    });
    const params = seedParameters(written);
    for (const step of SEED_STEPS) await run(step, params[step]);
    for (const e of written.entities)
      await record(
        run,
        curator,
        "create-entity",
        e.key,
        `added with ${input.id}: ${e.kind} "${e.name}"`,
      );
    for (const r of written.relations)
      await record(
        run,
        curator,
        "link-entities",
        r.from,
        `${r.from} -[${r.type}]-> ${r.to}, with ${input.id}`,
      );
    for (const f of written.facts) {
      if (newFacts.has(f.key))
        await record(
          run,
          curator,
          "add-fact",
          f.key,
          `ingested with ${input.id}: ${factSummary(f)}`,
        );
      else await record(run, curator, "add-citation", f.key, `corroborated by ${input.id}`);
    }
    const entities = written.entities.map((e) => e.key);
    return { document: input.id, facts: [...newFacts], entities, corroborated };
  }, timeoutMs);
}

/**
 * What a facts file refers to in the graph: the facts it names (corroborated, in conflict) with
 * what they refer to, and the entities, variables, documents and facts its entries name.
 */
async function snapshotOfIngest(
  run: TransactionRunner,
  id: string,
  sections: FactsFile,
): Promise<Snapshot> {
  const list = (name: string) => sections[name] ?? [];
  const named = await snapshot(run, {
    factKeys: [
      ...keysOf(list("corroborations"), "fact"),
      ...keysOf(list("facts"), "percentOf"),
      ...list("conflicts").flatMap((c) => (Array.isArray(c.facts) ? c.facts.map(String) : [])),
    ],
  });
  const ofNamed = (field: string) =>
    named.facts.map((f) => f[field]).filter((x): x is string => typeof x === "string");
  return snapshot(run, {
    entityKeys: [
      ...ofNamed("about"),
      ...ofNamed("scope"),
      ...ofNamed("period"),
      ...ofNamed("comparedTo"),
      ...keysOf(list("facts"), "about", "scope", "period", "comparedTo"),
      ...keysOf(list("relations"), "from", "to", "period"),
      ...keysOf(list("entities"), "key"),
    ],
    variableKeys: [...keysOf(list("facts"), "variable"), ...ofNamed("variable")],
    documentIds: [
      id,
      ...named.facts.flatMap((f) =>
        ((f.citations as Record<string, unknown>[] | undefined) ?? []).map((c) =>
          String(c.document),
        ),
      ),
    ],
    factKeys: [
      ...keysOf(list("facts"), "key"),
      ...keysOf(list("corroborations"), "fact"),
      ...keysOf(list("facts"), "percentOf"),
      ...list("conflicts").flatMap((c) => (Array.isArray(c.facts) ? c.facts.map(String) : [])),
    ],
  });
}

/** What an ingest writes of the validated bundle: the new document's, and the facts it cites. */
function writtenOf(
  bundle: SeedBundle,
  id: string,
  newFacts: Set<string>,
  corroborated: string[],
): SeedBundle {
  return {
    ...emptyBundle(bundle.documents.filter((d) => d.id === id)),
    entities: bundle.entities.filter((e) => e.file === "input"),
    variables: bundle.variables.filter((v) => v.file === "input"),
    relations: bundle.relations.filter((r) => r.file === "input"),
    facts: bundle.facts.filter((f) => newFacts.has(f.key) || corroborated.includes(f.key)),
    conflicts: bundle.conflicts.filter((c) => c.file === "input"),
    checks: bundle.checks.filter((c) => c.file === "input"),
    // The new document's skips are kept on it (seed/01-documents), so that a backup holds them.
    skips: bundle.skips.filter((s) => s.document === id),
  };
}
