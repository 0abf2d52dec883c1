import { NotFoundError } from "../input-error.js";
import type { Db } from "../db/db.js";
import type { PageQuery, SortValue } from "../pagination.js";
import type { Qualifier, Statistic, Unit } from "../model/vocabulary.js";
import type { EntityRow } from "./entities.js";
import { listOf, loadRows, rowsByKey, requestLoader } from "./request-loaders.js";
import { summaryCellsOf, summaryRows } from "./fact-summaries.js";
import { withParent } from "./where/fact-anchor.js";
import {
  factCountQuery,
  factPageQuery,
  type FactPageOf,
  parentsCountQuery,
  parentsPageQuery,
} from "./where/fact-page.js";
import type { FactSortField, FactWhere, Sort } from "./where/where.js";

interface FactFields {
  key: string;
  value: number | null;
  unit: Unit;
  statistic: Statistic;
  qualifier: Qualifier;
  note: string | null;
  garbled: boolean;
  variable: string;
  deprecated: boolean;
  deprecatedReason: string | null;
}

/** A fact's links: the linked entities, each as key, kind and name (see EntityRow). */
interface FactLinks {
  about: EntityRow;
  scope: EntityRow | null;
  period: EntityRow;
  comparedTo: EntityRow | null;
}

/** A fact row with its links (`linked`), as rows read by key are. */
export type LinkedFactRow = FactFields & FactLinks & { linked: true };

/**
 * A fact row. Pages read the fact's links only when the query asks for one (`linked`; without,
 * they are null); `factLinks` completes a row that lacks them.
 */
export type FactRow =
  LinkedFactRow | (FactFields & { [K in keyof FactLinks]: null } & { linked: false });

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

/** A filter of facts as the old `filter` argument and the exports' query strings give it. */
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

/** How a parent reaches its facts. */
export type FactAnchor = "ABOUT" | "SCOPE" | "ABOUT_OR_SCOPE" | "PERIOD" | "DOCUMENT" | "VARIABLE";

/** A row of a page: its key and its sort values (one per sort key before `key`). */
export interface SortedKey {
  key: string;
  sort: SortValue[];
}

/** A list of facts: the where that selects them and their order. */
export interface FactList {
  where: FactWhere | null;
  sort: Sort<FactSortField>;
}

/** The request's fact rows: one query per tick, primed by the pages of facts. */
function factRows(db: Db) {
  return rowsByKey<FactRow>(db, "facts-by-key", "fact", (row) => row.key);
}

/** Rows a page query already returned in full (as facts-by-key.cypher returns them). */
function primeFacts(db: Db, rows: readonly FactRow[]): void {
  const loader = factRows(db);
  for (const row of rows) loader.prime(row.key, row);
}

/** The row with its links: as it is if it has them, else read by key (batched per request). */
export async function factLinks(db: Db, row: FactRow): Promise<LinkedFactRow> {
  if (row.linked) return row;
  // Not factRows: pages prime it with rows without links.
  const links = rowsByKey<LinkedFactRow>(db, "facts-by-key", "fact", (r) => r.key, "fact-links");
  const full = await links.load(row.key);
  if (!full) throw new NotFoundError(`No fact with key "${row.key}"`);
  return full;
}

export function loadFacts(db: Db, keys: readonly string[]): Promise<(FactRow | Error)[]> {
  return loadRows(factRows(db), keys, (key) => `No fact with key "${key}"`);
}

/** The page of a list as the composed queries take it (src/loaders/where/fact-page.ts). */
function pageOf({ where, sort }: FactList, page: PageQuery, links: boolean): FactPageOf {
  const after = page.after && {
    values: Array.isArray(page.after.value) ? page.after.value : [page.after.value],
    key: page.after.key,
  };
  return { where, sort, limit: page.limit, after, links };
}

type PageRow = SortedKey & { fact: FactRow };

/** The rows' keys and sort values, their facts primed in the request's row loader. */
function keysOf(db: Db, rows: readonly PageRow[]): SortedKey[] {
  primeFacts(
    db,
    rows.map((r) => r.fact),
  );
  return rows.map(({ key, sort }) => ({ key, sort }));
}

/** One page of facts; with `links`, each row carries what the fact links to (see FactRow). */
export async function factsPage(
  db: Db,
  list: FactList,
  page: PageQuery,
  links: boolean,
): Promise<SortedKey[]> {
  return keysOf(db, await db.readBuilt<PageRow>(factPageQuery(pageOf(list, page, links))));
}

/**
 * How many facts the where selects (read once per request): from the facts' summaries when it
 * selects whole cells (src/loaders/fact-summaries.ts), else by counting the facts.
 */
export async function factsCount(db: Db, where: FactWhere | null): Promise<number> {
  const cells = summaryCellsOf(where);
  if (cells) return (await summaryRows(db, cells))[0]?.count ?? 0;
  const query = factCountQuery(where);
  return db.once(
    `facts-count:${JSON.stringify(query)}`,
    async () => (await db.readBuilt<{ total: number }>(query))[0]?.total ?? 0,
  );
}

/**
 * What a list of a parent's facts asks for: how it reaches them, which, in what order, which
 * page, and whether each fact is read with its links.
 */
export interface FactsPlan extends FactList {
  anchor: FactAnchor;
  page: PageQuery;
  links: boolean;
}

/** A parent's page of facts, with its whole selection and how to count it. */
export interface FactsOfParent {
  rows: SortedKey[];
  page: PageQuery;
  /** The list's where with the parent's restriction folded in (see `withParent`). */
  where: FactWhere;
  count: () => Promise<number>;
}

/**
 * The request's pages of facts for `plan`, by parent: every parent asking in the same tick is
 * read by one query, and counted by one.
 */
export function factsOfParents(db: Db, plan: FactsPlan) {
  const { anchor, where, page } = plan;
  const id = JSON.stringify({ anchor, where });
  const pages = requestLoader<string, SortedKey[]>(
    db,
    `facts-of-parents-page:${JSON.stringify(plan)}`,
    async (keys) => {
      const query = parentsPageQuery(anchor, keys, pageOf(plan, page, plan.links));
      const rows = await db.readBuilt<{ parentKey: string; items: PageRow[] }>(query);
      const found = new Map(rows.map((r) => [r.parentKey, r.items]));
      return keys.map((key) => keysOf(db, found.get(key) ?? []));
    },
  );
  const counts = requestLoader<string, number>(db, `facts-of-parents-count:${id}`, async (keys) => {
    const summed = await countFromSummaries(db, anchor, where, keys);
    if (summed) return summed;
    const rows = await db.readBuilt<{ parentKey: string; total: number }>(
      parentsCountQuery(anchor, keys, where),
    );
    const totals = new Map(rows.map((r) => [r.parentKey, r.total]));
    return keys.map((key) => totals.get(key) ?? 0);
  });
  return async (parentKey: string): Promise<FactsOfParent> => ({
    rows: await pages.load(parentKey),
    page,
    where: withParent(where, anchor, parentKey),
    count: () => counts.load(parentKey),
  });
}

/**
 * The counts of a variable's or a period's facts from the facts' summaries, one query for every
 * parent, when the list's where selects whole cells; undefined otherwise.
 */
async function countFromSummaries(
  db: Db,
  anchor: FactAnchor,
  where: FactWhere | null,
  keys: readonly string[],
): Promise<number[] | undefined> {
  if (anchor !== "VARIABLE" && anchor !== "PERIOD") return undefined;
  const cells = summaryCellsOf(withParent(where, anchor, keys[0] ?? ""));
  if (!cells) return undefined;
  const byVariable = anchor === "VARIABLE";
  const rows = await summaryRows(
    db,
    byVariable ? { ...cells, variables: keys } : { ...cells, periods: keys },
    [byVariable ? "VARIABLE" : "PERIOD"],
  );
  const totals = new Map(rows.map((r) => [byVariable ? r.variable : r.period, r.count]));
  return keys.map((key) => totals.get(key) ?? 0);
}

/** The citations of a fact (read once per request, whichever field asks). */
export const citationsOfFact = (db: Db, key: string) =>
  listOf<CitationRow>(db, "citations-of-facts", key);

export function loadCitations(db: Db, keys: readonly string[]): Promise<(CitationRow | Error)[]> {
  const rows = rowsByKey<CitationRow>(db, "citations-by-key", "citation", (row) => row.key);
  return loadRows(rows, keys, (key) => `No citation with key "${key}"`);
}

export interface ConflictRow {
  fact: string;
  note: string;
}

export const conflictsOfFact = (db: Db, key: string) =>
  listOf<ConflictRow>(db, "conflicts-of-facts", key);

/** The fact a percent fact is a percent of (a list of none or one key). */
export const percentOfFact = (db: Db, key: string) => listOf<string>(db, "fact-percent-of", key);

/** The facts that are a percent of a fact (its progress, its shares), by key. */
export const percentsOfFact = (db: Db, key: string) => listOf<string>(db, "fact-percents", key);

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

/**
 * Count, sum, min and max of a variable's facts (optionally about one entity), in one query
 * that also tells whether the variable and the entity exist.
 */
export async function factStats(
  db: Db,
  variable: string,
  about: string | null,
): Promise<FactStatsRow & { variableFound: boolean; aboutFound: boolean }> {
  const [row] = await db.read<FactStatsRow & { variableFound: boolean; aboutFound: boolean }>(
    "fact-stats",
    { variable, about },
  );
  if (!row) throw new Error("fact-stats returned no row");
  return row;
}
