import { parseArgs } from "node:util";
import { runCli } from "../cli/run-cli.js";
import { readSeeds } from "../seed/read-seeds.js";
import { evaluateDrafts, formatEvaluation } from "./evaluate.js";

/**
 * `npm run draft:eval [-- --misses]`: drafts the two seed documents against the seeds' entities
 * and variables (none of their facts), compares the drafts with the curated facts and prints the
 * figures (src/draft/evaluate.ts); --misses lists every difference.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      misses: { type: "boolean", default: false },
      seeds: { type: "string", default: "seeds" },
    },
  });
  const bundle = await readSeeds(values.seeds);
  const evaluation = evaluateDrafts(bundle);
  console.log(formatEvaluation(evaluation));
  if (values.misses)
    for (const d of evaluation.documents) console.log(`\n${d.id}:\n  ${d.misses.join("\n  ")}`);
}

runCli(run, [Error]);
