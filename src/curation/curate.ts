import { isInt } from "neo4j-driver";
import type { Db } from "../db/db.js";
import { inputError, notFound } from "../input-error.js";
import { seedParameters } from "../seed/seed-parameters.js";
import type { SeedBundle } from "../model/bundle.js";
import { emptyBundle } from "../model/bundle.js";
import { MAX_LENGTH, RELATION_FIELDS } from "../model/fields.js";
import { claim, conflictError, type Curator, record, writer } from "./change-log.js";
import { fieldOfInput, snapshot, validate, withoutNulls } from "./snapshot.js";

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
 *
 * This file holds the API's mutations; snapshot.ts reads and validates what a change refers to,
 * change-log.ts writes and records it, ingest.ts ingests a new document.
 */

/** The argument that gives the key a change creates: `input.key`. */
const keyArgument = () => "input.key";

function only<K extends keyof SeedBundle>(
  bundle: SeedBundle,
  section: K,
  keep: (item: SeedBundle[K][number]) => boolean,
): SeedBundle {
  return { ...emptyBundle(), [section]: (bundle[section] as SeedBundle[K][number][]).filter(keep) };
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
    await run("seed/10-fact-summaries", params["seed/10-fact-summaries"]);
    await record(run, curator, "add-fact", input.key, factSummary(input));
    return input.key;
  });
}

/** A fact as the change log summarises it: "<value> <unit> (<variable> about <about>)". */
export function factSummary(f: {
  value?: number | null;
  unit: string;
  variable: string;
  about: string;
}): string {
  return `${f.value ?? "no value"} ${f.unit} (${f.variable} about ${f.about})`;
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
    await run("seed/10-fact-summaries", { cells: [] });
    await record(run, curator, "deprecate-fact", key, reason.trim());
    return key;
  });
}
