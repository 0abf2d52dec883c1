import { GraphQLError } from "graphql";
import { isInt, Neo4jError } from "neo4j-driver";
import type { Db, TransactionRunner } from "../db/db.js";
import { inputError, notFound } from "../input-error.js";
import { DOCUMENT_ID, HEADER } from "../model/document-header.js";
import { changeRecord, SEED_STEPS, seedParameters } from "../seed/seed-parameters.js";
import {
  type SeedBundle,
  SeedError,
  type SeedProblem,
  emptyBundle,
  type SourceText,
} from "../model/bundle.js";
import { MAX_LENGTH, RELATION_FIELDS } from "../model/fields.js";
import { inWriteSlot } from "./write-slots.js";
import { type FactsWork, IN_THREAD } from "../workers/cpu-work.js";

/**
 * Curation: changes to the graph made through the API, each in ONE write
 * transaction that also records who made it and when. A change is validated
 * exactly as the seed loader validates seeds (checkSeeds), against a snapshot
 * of what it refers to, read in the same transaction; then written by the
 * same Cypher as the seeds. Any failure writes nothing.
 *
 * Racing writes are never merged. Whether a change creates or updates is decided inside its
 * transaction: the nodes it creates are first CREATEd by key (cypher/curation-claim.cypher), so
 * that the unique constraints let exactly one of racing creates of a key commit and refuse the
 * others (CONFLICT); an update of a link locks its start entity before reading the link, so that
 * racing updates run one after another, each a whole update.
 */

export interface Curator {
  /** Who: the JWT's subject, or "shared-token" for the configured secret. */
  name: string;
}

interface Snapshot {
  entities: Record<string, unknown>[];
  variables: Record<string, unknown>[];
  documents: { id: string; date: string; text: string; language: string; title: string }[];
  facts: Record<string, unknown>[];
}

interface Refs {
  entityKeys?: (string | null | undefined)[];
  variableKeys?: (string | null | undefined)[];
  documentIds?: (string | null | undefined)[];
  factKeys?: (string | null | undefined)[];
}

const present = (xs: (string | null | undefined)[] = []) => [
  ...new Set(xs.filter((x): x is string => typeof x === "string" && x.length > 0)),
];

/** Drops null properties (the seed format has optional fields, never nulls). */
function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * Reads what a change names (cypher/curation-snapshot-*.cypher): one query per kind of node that
 * it names any of, so that each query has one plan (Neo4j plans a query again for each
 * combination of empty and non-empty lists, a second or more the first time).
 */
async function snapshot(run: TransactionRunner, refs: Refs): Promise<Snapshot> {
  const rows = async <T>(kind: string, keys: Refs[keyof Refs]): Promise<T[]> => {
    const wanted = present(keys);
    if (wanted.length === 0) return [];
    const found = await run<{ row: T }>(`curation-snapshot-${kind}`, { keys: wanted });
    return found.map((r) => r.row);
  };
  const facts = await rows<Record<string, unknown>>("facts", refs.factKeys);
  return {
    entities: (await rows<Record<string, unknown>>("entities", refs.entityKeys)).map(withoutNulls),
    variables: await rows("variables", refs.variableKeys),
    documents: await rows("documents", refs.documentIds),
    facts: facts.map((f) => ({
      ...withoutNulls(f),
      citations: ((f.citations as Record<string, unknown>[]) ?? []).map(withoutNulls),
    })),
  };
}

/**
 * Where a problem of the input is, for the client: the argument (`input.name`,
 * `input.citations[0].start`, `input.facts`) and, when it is a facts file, the entry in it.
 */
type Locate = (problem: SeedProblem) => { argument: string; at?: string };

/** The argument at a field path of the single entry that a mutation's `input` is. */
const fieldOfInput =
  (rename: (path: string) => string = (path) => path): Locate =>
  (p) => ({ argument: p.path ? `input.${rename(p.path)}` : "input" });

/**
 * Validates `input` (seed-format sections) against the snapshot, as the seed loader would. A new
 * document (`added`) is checked with it, its every number covered by a fact or a skip.
 */
async function validate(
  graph: Snapshot,
  input: Record<string, unknown>,
  locate: Locate,
  added?: SourceText,
  work: FactsWork = IN_THREAD,
): Promise<SeedBundle> {
  const documents: SourceText[] = graph.documents.map(({ id, date, text }) => ({
    id,
    date,
    text,
    file: "graph",
  }));
  if (added) documents.push(added);
  try {
    return await work.checkSeeds(
      documents,
      [
        {
          file: "graph",
          data: {
            documents: graph.documents.map(({ id, language, title }) => ({ id, language, title })),
            entities: graph.entities,
            variables: graph.variables,
            facts: graph.facts,
          },
        },
        { file: "input", data: input },
      ],
      // The graph's labels and coverage were checked against all documents and facts when they
      // were loaded; the snapshot holds only the documents and facts a change names.
      { labelSources: false, coverage: added ? [added.id] : false },
    );
  } catch (error) {
    if (error instanceof SeedError) {
      // Problems of the graph's own data are not the client's; only the input's are reported.
      const mine = error.problems.filter((p) => p.file === "input");
      const problems = (mine.length > 0 ? mine : error.problems).map((p) => ({
        ...p,
        ...(p.file === "input" ? locate(p) : { argument: "input" }),
      }));
      const where = (p: (typeof problems)[number]) =>
        p.at ? `${p.argument}: ${p.at}` : p.argument;
      throw new GraphQLError(
        `Invalid input: ${problems.map((p) => `${where(p)}: ${p.reason}`).join("; ")}`,
        { extensions: { code: "BAD_USER_INPUT", argument: problems[0]?.argument, problems } },
      );
    }
    throw error;
  }
}

/** A change that would create what exists, or that another change has just created. */
export function conflictError(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}; nothing was changed`, {
    extensions: { code: "CONFLICT", argument },
  });
}

/** The new keys a change creates, by the label of their nodes. */
interface Claims {
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
type ClaimedLabel = keyof typeof CLAIMED;

/** Creates the nodes of the new keys (see the module's comment), each list sorted. */
async function claim(run: TransactionRunner, claims: Claims): Promise<void> {
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

/** The argument that gives the key a change creates: `input.key`. */
const keyArgument = () => "input.key";

/**
 * `db.writeTransaction` for a change, in one of the server's write slots (write-slots.ts): when
 * the unique constraint refused its claim (another change created one of its keys first), it
 * throws a CONFLICT naming the argument that gave the key.
 */
function writer(db: Db, argumentOf: (label: ClaimedLabel) => string = () => "input") {
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

function only<K extends keyof SeedBundle>(
  bundle: SeedBundle,
  section: K,
  keep: (item: SeedBundle[K][number]) => boolean,
): SeedBundle {
  return { ...emptyBundle(), [section]: (bundle[section] as SeedBundle[K][number][]).filter(keep) };
}

async function record(
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

export interface LabelInput {
  text: string;
  language: string;
  kind: string;
}

export interface EntityInput {
  key: string;
  kind: string;
  /** The English preferred name. */
  name: string;
  /** Its other labels: the Spanish preferred name at least, aliases, acronyms. */
  labels: LabelInput[];
  description: string;
  start?: string | null;
  end?: string | null;
  granularity?: string | null;
}

/**
 * The argument of a field of an entity's entry: its first label is `input.name`, the others
 * are `input.labels`.
 */
const entityField = fieldOfInput((path) => {
  const label = /^labels\[(\d+)\](.*)$/.exec(path);
  if (!label) return path;
  const i = Number(label[1]);
  return i === 0 ? "name" : `labels[${i - 1}]${label[2]}`;
});

/**
 * Adds an entity, or updates the name, aliases and description of an existing one. Of racing
 * adds of one new key, one creates it and the others are refused (CONFLICT); updates of one
 * entity are written one after another, each whole.
 */
export async function upsertEntity(db: Db, curator: Curator, input: EntityInput): Promise<string> {
  const write = writer(db, keyArgument);
  return write(async (run) => {
    const graph = await snapshot(run, { entityKeys: [input.key] });
    const existing = graph.entities.find((e) => e.key === input.key);
    if (existing && existing.kind !== input.kind) {
      throw inputError(
        "input.kind",
        `"${input.key}" is a ${String(existing.kind)}; an entity's kind cannot change`,
      );
    }
    const { name, labels, ...rest } = input;
    // Labels given through the API are the curator's: from: curated.
    const entity = withoutNulls({
      ...rest,
      labels: [{ text: name, language: "en", kind: "preferred" }, ...labels].map((l) => ({
        ...l,
        from: "curated",
      })),
    });
    const bundle = await validate(
      { ...graph, entities: graph.entities.filter((e) => e.key !== input.key) },
      { entities: [entity] },
      entityField,
    );
    if (!existing) await claim(run, { entities: [input.key] });
    await run(
      "seed/02-entities",
      seedParameters(only(bundle, "entities", (e) => e.key === input.key))["seed/02-entities"],
    );
    await record(
      run,
      curator,
      existing ? "update-entity" : "create-entity",
      input.key,
      `${input.kind} "${input.name}"`,
    );
    return input.key;
  });
}

export interface CitationInput {
  document: string;
  quote: string;
  start: number;
  garbled?: string | null;
  note?: string | null;
}

export interface FactInput {
  key: string;
  variable: string;
  about: string;
  scope?: string | null;
  period: string;
  comparedTo?: string | null;
  statistic: string;
  value?: number | null;
  unit: string;
  qualifier?: string | null;
  note?: string | null;
  citations: CitationInput[];
}

/** Adds a fact with its citations; a key that exists, or that a racing add takes first, is a CONFLICT. */
export async function addFact(db: Db, curator: Curator, input: FactInput): Promise<string> {
  const write = writer(db, keyArgument);
  return write(async (run) => {
    const graph = await snapshot(run, {
      entityKeys: [input.about, input.scope, input.period, input.comparedTo],
      variableKeys: [input.variable],
      documentIds: input.citations.map((c) => c.document),
      factKeys: [input.key],
    });
    if (graph.facts.length > 0)
      throw conflictError("input.key", `a fact with key "${input.key}" already exists`);
    const fact = {
      ...withoutNulls({ ...input, qualifier: input.qualifier ?? "exact" }),
      value: input.value ?? null,
      citations: input.citations.map((c) => withoutNulls({ ...c })),
    };
    const bundle = await validate(graph, { facts: [fact] }, fieldOfInput());
    await claim(run, { facts: [input.key] });
    const params = seedParameters(only(bundle, "facts", (f) => f.key === input.key));
    await run("seed/05-facts", params["seed/05-facts"]);
    await run("seed/06-citations", params["seed/06-citations"]);
    await record(
      run,
      curator,
      "add-fact",
      input.key,
      `${input.value ?? "no value"} ${input.unit} (${input.variable} about ${input.about})`,
    );
    return input.key;
  });
}

export interface LinkInput {
  from: string;
  type: string;
  to: string;
  fact?: string | null;
  period?: string | null;
  role?: string | null;
  source?: { document: string; quote: string; start: number } | null;
}

/** The arguments of a relation entry's fields: its source is `input.source`, its role `input.role`. */
const linkField = fieldOfInput((path) => (path.startsWith("properties.role") ? "role" : path));

/** A number that Neo4j may return as an Integer. */
const asNumber = (x: unknown) => (isInt(x) ? x.toNumber() : Number(x));

/**
 * Links two entities (a structural relation), optionally with the fact that gives its figure.
 * Linking again updates the link: what the update sets replaces what the link held, what it
 * leaves out (its fact, period, role, source) is kept. The links of one entity are changed one
 * at a time (its start entity is locked first), each change reading what the one before wrote.
 */
export async function linkEntities(db: Db, curator: Curator, input: LinkInput): Promise<string> {
  return writer(db)(async (run) => {
    const [row] = await run<{ properties: Record<string, unknown> | null }>("curation-link", {
      from: input.from,
      type: input.type,
      to: input.to,
    });
    const old = row?.properties ?? undefined;
    const kept = (name: string) => (old?.[name] == null ? undefined : old[name]);
    const factKey = input.fact ?? (kept("fact") as string | undefined);
    const first = await snapshot(run, { factKeys: [factKey] });
    const fact = first.facts[0];
    const citations = (fact?.citations as { document: string }[] | undefined) ?? [];
    const source =
      input.source ??
      (kept("sourceDocument") === undefined
        ? undefined
        : {
            document: String(old?.sourceDocument),
            quote: String(old?.sourceQuote),
            start: asNumber(old?.sourceStart),
          });
    const extra = Object.fromEntries(
      Object.entries(old ?? {}).filter(
        ([k, v]) => v !== null && !(RELATION_FIELDS as readonly string[]).includes(k),
      ),
    );
    const properties = { ...extra, ...(input.role ? { role: input.role } : {}) };
    const relation = withoutNulls({
      from: input.from,
      type: input.type,
      to: input.to,
      fact: factKey,
      period: input.period ?? kept("period"),
      properties: Object.keys(properties).length > 0 ? properties : undefined,
      source: source ? { ...source } : undefined,
    });
    const graph = await snapshot(run, {
      entityKeys: [
        input.from,
        input.to,
        relation.period as string | undefined,
        ...(["about", "scope", "period", "comparedTo"] as const).map(
          (k) => fact?.[k] as string | undefined,
        ),
      ],
      variableKeys: [fact?.variable as string | undefined],
      documentIds: [source?.document, ...citations.map((c) => c.document)],
      factKeys: [factKey],
    });
    const bundle = await validate(graph, { relations: [relation] }, linkField);
    await run("seed/04-relations", seedParameters(bundle)["seed/04-relations"]);
    await record(
      run,
      curator,
      old ? "update-link" : "link-entities",
      input.from,
      `${input.from} -[${input.type}]-> ${input.to}`,
    );
    return input.from;
  });
}

/** Deprecates a fact with a reason: it stays, hidden from default reads. */
export async function deprecateFact(
  db: Db,
  curator: Curator,
  key: string,
  reason: string,
): Promise<string> {
  if (reason.trim().length < 3) throw inputError("reason", "a deprecation needs a reason");
  if (reason.length > MAX_LENGTH.text)
    throw inputError("reason", `must be at most ${MAX_LENGTH.text} characters`);
  if (key.length > MAX_LENGTH.key)
    throw inputError("key", `must be at most ${MAX_LENGTH.key} characters`);
  return writer(db)(async (run) => {
    const rows = await run("fact-deprecate", { key, reason: reason.trim() });
    if (rows.length === 0) throw notFound("key", `no fact has the key "${key}"`);
    await record(run, curator, "deprecate-fact", key, reason.trim());
    return key;
  });
}

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

/**
 * Ingests a new document with its facts file, as `npm run ingest` does: validated with what it
 * refers to in the graph (its every number covered by a fact or a skip), then written in ONE
 * write transaction with one change per new fact and per corroboration. Nothing is written if
 * anything is wrong.
 */
export async function ingestDocument(
  db: Db,
  curator: Curator,
  input: DocumentIngest,
  work: FactsWork = IN_THREAD,
): Promise<{ document: string; facts: string[]; corroborated: string[] }> {
  const date = newDocumentDate(input);
  // Parsing and checking a whole facts file is CPU work: the server's pool does it (`work`).
  const sections = await work.parseFacts(input.facts);
  const list = (name: string) => sections[name] ?? [];
  const keysOf = (items: Record<string, unknown>[], ...fields: string[]) =>
    items.flatMap((x) => fields.map((f) => x[f])).filter((x): x is string => typeof x === "string");

  // A whole document's facts in one transaction: more than a request's usual time, still bounded.
  const timeoutMs = Math.max(db.timeoutMs, INGEST_TIMEOUT_MS);
  const argumentOf = (label: ClaimedLabel) => (label === "Document" ? "input.id" : "input.facts");
  return writer(db, argumentOf)(async (run) => {
    // The graph's facts it names (corroborated, in conflict) come with what they refer to.
    const named = await snapshot(run, {
      factKeys: [
        ...keysOf(list("corroborations"), "fact"),
        ...list("conflicts").flatMap((c) => (Array.isArray(c.facts) ? c.facts.map(String) : [])),
      ],
    });
    const ofNamed = (field: string) =>
      named.facts.map((f) => f[field]).filter((x): x is string => typeof x === "string");
    const graph = await snapshot(run, {
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
        input.id,
        ...named.facts.flatMap((f) =>
          ((f.citations as Record<string, unknown>[] | undefined) ?? []).map((c) =>
            String(c.document),
          ),
        ),
      ],
      factKeys: [
        ...keysOf(list("facts"), "key"),
        ...keysOf(list("corroborations"), "fact"),
        ...list("conflicts").flatMap((c) => (Array.isArray(c.facts) ? c.facts.map(String) : [])),
      ],
    });
    if (graph.documents.some((d) => d.id === input.id))
      throw conflictError("input.id", `a document with id "${input.id}" is already in the graph`);
    const known = new Set(graph.facts.map((f) => String(f.key)));
    const clash = keysOf(list("facts"), "key").find((k) => known.has(k));
    if (clash)
      throw conflictError("input.facts", `a fact with key "${clash}" is already in the graph`);
    const added: SourceText = {
      id: input.id,
      date,
      text: input.text,
      file: "input",
    };
    const bundle = await validate(graph, sections, factsFileEntry, added, work);
    const newFacts = new Set(keysOf(list("facts"), "key"));
    const corroborated = [...new Set(bundle.corroborations.map((c) => c.fact))];
    const written: SeedBundle = {
      ...emptyBundle(bundle.documents.filter((d) => d.id === input.id)),
      entities: bundle.entities.filter((e) => e.file === "input"),
      variables: bundle.variables.filter((v) => v.file === "input"),
      relations: bundle.relations.filter((r) => r.file === "input"),
      facts: bundle.facts.filter((f) => newFacts.has(f.key) || corroborated.includes(f.key)),
      conflicts: bundle.conflicts.filter((c) => c.file === "input"),
      checks: bundle.checks.filter((c) => c.file === "input"),
      // The new document's skips are kept on it (seed/01-documents), so that a backup holds them.
      skips: bundle.skips.filter((s) => s.document === input.id),
    };
    await claim(run, {
      documents: [input.id],
      entities: written.entities.map((e) => e.key),
      variables: written.variables.map((v) => v.key),
      facts: [...newFacts],
      checks: written.checks.map((c) => c.key),
    });
    const params = seedParameters(written);
    for (const step of SEED_STEPS) await run(step, params[step]);
    for (const f of written.facts) {
      if (newFacts.has(f.key))
        await record(
          run,
          curator,
          "add-fact",
          f.key,
          `ingested with ${input.id}: ${f.value ?? "no value"} ${f.unit} (${f.variable} about ${f.about})`,
        );
      else await record(run, curator, "add-citation", f.key, `corroborated by ${input.id}`);
    }
    return { document: input.id, facts: [...newFacts], corroborated };
  }, timeoutMs);
}
