import type { Counts, Evaluation } from "./evaluate.js";
import type { SetCounts } from "./evaluate-score.js";
import type { SetEvaluation } from "./evaluate-set.js";

/**
 * The figures of `npm run draft:eval` as one markdown table: the tuning set (each seed document,
 * both), the tuning batch and the evaluation set side by side, with their targets (the batch is
 * held to the evaluation set's). A measure that one set does
 * not take shows "–" there.
 */

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)} %`);
const ratio = (a: number, b: number) => `${pct(a, b)} (${a}/${b})`;
const msPer5000 = (c: { ms: number; chars: number }) =>
  `${((c.ms * 5000) / Math.max(1, c.chars)).toFixed(1)}`;

type Row = [
  name: string,
  tuning: ((c: Counts) => string) | null,
  tuningTarget: string,
  evaluation: ((c: SetCounts) => string) | null,
  evaluationTarget: string,
];

const ROWS: Row[] = [
  [
    "figure recall (expected figures found)",
    (c) => ratio(c.found, c.curated),
    "≥ 98 %",
    (c) => ratio(c.found, c.expected),
    "≥ 98 %",
  ],
  [
    "figure precision (drafted figures that are expected)",
    (c) => ratio(c.drafts, c.drafted),
    "≥ 90 %",
    (c) => ratio(c.drafts, c.drafted),
    "≥ 95 %",
  ],
  [
    "  counting figures the seeds skip as right",
    (c) => pct(c.drafts + c.draftsSkippedBySeeds, c.drafted),
    "",
    null,
    "",
  ],
  ["quote exact", (c) => pct(c.quoteExact, c.found), "", null, ""],
  ["quote exact or containing it within 3 words", (c) => pct(c.quoteWithin, c.found), "", null, ""],
  [
    "entity top 1 (a new entity: proposed, of its kind)",
    (c) => pct(c.aboutTop1, c.found),
    "≥ 80 %",
    (c) => pct(c.aboutTop1, c.found),
    "≥ 85 %",
  ],
  ["entity top 3", (c) => pct(c.aboutTop3, c.found), "≥ 95 %", null, ""],
  [
    "new entities proposed (of the expected kind)",
    null,
    "",
    (c) => ratio(c.newEntitiesRight, c.newEntities),
    "",
  ],
  [
    "variable top 1",
    (c) => pct(c.variableTop1, c.found),
    "",
    (c) => pct(c.variableTop1, c.found),
    "",
  ],
  ["variable top 3", (c) => pct(c.variableTop3, c.found), "", null, ""],
  ["scope", null, "", (c) => pct(c.scopeRight, c.found), "≥ 85 %"],
  ["statistic", null, "", (c) => pct(c.statisticRight, c.found), ""],
  [
    "restatements and changes recognised (kind and fact)",
    null,
    "",
    (c) => ratio(c.restatesChangedRight, c.restatesChanged),
    "≥ 90 %",
  ],
  [
    "graph match, every figure found (kind and fact)",
    null,
    "",
    (c) => pct(c.graphRight, c.found),
    "",
  ],
  ["targets recognised", null, "", (c) => ratio(c.targetsRight, c.targets), "≥ 90 %"],
  ["unit", null, "", (c) => pct(c.unitRight, c.found), ""],
  ["percents in percent", null, "", (c) => ratio(c.percentsRight, c.percents), ""],
  [
    "period (where the expected one is in the graph)",
    (c) => pct(c.periodTop1, c.found),
    "≥ 85 %",
    (c) => ratio(c.periodRight, c.periods),
    "",
  ],
  ["qualifier", (c) => pct(c.qualifier, c.found), "", null, ""],
  [
    "skip precision (skips that are not curated figures)",
    (c) => ratio(c.skipsRight, c.skips),
    "",
    null,
    "",
  ],
  [
    "skips right (numbers that are not figures, skipped)",
    null,
    "",
    (c) => ratio(c.skipsRight, c.skips),
    "",
  ],
  ["drafting time (ms per 5,000 characters)", msPer5000, "≤ 1000", msPer5000, "≤ 1000"],
];

/** Both sets' figures, side by side, with the issue's targets. */
export function formatEvaluations(
  tuning: Evaluation,
  batch: SetEvaluation,
  evaluation: SetEvaluation,
): string {
  const header = [
    "measure",
    ...tuning.documents.map((d) => d.id),
    "tuning set",
    "target",
    `tuning batch (${batch.documents.length} documents)`,
    `evaluation set (${evaluation.documents.length} documents)`,
    "target",
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header),
    line(header.map(() => "---")),
    ...ROWS.map(([name, t, tTarget, e, eTarget]) =>
      line([
        name,
        ...tuning.documents.map((d) => (t ? t(d.counts) : "–")),
        t ? t(tuning.total) : "–",
        tTarget,
        e ? e(batch.total) : "–",
        e ? e(evaluation.total) : "–",
        eTarget,
      ]),
    ),
  ].join("\n");
}
