import type { SeedBundle } from "../bundle.js";
import type { Entity } from "../entity.js";
import type { SeedCheck } from "./seed-check.js";

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Step 3: a period's dates are real, and a day, month or year runs exactly that long. */
export function checkPeriods(check: SeedCheck, bundle: SeedBundle): void {
  for (const e of bundle.entities) {
    if (e.kind !== "TimePeriod" || !e.start || !e.end) continue;
    let ok = true;
    for (const field of ["start", "end"] as const) {
      if (!isRealDate(e[field] as string)) {
        check.problem(e, field, `"${e[field]}" is not a real date`);
        ok = false;
      }
    }
    if (!ok) continue;
    const [y, m] = e.start.split("-").map(Number) as [number, number];
    const expected: Partial<Record<NonNullable<Entity["granularity"]>, [string, string]>> = {
      day: [e.start, e.start],
      month: [
        `${e.start.slice(0, 8)}01`,
        `${e.start.slice(0, 8)}${String(lastDayOfMonth(y, m)).padStart(2, "0")}`,
      ],
      year: [`${y}-01-01`, `${y}-12-31`],
    };
    const want = e.granularity ? expected[e.granularity] : undefined;
    if (want && (e.start !== want[0] || e.end !== want[1])) {
      check.problem(
        e,
        "end",
        `a ${e.granularity} period starting ${e.start} runs ${want[0]} to ${want[1]}, not ${e.start} to ${e.end}`,
      );
    }
  }
}
