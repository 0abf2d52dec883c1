import type { SeedBundle } from "../bundle.js";
import type { SeedCheck } from "./seed-check.js";

/**
 * Step 6: a conflict is between two different facts about the same thing that disagree; a target
 * and an achievement for the same thing and period are not a conflict.
 */
export function checkConflicts(check: SeedCheck, bundle: SeedBundle): void {
  for (const c of bundle.conflicts) {
    const [a, b] = c.facts.map((k, i) => check.factRef(c, `facts[${i}]`, k));
    if (!a || !b) continue;
    if (a.key === b.key) {
      check.problem(c, "facts", "a conflict is between two different facts");
      continue;
    }
    for (const field of ["variable", "about", "period"] as const) {
      if (a[field] !== b[field]) {
        check.problem(
          c,
          "facts",
          `the facts differ in ${field} ("${a[field]}" vs "${b[field]}"): they do not conflict`,
        );
      }
    }
    if ((a.statistic === "target") !== (b.statistic === "target")) {
      check.problem(
        c,
        "facts",
        "a target and an achievement do not conflict: one is a goal, the other what was reached",
      );
      continue;
    }
    if (a.value === b.value && a.qualifier === b.qualifier) {
      check.problem(c, "facts", "the facts agree: make them one fact with both citations");
    }
  }
}
