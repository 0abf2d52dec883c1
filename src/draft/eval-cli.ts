import { parseArgs } from "node:util";
import { runCli } from "../cli/run-cli.js";
import { readSeeds } from "../seed/read-seeds.js";
import { evaluateDrafts } from "./evaluate.js";
import { formatEvaluations } from "./evaluate-format.js";
import { EVALUATION_SET_DIR, evaluateSetDir, TUNING_BATCH_DIR } from "./evaluate-set.js";

/**
 * `npm run draft:eval [-- --misses]`: the drafter on three sets, side by side. The tuning set: the
 * two seed documents drafted against the seeds' entities and variables (none of their facts) and
 * compared with the curated facts (src/draft/evaluate.ts). The tuning batch and the evaluation
 * set: new documents drafted against the whole seed graph and compared with their expected
 * drafts (src/draft/evaluate-set.ts; test/fixtures/draft-tune/, open to tuning, and
 * test/fixtures/draft-eval/, sealed). --misses lists every difference of the first two only:
 * the sealed set's misses are not for reading while rules are written.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      misses: { type: "boolean", default: false },
      seeds: { type: "string", default: "seeds" },
      set: { type: "string", default: EVALUATION_SET_DIR },
      batch: { type: "string", default: TUNING_BATCH_DIR },
    },
  });
  const bundle = await readSeeds(values.seeds);
  const tuning = evaluateDrafts(bundle);
  const batch = await evaluateSetDir(bundle, values.batch);
  const evaluation = await evaluateSetDir(bundle, values.set);
  console.log(formatEvaluations(tuning, batch, evaluation));
  if (!values.misses) return;
  console.log("\n## Tuning set");
  for (const d of tuning.documents) console.log(`\n${d.id}:\n  ${d.misses.join("\n  ")}`);
  console.log("\n## Tuning batch");
  for (const d of batch.documents) console.log(`\n${d.id}:\n  ${d.misses.join("\n  ")}`);
}

runCli(run, [Error]);
