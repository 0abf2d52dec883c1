import type { SeedBundle } from "../model/bundle.js";
import { type Draft, draftDocument } from "./draft.js";
import { draftGraphOf } from "./draft-graph.js";
import { type ExpectedDocument, readExpectedSet } from "./evaluate-expected.js";
import { addSetCounts, scoreDraft, type SetCounts, zeroSetCounts } from "./evaluate-score.js";

/**
 * The evaluation set (`npm run draft:eval`, beside the tuning set): new documents, never used to
 * tune the rules (test/fixtures/draft-eval/README.md), each drafted against the whole seed graph,
 * facts included, and scored against its expected draft.
 */

export const EVALUATION_SET_DIR = "test/fixtures/draft-eval";

/**
 * The tuning batch: new documents in the evaluation set's format, written to tune the rules on
 * the kinds of release the seed documents lack (test/fixtures/draft-tune/README.md).
 */
export const TUNING_BATCH_DIR = "test/fixtures/draft-tune";

export interface SetEvaluation {
  documents: { id: string; counts: SetCounts; draft: Draft; misses: string[] }[];
  total: SetCounts;
}

/** Drafts and scores every document of a set against the seed bundle's whole graph. */
export function evaluateSet(bundle: SeedBundle, set: ExpectedDocument[]): SetEvaluation {
  const graph = draftGraphOf(bundle, true);
  const total = zeroSetCounts();
  const documents = set.map((expected) => {
    const started = performance.now();
    const draft = draftDocument(expected.doc, graph);
    const ms = performance.now() - started;
    const { counts, misses } = scoreDraft(expected, draft);
    counts.ms = ms;
    addSetCounts(total, counts);
    return { id: expected.doc.id, counts, draft, misses };
  });
  return { documents, total };
}

/** Reads the set of a folder (by default the sealed evaluation set) and evaluates it. */
export async function evaluateSetDir(
  bundle: SeedBundle,
  dir = EVALUATION_SET_DIR,
): Promise<SetEvaluation> {
  return evaluateSet(bundle, await readExpectedSet(dir));
}
