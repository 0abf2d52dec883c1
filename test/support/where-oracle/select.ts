import { ENTITY_KIND, STATISTIC, UNIT } from "../../../src/model/vocabulary.js";
import { factMatches } from "./evaluate.js";
import type { FactSortField, FactSortIn, FactWhereIn, GroupBy } from "./input.js";
import type { OracleFact, World } from "./world.js";

/**
 * What `facts(where:, sort:)`, `aggregate` and `factGroups` should answer, computed in plain
 * TypeScript over every fact of the world.
 */

/** The facts a top-level where selects: deprecated facts left out unless it says `deprecated`. */
export function selectFacts(world: World, where: FactWhereIn | undefined): OracleFact[] {
  return world.facts.filter(
    (f) =>
      (where?.deprecated !== undefined || !f.deprecated) &&
      (where === undefined || factMatches(where, f, world)),
  );
}

/** A fact's value for one sort field (null sorts last either way). */
function sortValue(f: OracleFact, field: FactSortField, world: World): string | number | null {
  const period = world.entities.get(f.period);
  switch (field) {
    case "key":
      return f.key;
    case "value":
      return f.value;
    case "periodStart":
      return period?.start ?? null;
    case "periodEnd":
      return period?.end ?? null;
    case "documentDate": {
      const dates = f.citations.map((c) => world.documents.get(c.document)?.date ?? "~");
      return dates.sort()[0] ?? null;
    }
    case "aboutName":
      return world.entities.get(f.about)?.name ?? null;
  }
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The facts in the order of `sort`, ties broken by key ascending. */
export function sortFacts(
  facts: readonly OracleFact[],
  sort: readonly FactSortIn[],
  world: World,
): OracleFact[] {
  const keys = sort.map((element) => {
    const [field, direction] = Object.entries(element)[0] as [FactSortField, "ASC" | "DESC"];
    return { field, sign: direction === "DESC" ? -1 : 1 };
  });
  const rows = facts.map((f) => ({
    f,
    values: keys.map(({ field }) => sortValue(f, field, world)),
  }));
  rows.sort((a, b) => {
    for (const [i, { sign }] of keys.entries()) {
      const x = a.values[i] ?? null;
      const y = b.values[i] ?? null;
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
        continue;
      }
      const c = compare(x, y);
      if (c !== 0) return sign * c;
    }
    return compare(a.f.key, b.f.key);
  });
  return rows.map((r) => r.f);
}

/** count, withValue, sum, avg, min and max of some facts (null sum, avg... when none has a value). */
export function statsOf(facts: readonly OracleFact[]) {
  const values = facts.map((f) => f.value).filter((v): v is number => v !== null);
  const sum = values.reduce((s, v) => s + v, 0);
  return {
    count: facts.length,
    withValue: values.length,
    sum: values.length ? sum : null,
    avg: values.length ? sum / values.length : null,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

const apiName = (vocabulary: Readonly<Record<string, { value: string }>>, value: string) =>
  Object.entries(vocabulary).find(([, v]) => v.value === value)?.[0] ?? `?${value}`;

/**
 * A fact's key in each grouping, as the API names it (keys of the objects, enum names); a fact
 * citing two documents has two DOCUMENT keys, and is in both groups.
 */
function groupValues(f: OracleFact, by: GroupBy, world: World): (string | null)[] {
  switch (by) {
    case "ABOUT":
      return [f.about];
    case "SCOPE":
      return [f.scope];
    case "VARIABLE":
      return [f.variable];
    case "PERIOD":
      return [f.period];
    case "STATISTIC":
      return [apiName(STATISTIC, f.statistic)];
    case "UNIT":
      return [apiName(UNIT, f.unit)];
    case "DOCUMENT":
      return [...new Set(f.citations.map((c) => c.document))];
    case "ABOUT_KIND":
      return [apiName(ENTITY_KIND, world.entities.get(f.about)?.kind ?? "?")];
  }
}

export interface OracleGroup {
  keys: Partial<Record<GroupBy, string | null>>;
  stats: ReturnType<typeof statsOf>;
}

/** The groups of the selected facts, UNIT added to the grouping when it is not asked for. */
export function groupFacts(
  facts: readonly OracleFact[],
  groupBy: readonly GroupBy[],
  world: World,
): OracleGroup[] {
  const by = groupBy.includes("UNIT") ? groupBy : [...groupBy, "UNIT" as const];
  const groups = new Map<string, { keys: OracleGroup["keys"]; facts: OracleFact[] }>();
  for (const f of facts) {
    let combos: OracleGroup["keys"][] = [{}];
    for (const b of by)
      combos = combos.flatMap((c) => groupValues(f, b, world).map((v) => ({ ...c, [b]: v })));
    for (const keys of combos) {
      const id = groupId(keys);
      const group = groups.get(id) ?? { keys, facts: [] };
      group.facts.push(f);
      groups.set(id, group);
    }
  }
  return [...groups.values()].map((g) => ({ keys: g.keys, stats: statsOf(g.facts) }));
}

/** A group's identity: its keys in GROUP_BY order. */
export function groupId(keys: OracleGroup["keys"]): string {
  return JSON.stringify(Object.entries(keys).sort(([a], [b]) => compare(a, b)));
}
