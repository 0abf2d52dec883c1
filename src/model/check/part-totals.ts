import type { FromFile, SeedBundle } from "../bundle.js";
import type { Fact } from "../fact.js";
import { mixedKinds } from "./percents.js";
import type { SeedCheck } from "./seed-check.js";

/**
 * Step 7: a check's parts and totals measure the same variable over the same period, as the same
 * statistic; a target is never summed with achievements, nor a percent with anything.
 */
export function checkPartTotals(check: SeedCheck, bundle: SeedBundle): void {
  for (const ch of bundle.checks) {
    const parts = ch.parts.map((k, i) => check.factRef(ch, `parts[${i}]`, k));
    const totals = ch.totals.map((k, i) => check.factRef(ch, `totals[${i}]`, k));
    for (const k of ch.parts.filter((k) => ch.totals.includes(k))) {
      check.problem(ch, "totals", `"${k}" is both a part and a total`);
    }
    const all = [...parts, ...totals].filter((f): f is FromFile<Fact> => f !== undefined);
    const [first] = all;
    if (!first) continue;
    const mixed = mixedKinds(all);
    if (mixed) {
      check.problem(ch, "", mixed);
      continue;
    }
    for (const field of ["variable", "period", "statistic"] as const) {
      const other = all.find((f) => f[field] !== first[field]);
      if (other) {
        check.problem(
          ch,
          "",
          `"${first.key}" and "${other.key}" differ in ${field} ("${first[field]}" vs "${other[field]}")`,
        );
      }
    }
  }
}
