import type { ApiAggregate, ApiGroup } from "./api.js";
import type { GroupBy } from "./input.js";
import { groupId, type OracleGroup, type statsOf } from "./select.js";

/** The oracle's answer beside the API's, each difference said in one line (empty: the same). */

/** Keys missing, keys extra, and the first place where the order differs. */
export function keyDifferences(expected: readonly string[], got: readonly string[]): string[] {
  const want = new Set(expected);
  const have = new Set(got);
  const missing = expected.filter((k) => !have.has(k));
  const extra = got.filter((k) => !want.has(k));
  const out: string[] = [];
  if (missing.length) out.push(`missing ${missing.length}: ${missing.slice(0, 8).join(", ")}`);
  if (extra.length) out.push(`extra ${extra.length}: ${extra.slice(0, 8).join(", ")}`);
  if (got.length !== have.size)
    out.push(`a key listed twice (${got.length} rows, ${have.size} keys)`);
  if (!out.length) {
    const at = expected.findIndex((k, i) => got[i] !== k);
    if (at >= 0)
      out.push(
        `order differs at ${at}: expected ${expected.slice(at, at + 4).join(", ")}; got ${got.slice(at, at + 4).join(", ")}`,
      );
  }
  return out;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

type Stats = ReturnType<typeof statsOf>;

function statDifferences(what: string, expected: Stats, got: Stats): string[] {
  return (Object.keys(expected) as (keyof Stats)[])
    .filter((k) => !close(expected[k], got[k]))
    .map((k) => `${what}: ${k} expected ${expected[k]}, got ${got[k]}`);
}

/** A group of the API as the oracle keys it: the key of each grouping (UNIT always). */
function keysOf(g: ApiGroup, by: readonly GroupBy[]): OracleGroup["keys"] {
  const value: Record<GroupBy, string | null> = {
    ABOUT: g.about?.key ?? null,
    SCOPE: g.scope?.key ?? null,
    VARIABLE: g.variable?.key ?? null,
    PERIOD: g.period?.key ?? null,
    STATISTIC: g.statistic,
    UNIT: g.unit,
    DOCUMENT: g.document?.key ?? null,
    ABOUT_KIND: g.aboutKind,
  };
  const all = by.includes("UNIT") ? by : [...by, "UNIT" as const];
  return Object.fromEntries(all.map((b) => [b, value[b]]));
}

/** The groups (as sets: their keys, then their statistics). */
export function groupDifferences(
  expected: readonly OracleGroup[],
  got: readonly ApiGroup[],
  by: readonly GroupBy[],
): string[] {
  const want = new Map(expected.map((g) => [groupId(g.keys), g]));
  const have = new Map(got.map((g) => [groupId(keysOf(g, by)), g]));
  const out: string[] = [];
  if (have.size !== got.length)
    out.push(`a group listed twice (${got.length} rows, ${have.size} groups)`);
  for (const [id, g] of want) {
    const api = have.get(id);
    if (!api) out.push(`missing group ${id}`);
    else out.push(...statDifferences(`group ${id}`, g.stats, api));
  }
  for (const id of have.keys()) if (!want.has(id)) out.push(`extra group ${id}`);
  return out.slice(0, 10);
}

/** Whether the groups' order follows one `FactGroupSort` element (groups without the figure aside). */
export function groupOrderDifferences(
  got: readonly ApiGroup[],
  sort: Partial<Record<"count" | "sum" | "avg" | "min" | "max", "ASC" | "DESC">> | undefined,
): string[] {
  const [field, direction] = Object.entries(sort ?? {})[0] ?? [];
  if (!field) return [];
  const values = got
    .map((g) => g[field as "count"] as number | null)
    .filter((v): v is number => v !== null);
  const at = values.findIndex((v, i) =>
    i === 0 ? false : direction === "ASC" ? values[i - 1]! > v : values[i - 1]! < v,
  );
  return at < 0
    ? []
    : [`groups not sorted by ${field} ${direction} at ${at}: ${values.join(", ")}`];
}

/** The aggregate: count and withValue always; the figures when one unit, else null. */
export function aggregateDifferences(
  expected: Stats & { units: string[] },
  got: ApiAggregate,
): string[] {
  const out: string[] = [];
  const units = [...got.units].sort();
  if (JSON.stringify(units) !== JSON.stringify(expected.units))
    out.push(`units expected ${expected.units.join(",")}, got ${units.join(",")}`);
  const mixed = expected.units.length > 1;
  const want = mixed ? { ...expected, sum: null, avg: null, min: null, max: null } : expected;
  const { units: _, ...stats } = want;
  out.push(...statDifferences("aggregate", stats, got));
  return out;
}
