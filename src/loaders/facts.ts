import type { Context } from "../context.js";
import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { byKeys, NotFoundError, requestLoader } from "./request-loader.js";

export interface FactRow {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  qualifier: string;
  note: string | null;
  garbled: boolean;
  variable: string;
  deprecated: boolean;
  deprecatedReason: string | null;
  about: string;
  scope: string | null;
  period: string;
  comparedTo: string | null;
}

export interface CitationRow {
  key: string;
  quote: string;
  start: number;
  end: number;
  garbled: string | null;
  note: string | null;
  document: string;
  fact: string;
}

export interface FactFilter {
  variable: string | null;
  about: string | null;
  scope: string | null;
  period: string | null;
  document: string | null;
  statistic: string | null;
  garbled: boolean | null;
  includeDeprecated: boolean;
}

export type FactOrder = "KEY" | "VALUE_ASC" | "VALUE_DESC";

/** How a parent reaches its facts. */
export type FactAnchor = "ABOUT" | "SCOPE" | "ABOUT_OR_SCOPE" | "PERIOD" | "DOCUMENT" | "VARIABLE";

const ANCHOR_TYPES: Record<FactAnchor, string[]> = {
  ABOUT: ["ABOUT"],
  SCOPE: ["SCOPE"],
  ABOUT_OR_SCOPE: ["ABOUT", "SCOPE"],
  PERIOD: ["DURING"],
  DOCUMENT: [],
  VARIABLE: ["MEASURES"],
};

export interface SortedKey {
  key: string;
  sort: number;
}

export async function loadFacts(db: Db, keys: readonly string[]): Promise<(FactRow | Error)[]> {
  const rows = await db.read<{ fact: FactRow }>("facts-by-key", { keys });
  return byKeys(
    keys,
    rows,
    (r) => r.fact.key,
    (r) => r.fact,
    (k) => new NotFoundError(`No fact with key "${k}"`),
  );
}

export async function factsPage(
  db: Db,
  filter: FactFilter,
  order: FactOrder,
  page: PageQuery,
): Promise<SortedKey[]> {
  return db.read("facts-page", { ...filter, order, ...pageParams(page) });
}

export function factsCount(ctx: Context, filter: FactFilter): Promise<number> {
  return requestLoader<string, number>(
    ctx,
    `facts-count:${JSON.stringify(filter)}`,
    async (keys) => {
      const rows = await ctx.db.read<{ total: number }>("facts-count", { ...filter });
      return keys.map(() => rows[0]?.total ?? 0);
    },
  ).load("all");
}

/** For each parent: one page of its facts. One query for all parents. */
export async function factPagesOfParents(
  db: Db,
  keys: readonly string[],
  anchor: FactAnchor,
  filter: FactFilter,
  order: FactOrder,
  page: PageQuery,
): Promise<SortedKey[][]> {
  const rows = await db.read<{ parentKey: string; rows: SortedKey[] }>("facts-of-parents-page", {
    keys,
    anchor,
    relTypes: ANCHOR_TYPES[anchor],
    ...filter,
    order,
    ...pageParams(page),
  });
  return byKeys(
    keys,
    rows,
    (r) => r.parentKey,
    (r) => r.rows,
    () => [],
  ) as SortedKey[][];
}

export function factCountOfParent(
  ctx: Context,
  parent: string,
  anchor: FactAnchor,
  filter: FactFilter,
): Promise<number> {
  const id = `facts-of-parents-count:${anchor}:${JSON.stringify(filter)}`;
  return requestLoader<string, number>(ctx, id, async (keys) => {
    const rows = await ctx.db.read<{ parentKey: string; total: number }>("facts-of-parents-count", {
      keys,
      anchor,
      relTypes: ANCHOR_TYPES[anchor],
      ...filter,
    });
    return byKeys(
      keys,
      rows,
      (r) => r.parentKey,
      (r) => r.total,
      () => 0,
    );
  }).load(parent);
}

export async function citationsOfFacts(db: Db, keys: readonly string[]): Promise<CitationRow[][]> {
  const rows = await db.read<{ factKey: string; citations: CitationRow[] }>("citations-of-facts", {
    keys,
  });
  return byKeys(
    keys,
    rows,
    (r) => r.factKey,
    (r) => r.citations,
    () => [],
  ) as CitationRow[][];
}

export async function loadCitations(
  db: Db,
  keys: readonly string[],
): Promise<(CitationRow | Error)[]> {
  const rows = await db.read<{ citation: CitationRow }>("citations-by-key", { keys });
  return byKeys(
    keys,
    rows,
    (r) => r.citation.key,
    (r) => r.citation,
    (k) => new NotFoundError(`No citation with key "${k}"`),
  );
}

export interface ConflictRow {
  fact: string;
  note: string;
}

export async function conflictsOfFacts(db: Db, keys: readonly string[]): Promise<ConflictRow[][]> {
  const rows = await db.read<{ factKey: string; conflicts: ConflictRow[] }>("conflicts-of-facts", {
    keys,
  });
  return byKeys(
    keys,
    rows,
    (r) => r.factKey,
    (r) => r.conflicts,
    () => [],
  ) as ConflictRow[][];
}

export async function allConflicts(db: Db): Promise<{ a: string; b: string; note: string }[]> {
  return db.read("conflicts-all");
}

export interface CheckRow {
  key: string;
  name: string;
  description: string;
  parts: string[];
  partValues: (number | null)[];
  totals: string[];
  totalValues: (number | null)[];
}

export async function consistencyChecks(db: Db): Promise<CheckRow[]> {
  return db.read("consistency-checks");
}

export async function timeSeries(
  db: Db,
  variable: string,
  about: string | null,
): Promise<{ key: string }[]> {
  return db.read("time-series", { variable, about });
}

export interface FactStatsRow {
  count: number;
  withValue: number;
  sum: number | null;
  min: number | null;
  max: number | null;
}

export async function factStats(
  db: Db,
  variable: string,
  about: string | null,
): Promise<FactStatsRow> {
  const rows = await db.read<FactStatsRow>("fact-stats", { variable, about });
  return rows[0] ?? { count: 0, withValue: 0, sum: null, min: null, max: null };
}
