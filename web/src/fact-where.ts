// The filters of a list of facts (variable and entity views) and their one home: read from the
// URL's query string, written back to it, and turned into the API's `FactWhere`. Values the URL
// gets wrong (a minimum that is no number, a date that is no date, an unknown kind) are left out,
// each with a note for the view to show, rather than sent.
import { ENTITY_KIND } from "../../src/model/vocabulary";
import type { VariablesOf } from "./graphql";
import type { Lang } from "./lang";
import type { FactGroupsQuery } from "./queries";

type GroupsVariables = VariablesOf<typeof FactGroupsQuery>;
export type FactWhere = NonNullable<GroupsVariables["where"]>;
export type GroupBy = GroupsVariables["groupBy"][number];
export type EntityKind = keyof typeof ENTITY_KIND;

export const KINDS = Object.keys(ENTITY_KIND) as EntityKind[];

/** The groupings offered, in the order a grouped table's columns follow. */
export const GROUP_BYS = [
  "PERIOD",
  "STATISTIC",
  "ABOUT_KIND",
  "ABOUT",
  "SCOPE",
  "DOCUMENT",
  "VARIABLE",
  "UNIT",
] as const satisfies readonly GroupBy[];

export interface FactFilters {
  min?: number;
  max?: number;
  /** Days, `YYYY-MM-DD`: facts whose period shares a day with from..to. */
  from?: string;
  to?: string;
  /** Kinds of the entity the facts are about (any of them). */
  kinds: EntityKind[];
  /** The key of a document a citation quotes. */
  document?: string;
  /** Empty: no grouped table. */
  groupBy: GroupBy[];
}

/** The query string's parameters, one per filter (lists comma-separated). */
const PARAMS = ["min", "max", "from", "to", "kind", "doc", "group"] as const;

export const NO_FILTERS: FactFilters = { kinds: [], groupBy: [] };

/** A value of the URL left out, and why, in both languages. */
export type Ignored = Record<Lang, string>;

const isDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
  new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

function numberParam(url: URL, name: "min" | "max", ignored: Ignored[]): number | undefined {
  const text = url.searchParams.get(name)?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  const es = name === "min" ? "El mínimo" : "El máximo";
  const en = name === "min" ? "The minimum" : "The maximum";
  ignored.push({ EN: `${en} “${text}” is not a number.`, ES: `${es} «${text}» no es un número.` });
  return undefined;
}

function dayParam(url: URL, name: "from" | "to", ignored: Ignored[]): string | undefined {
  const text = url.searchParams.get(name)?.trim();
  if (!text) return undefined;
  if (isDay(text)) return text;
  ignored.push({
    EN: `“${text}” (${name}) is not a date as YYYY-MM-DD.`,
    ES: `«${text}» (${name === "from" ? "desde" : "hasta"}) no es una fecha AAAA-MM-DD.`,
  });
  return undefined;
}

/** The values of a comma-separated parameter that belong to `allowed`, the others noted. */
function listParam<T extends string>(
  url: URL,
  name: "kind" | "group",
  allowed: readonly T[],
  ignored: Ignored[],
): T[] {
  const chosen: T[] = [];
  for (const part of (url.searchParams.get(name) ?? "").split(",")) {
    const text = part.trim();
    if (!text) continue;
    const value = allowed.find((a) => a === text.toUpperCase().replace(/-/g, "_"));
    if (value && !chosen.includes(value)) chosen.push(value);
    else if (!value) {
      ignored.push({
        EN: `“${text}” is not a ${name === "kind" ? "kind of entity" : "grouping"}.`,
        ES: `«${text}» no es ${name === "kind" ? "un tipo de entidad" : "una agrupación"}.`,
      });
    }
  }
  return chosen;
}

/** The filters a URL asks for, and the values it gets wrong (left out). */
export function readFilters(url: URL): { filters: FactFilters; ignored: Ignored[] } {
  const ignored: Ignored[] = [];
  const filters: FactFilters = {
    min: numberParam(url, "min", ignored),
    max: numberParam(url, "max", ignored),
    from: dayParam(url, "from", ignored),
    to: dayParam(url, "to", ignored),
    kinds: listParam(url, "kind", KINDS, ignored),
    document: url.searchParams.get("doc")?.trim() || undefined,
    groupBy: listParam(url, "group", GROUP_BYS, ignored),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push({
      EN: `The period range runs backwards (${filters.from} to ${filters.to}).`,
      ES: `El rango de periodos va hacia atrás (${filters.from} a ${filters.to}).`,
    });
    filters.from = filters.to = undefined;
  }
  return { filters, ignored };
}

/** The URL (path, query, hash dropped) with these filters in place of the ones it had. */
export function withFilters(url: URL, filters: FactFilters): string {
  const next = new URL(url.href);
  next.hash = "";
  for (const name of PARAMS) next.searchParams.delete(name);
  const set = (name: (typeof PARAMS)[number], value: string | number | undefined) => {
    if (value !== undefined && value !== "") next.searchParams.set(name, String(value));
  };
  set("min", filters.min);
  set("max", filters.max);
  set("from", filters.from);
  set("to", filters.to);
  set("kind", filters.kinds.join(","));
  set("doc", filters.document);
  set("group", filters.groupBy.join(","));
  // Commas of the lists stay readable in the address.
  return `${next.pathname}${next.search.replace(/%2C/g, ",")}`;
}

/** The `FactWhere` of the filters alone (undefined when none is set: the list as it is). */
export function whereOf(filters: FactFilters): FactWhere | undefined {
  const { min, max, from, to, kinds, document } = filters;
  const where: FactWhere = {};
  if (min !== undefined || max !== undefined) {
    where.value = {
      ...(min !== undefined && { gte: min }),
      ...(max !== undefined && { lte: max }),
    };
  }
  // A period shares a day with from..to when it starts by `to` and ends from `from` on.
  if (from && to) where.period = { overlaps: { from, to } };
  else if (from) where.period = { end: { gte: from } };
  else if (to) where.period = { start: { lte: to } };
  if (kinds.length > 0) where.about = { kind: { in: kinds } };
  if (document) where.citations = { some: { document: { key: { eq: document } } } };
  return Object.keys(where).length > 0 ? where : undefined;
}

/** The list filtered: the facts of one variable, or those about (or scoped to) one entity. */
export type FactList = { variable: string } | { entity: string };

/** The filters' where, within one list (for the grouped table, asked at the root). */
export function listWhere(of: FactList, filters: FactFilters): FactWhere {
  const where = whereOf(filters) ?? {};
  if ("variable" in of) return { ...where, variable: { key: { eq: of.variable } } };
  const key = { key: { eq: of.entity } };
  return { ...where, OR: [{ about: key }, { scope: key }] };
}
