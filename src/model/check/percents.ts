import type { FromFile, SeedBundle } from "../bundle.js";
import type { Fact } from "../fact.js";
import type { SeedCheck } from "./seed-check.js";

/**
 * The most a percent may be: a share of a total is at most all of it; progress towards a target
 * may pass it (a target exceeded), but not tenfold, which is a misreading rather than a record.
 */
export const MAX_PERCENT = { share: 100, progress: 1000 } as const;

/** The variable whose facts are progress towards a target (a percent of a `target` fact). */
export const TARGET_PROGRESS = "target-progress";

/**
 * Step 4c: percents and what they are a percent of. A percent is at least 0 (an increase at
 * least -100), at most 100 unless it is progress towards a target or an increase; `percentOf`
 * names another fact of the bundle (or of the graph a change is checked against) that is not a
 * percent itself; progress is a percent of a target, and a target is a percent of nothing.
 */
export function checkPercents(check: SeedCheck, bundle: SeedBundle): void {
  for (const f of bundle.facts) {
    if (f.unit === "percent" && f.value !== null) checkRange(check, f, f.value);
    if (f.percentOf === undefined) continue;
    if (f.percentOf === f.key) {
      check.problem(f, "percentOf", "a fact is not a percent of itself");
      continue;
    }
    const of = check.factRef(f, "percentOf", f.percentOf);
    if (!of) continue;
    if (of.unit === "percent")
      check.problem(
        f,
        "percentOf",
        `"${of.key}" is a percent itself: name the fact in counts it is a percent of`,
      );
    else if (f.variable === TARGET_PROGRESS && of.statistic !== "target")
      check.problem(
        f,
        "percentOf",
        `progress towards a target is a percent of a target, and "${of.key}" is a ${of.statistic}`,
      );
    else if (f.variable !== TARGET_PROGRESS && of.statistic === "target")
      check.problem(
        f,
        "percentOf",
        `"${of.key}" is a target: a percent of it is ${TARGET_PROGRESS}, not ${f.variable}`,
      );
  }
}

function checkRange(check: SeedCheck, f: FromFile<Fact>, value: number): void {
  const least = f.statistic === "increase" ? -100 : 0;
  if (value < least) {
    check.problem(
      f,
      "value",
      `a percent ${f.statistic === "increase" ? "fall " : ""}below ${least}`,
    );
    return;
  }
  if (f.statistic === "increase") return;
  const most = f.variable === TARGET_PROGRESS ? MAX_PERCENT.progress : MAX_PERCENT.share;
  if (value > most)
    check.problem(
      f,
      "value",
      f.variable === TARGET_PROGRESS
        ? `${value} % of a target is more than ${most} %: check the figure`
        : `a share of ${value} % is more than the whole (${most} %)`,
    );
}

/** A target among achievements (or a percent among counts) in one sum: they do not add up. */
export function mixedKinds(facts: readonly Fact[]): string | undefined {
  const targets = facts.filter((f) => f.statistic === "target");
  if (targets.length > 0 && targets.length < facts.length)
    return `"${targets[0]?.key}" is a target: a goal is never added to what was reached`;
  const percents = facts.filter((f) => f.unit === "percent");
  if (percents.length > 0)
    return `"${percents[0]?.key}" is a percent: percents do not add up as parts of a total`;
  return undefined;
}
