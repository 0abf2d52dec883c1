import { type SeedBundle, SeedError, type SourceText } from "../bundle.js";
import { checkConflicts } from "./conflicts.js";
import { checkCoverage } from "./coverage.js";
import { checkCorroborations, checkFacts } from "./facts.js";
import { checkLabels } from "./labels.js";
import { checkPartTotals } from "./part-totals.js";
import { checkPercents } from "./percents.js";
import { checkPeriods } from "./periods.js";
import { checkRelations } from "./relations.js";
import { SeedCheck } from "./seed-check.js";
import { parseSections } from "./shape.js";
import { locateQuotes } from "./starts.js";

/**
 * The checks of the seeds, each step one file of this folder: what `readSeeds` runs on the files
 * it reads, and what curation runs on a change against a snapshot of the graph.
 */

export interface CheckOptions {
  /**
   * Whether a label `from: text` must occur in one of `documents` (default true). Curation
   * turns it off: it checks a change against a few of the graph's documents, not all of them.
   */
  labelSources?: boolean;
  /**
   * Whether every number of every document must be used by a fact or skipped (default true), or
   * of these documents only. Curation checks only a new document's: its snapshot holds the
   * graph's other documents without all of their facts.
   */
  coverage?: boolean | readonly string[];
}

/**
 * Checks parsed seed files against the documents. `files` are the parsed YAML
 * contents with their (relative) file names. Returns the merged bundle, every quote located
 * (`filledStarts` says which starts were left out and filled in), or throws a SeedError
 * listing every problem.
 */
export function checkSeeds(
  documents: SourceText[],
  files: { file: string; data: unknown }[],
  options: CheckOptions = {},
): SeedBundle {
  const check = new SeedCheck();
  const parsed = parseSections(check, documents, files);
  check.knowDocuments(parsed.documents);
  const bundle = locateQuotes(check, parsed);
  check.indexKeys(bundle);
  if (options.labelSources !== false) checkLabels(check, bundle);
  checkPeriods(check, bundle);
  checkFacts(check, bundle);
  checkCorroborations(check, bundle);
  checkPercents(check, bundle);
  checkRelations(check, bundle);
  checkConflicts(check, bundle);
  checkPartTotals(check, bundle);
  // Coverage judges numbers against valid facts only: an invalid fact would leave its numbers
  // uncovered and repeat its problem, so it comes once everything else holds.
  if (options.coverage !== false && check.problems.length === 0)
    checkCoverage(check, bundle, options.coverage === true ? undefined : options.coverage);
  if (check.problems.length > 0) throw new SeedError(check.problems);
  return bundle;
}
