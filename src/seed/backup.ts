import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { stringify } from "yaml";
import { cypher } from "../db/cypher.js";
import { ENTITY_FIELDS, RELATION_FIELDS } from "../model/fields.js";
import { RELATION_TYPES } from "../model/vocabulary.js";

/**
 * A full backup of the graph in the seed format: every document's exact text
 * (`documents/<id>.txt`) and the curated YAML (`curated/*.yaml`): documents with their language
 * and title, entities, variables, relations, facts with their citations (corroborations among
 * them) and deprecations, conflicts, checks, skips and the change log. Everything is read in ONE
 * read transaction, so that the backup is one state of the graph. `npm run seed -- --from <dir>`
 * loads it back.
 */

type Row = Record<string, unknown>;

/** The sections of a backup, one YAML file each, and the documents' texts. */
export interface Backup {
  texts: { id: string; text: string }[];
  files: Record<string, Record<string, unknown[]>>;
}

/** Properties that the loader sets; any other is one of the entry's extra `properties`. */
const ENTITY_PROPERTIES = new Set<string>(ENTITY_FIELDS);
const RELATION_PROPERTIES = new Set<string>(RELATION_FIELDS);

/** Drops null and undefined fields: the seed format has optional fields, never nulls. */
function present(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}

function labels(row: Row): Row[] {
  const texts = (row.labelTexts as string[] | null) ?? [];
  return texts.map((text, i) => ({
    text,
    language: (row.labelLanguages as string[])[i],
    kind: (row.labelKinds as string[])[i],
    from: (row.labelSources as string[])[i],
  }));
}

function extra(row: Row, known: Set<string>): Row | undefined {
  const rest = Object.entries(row).filter(([k, v]) => !known.has(k) && v !== null);
  return rest.length > 0 ? Object.fromEntries(rest) : undefined;
}

/** An entity entry from its node's properties. */
function entityEntry(e: Row): Row {
  return present({
    key: e.key,
    kind: e.kind,
    labels: labels(e),
    description: e.description,
    start: e.start,
    end: e.end,
    granularity: e.granularity,
    properties: extra(e, ENTITY_PROPERTIES),
  });
}

/** A relation entry from its row (the ends, type and the link's properties). */
function relationEntry(r: Row): Row {
  const p = r.properties as Row;
  return present({
    from: r.from,
    type: r.type,
    to: r.to,
    fact: p.fact,
    period: p.period,
    properties: extra(p, RELATION_PROPERTIES),
    source:
      p.sourceDocument == null
        ? undefined
        : { document: p.sourceDocument, quote: p.sourceQuote, start: p.sourceStart },
  });
}

/** A fact entry from its node's properties and citations; its value is null when garbled. */
function factEntry(f: Row): Row {
  const { key, variable, about, scope, period, statistic, comparedTo, percentOf } = f;
  const { unit, qualifier, note } = f;
  const citations = (f.citations as Row[]).map(present);
  const deprecated = f.deprecated ? { reason: f.deprecatedReason, at: f.deprecatedAt } : undefined;
  return {
    ...present({ key, variable, about, scope, period, statistic, comparedTo }),
    value: f.value ?? null,
    ...present({ unit, qualifier, note, percentOf, citations, deprecated }),
  };
}

/** Reads the whole graph, in one read transaction, as the sections of the seed format. */
export async function readBackup(driver: Driver, database: string | undefined): Promise<Backup> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(async (tx) => {
      const rows = async (name: string, params: Row = {}) =>
        (await tx.run(cypher(`backup/${name}`), params)).records.map((r) => r.toObject() as Row);
      const documents = await rows("01-documents");
      const entities = await rows("02-entities");
      const variables = await rows("03-variables");
      const relations = await rows("04-relations", { types: [...RELATION_TYPES] });
      const facts = await rows("05-facts");
      const conflicts = await rows("06-conflicts");
      const checks = await rows("07-checks");
      const changes = await rows("08-changes");
      return {
        texts: documents.map((d) => ({ id: String(d.id), text: String(d.text) })),
        files: {
          documents: {
            documents: documents.map((d) =>
              present({ id: d.id, language: d.language, title: d.title }),
            ),
          },
          skips: {
            skips: documents.flatMap((d) =>
              (d.skipRaws as string[]).map((raw, i) => ({
                document: d.id,
                raw,
                start: (d.skipStarts as number[])[i],
                reason: (d.skipReasons as string[])[i],
              })),
            ),
          },
          entities: { entities: entities.map(({ entity }) => entityEntry(entity as Row)) },
          variables: {
            variables: variables.map(({ variable }) => {
              const v = variable as Row;
              return { key: v.key, labels: labels(v), unit: v.unit, description: v.description };
            }),
          },
          relations: { relations: relations.map(relationEntry) },
          facts: { facts: facts.map(({ fact }) => factEntry(fact as Row)) },
          "conflicts-checks": {
            conflicts: conflicts.map((c) => ({ facts: [c.a, c.b], note: c.note })),
            checks: checks.map(({ check }) => check),
          },
          changes: { changes: changes.map(({ change }) => change) },
        },
      };
    });
  } finally {
    await session.close();
  }
}

/** The number of entries of each section of a backup. */
export function backupCounts(backup: Backup): Record<string, number> {
  const counts: Record<string, number> = { documents: backup.texts.length };
  for (const sections of Object.values(backup.files))
    for (const [name, entries] of Object.entries(sections))
      if (name !== "documents") counts[name] = entries.length;
  return counts;
}

/**
 * Writes a backup into `dir` (created if missing; it must hold no file yet, so that nothing
 * of an older backup mixes in): `documents/<id>.txt` and `curated/<section>.yaml`.
 */
export async function writeBackup(dir: string, backup: Backup): Promise<void> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0)
    throw new BackupDirNotEmpty(
      `${dir} is not empty: write a backup into a new or empty directory`,
    );
  await mkdir(join(dir, "documents"), { recursive: true });
  await mkdir(join(dir, "curated"), { recursive: true });
  for (const { id, text } of backup.texts)
    await writeFile(join(dir, "documents", `${id}.txt`), text, "utf8");
  for (const [name, sections] of Object.entries(backup.files)) {
    const header = `# Backup of the graph, in the seed format (src/model/seed-file.ts): ${name}.\n`;
    await writeFile(
      join(dir, "curated", `${name}.yaml`),
      header + stringify(sections, { lineWidth: 0 }),
      "utf8",
    );
  }
}

export class BackupDirNotEmpty extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupDirNotEmpty";
  }
}
