import { z } from "zod";
import { bounded, DocumentId, IsoDateTime, MAX_LENGTH } from "./fields.js";
import { Entity, Variable } from "./entity.js";
import { Check, Conflict, Corroboration, Fact } from "./fact.js";
import { Relation } from "./relation.js";
import { LANGUAGES } from "./vocabulary.js";

/**
 * The curated seed format (seeds/curated/*.yaml), validated when loaded.
 *
 * A seed file may hold any of the sections below; the loader merges every file
 * and then checks cross-references (keys, documents, quotes, values).
 *
 * A quote's `start` (a citation's, a relation source's) may be left out: the loader fills it in
 * where the quote occurs exactly once in its document (check/starts.ts), and asks to choose
 * among the offsets where it occurs more than once. The types named after a section
 * (`Fact`, `Relation`, `Citation`) are the entries once located, with every start known; the
 * `...Entry` types are the entries as written. The entries are defined in entity.ts, relation.ts
 * and fact.ts; this file adds the documents, skips and change log, and the file's sections.
 */

/** What the seeds say about a source document besides its text. */
export const DocumentEntry = z
  .object({
    /** The document's file name without .txt. */
    id: DocumentId,
    /** The language it is written in: its numbers are read, and its text indexed, in it. */
    language: z.enum(LANGUAGES),
    title: bounded(MAX_LENGTH.title).trim().min(1).optional(),
  })
  .strict();
export type DocumentEntry = z.infer<typeof DocumentEntry>;

/** A number of a document that is deliberately not a figure, with why (see check/coverage.ts). */
export const Skip = z
  .object({
    document: DocumentId,
    /** The number's words, as the number reader reports them. */
    raw: bounded(MAX_LENGTH.name).min(1),
    /** Its offset in the document's text. */
    start: z.number().int().nonnegative(),
    reason: bounded(MAX_LENGTH.text)
      .trim()
      .min(20, "say why it is not a figure (20 characters at least)"),
  })
  .strict();
export type Skip = z.infer<typeof Skip>;

/**
 * An entry of the change log: who changed what, and when (a curator through the API, or
 * `npm run ingest`). A backup (`npm run backup`) writes the log so that a restore keeps it.
 */
export const Change = z
  .object({
    key: z.string().min(1),
    at: IsoDateTime,
    by: z.string().min(1),
    action: z.string().min(1),
    /** The key of the entity or fact, or the id of the document, that was changed. */
    target: z.string().min(1),
    summary: z.string(),
  })
  .strict();
export type Change = z.infer<typeof Change>;

/** The sections a seed file may hold, each with the schema of its entries. */
export const SEED_SECTIONS = {
  documents: DocumentEntry,
  entities: Entity,
  variables: Variable,
  relations: Relation,
  facts: Fact,
  conflicts: Conflict,
  checks: Check,
  skips: Skip,
  corroborations: Corroboration,
  changes: Change,
} as const;
export type Section = keyof typeof SEED_SECTIONS;
