import { GraphQLError } from "graphql";
import { type FactsFile, parseFactsFile } from "../curation/facts-file.js";
import { detectLanguage } from "../draft/detect-language.js";
import { type Draft, type DraftDocument, draftDocument } from "../draft/draft.js";
import type { DraftGraph } from "../draft/draft-graph.js";
import { draftYaml } from "../draft/draft-yaml.js";
import { checkSeeds } from "../model/check/check-seeds.js";
import { type SeedBundle, SeedError, type SeedProblem } from "../model/bundle.js";

/**
 * The CPU-heavy work of a request, as pure functions of plain data (what a worker thread can be
 * sent and can send back): drafting a document, and parsing and checking a facts file. The
 * server runs them in its worker pool (pool.ts), the command-line tools in their own thread.
 */

export interface DraftTask {
  document: Omit<DraftDocument, "language"> & { language?: DraftDocument["language"] };
  graph: DraftGraph;
  /** Write the facts file too (it costs more than the draft): only when it is asked for. */
  yaml: boolean;
}

/** A facts file read: its sections, or the error that says where it is wrong (as data). */
export type ParsedFacts =
  | { ok: true; data: FactsFile }
  | { ok: false; message: string; extensions: Record<string, unknown> };

export const TASKS = {
  /** The draft of a document against the graph, with its facts file (or ""); the language detected when not given. */
  draft({ document, graph, yaml }: DraftTask): Draft & { yaml: string } {
    const language = document.language ?? detectLanguage(document.text).language;
    const draft = draftDocument({ ...document, language }, graph);
    return { ...draft, yaml: yaml ? draftYaml(draft) : "" };
  },

  /** A facts file (YAML or JSON) read by parseFactsFile, its refusal as data. */
  parseFacts(text: string): ParsedFacts {
    try {
      return { ok: true, data: parseFactsFile(text) };
    } catch (error) {
      if (error instanceof GraphQLError)
        return { ok: false, message: error.message, extensions: { ...error.extensions } };
      throw error;
    }
  },

  /** checkSeeds, with its problems as data (a SeedError does not cross threads). */
  checkSeeds(
    args: Parameters<typeof checkSeeds>,
  ): { ok: true; bundle: SeedBundle } | { ok: false; problems: SeedProblem[] } {
    try {
      return { ok: true, bundle: checkSeeds(...args) };
    } catch (error) {
      if (error instanceof SeedError) return { ok: false, problems: error.problems };
      throw error;
    }
  },
} as const;

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = ReturnType<Tasks[K]>;

/** Throws the error a parseFacts task found, or returns the file's sections. */
export function factsFileOf(result: ParsedFacts): FactsFile {
  if (!result.ok) throw new GraphQLError(result.message, { extensions: result.extensions });
  return result.data;
}

/** Throws the SeedError a checkSeeds task found, or returns its bundle. */
export function bundleOf(result: TaskOutput<"checkSeeds">): SeedBundle {
  if (!result.ok) throw new SeedError(result.problems);
  return result.bundle;
}
