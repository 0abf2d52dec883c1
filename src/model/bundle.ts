import type { Change, Skip } from "./seed-file.js";
import type {
  Check,
  Conflict,
  Corroboration,
  CorroborationEntry,
  Fact,
  FactEntry,
} from "./fact.js";
import type { Entity, Variable } from "./entity.js";
import type { Language } from "./vocabulary.js";
import type { Relation, RelationEntry } from "./relation.js";

/** What the seeds are once read: the documents and the curated entries, each with its file. */

/** A source document's file as read. */
export interface SourceText {
  /** The file name without .txt. */
  id: string;
  /** The date in the header (YYYY-MM-DD). */
  date: string;
  /** The whole file content, header included: citation offsets index into it. */
  text: string;
  /** The file it was read from. */
  file: string;
}

/** A source document with what its `documents:` entry says of it. */
export interface SeedDocument extends SourceText {
  language: Language;
  title: string;
}

export type FromFile<T> = T & { file: string };

export interface SeedBundle {
  documents: SeedDocument[];
  entities: FromFile<Entity>[];
  variables: FromFile<Variable>[];
  relations: FromFile<Relation>[];
  facts: FromFile<Fact>[];
  conflicts: FromFile<Conflict>[];
  checks: FromFile<Check>[];
  skips: FromFile<Skip>[];
  corroborations: FromFile<Corroboration>[];
  changes: FromFile<Change>[];
  /** The quotes' starts that were left out and filled in (check/starts.ts): facts', then relations'. */
  filledStarts: FilledStart[];
}

/** The entries as written, before their quotes are located: a start may be missing. */
export interface ParsedBundle extends Omit<SeedBundle, "facts" | "relations" | "corroborations"> {
  facts: FromFile<FactEntry>[];
  relations: FromFile<RelationEntry>[];
  corroborations: FromFile<CorroborationEntry>[];
}

/** A quote's start that was left out, filled in where the quote occurs once in its document. */
export interface FilledStart {
  file: string;
  /** The entry, e.g. `facts[0] (key: umf-count)`. */
  entry: string;
  /** The quote's place in the entry, e.g. `citations[0]` or `source`. */
  path: string;
  start: number;
}

/** "facts.yaml: filled in start 57 for facts[0] (key: umf-count) at citations[0]". */
export function formatFilledStart(f: FilledStart): string {
  return `${f.file}: filled in start ${f.start} for ${f.entry} at ${f.path}`;
}

/** A bundle with no entries (and these documents). */
export function emptyBundle(documents: SeedDocument[] = []): SeedBundle {
  return {
    documents,
    entities: [],
    variables: [],
    relations: [],
    facts: [],
    conflicts: [],
    checks: [],
    skips: [],
    corroborations: [],
    changes: [],
    filledStarts: [],
  };
}

export interface SeedProblem {
  /** The file, as a path relative to the working directory when the seeds dir is relative. */
  file: string;
  /** The entry, e.g. `facts[12] (key: umf-count)`, or `(file)` for the file as a whole. */
  entry: string;
  /** The field path inside the entry, e.g. `citations[0].start`; empty for the entry itself. */
  path: string;
  reason: string;
}

export class SeedError extends Error {
  readonly problems: SeedProblem[];

  constructor(problems: SeedProblem[]) {
    super(
      `${problems.length} seed problem${problems.length === 1 ? "" : "s"}:\n${problems
        .map((p) => `  - ${formatProblem(p)}`)
        .join("\n")}`,
    );
    this.name = "SeedError";
    this.problems = problems;
  }
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}: ${p.entry}${p.path ? ` at ${p.path}` : ""}: ${p.reason}`;
}
