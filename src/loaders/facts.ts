import { NotFoundError } from "../input-error.js";
import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import type { FactOrder, Qualifier, Statistic, Unit } from "../model/vocabulary.js";
import type { EntityRow } from "./entities.js";
import {
  countOfParent,
  countOnce,
  listOf,
  listsOf,
  loadRows,
  rowsByKey,
  requestLoader,
} from "./request-loaders.js";

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

/**
 * Where the candidates of a list of facts come from (facts-page.cypher, facts-count.cypher):
 * the most selective anchor the filters give.
 */
export function factSource(filter: FactFilter): string {
  if (filter.about) return "ABOUT";
  if (filter.scope) return "SCOPE";
  if (filter.document) return "DOCUMENT";
  if (filter.period) return "PERIOD";
  if (filter.variable) return "VARIABLE";
  return "ALL";
}

/** One page of facts; with `links`, each row carries what the fact links to (see FactRow). */
export async function factsPage(
  db: Db,
  filter: FactFilter,
  order: FactOrder,
  page: PageQuery,
  links: boolean,
): Promise<SortedKey[]> {
  // In key order with no entity or document to start from, the page is read along the key
  // index from the cursor on (facts-page-by-key): page k costs what page 1 costs.
  const alongKeys =
    order === "KEY" &&
    !filter.about &&
    !filter.scope &&
    !filter.document &&
    (page.after === null || page.after.value === 0);
  const params = { ...filter, order, source: factSource(filter), ...pageParams(page), links };
  const rows = await db.read<SortedKey & { fact: FactRow }>(
    alongKeys ? "facts-page-by-key" : "facts-page",
    alongKeys ? { ...params, afterKey: page.after?.key ?? "" } : params,
  );
  primeFacts(
    db,
    rows.map((r) => r.fact),
  );
  return rows.map(({ key, sort }) => ({ key, sort }));
}

export function factsCount(db: Db, filter: FactFilter): Promise<number> {
  return countOnce(db, "facts-count", { ...filter, source: factSource(filter) });
}

/**
 * What a list of a parent's facts asks for: how it reaches them, which, in what order, which
 * page, and whether each fact is read with its links.
 */
export interface FactsPlan {
  anchor: FactAnchor;
  filter: FactFilter;
  order: FactOrder;
  page: PageQuery;
  links: boolean;
}

/** A parent's page of facts, with how to count them all. */
export interface FactsOfParent {
  rows: SortedKey[];
  page: PageQuery;
  filter: FactFilter;
  count: () => Promise<number>;
}

/**
 * The request's pages of facts for `plan`, by parent: every parent asking in the same tick is
 * read by one query (facts-of-parents-page.cypher).
 */
export function factsOfParents(db: Db, plan: FactsPlan) {
  const pages = requestLoader<string, SortedKey[]>(
    db,
    `facts-of-parents-page:${JSON.stringify(plan)}`,
    (keys) => factPagesOfParents(db, keys, plan),
  );
  const { anchor, filter, page } = plan;
  const counted = { anchor, relTypes: ANCHOR_TYPES[anchor], ...filter };
  return async (parentKey: string): Promise<FactsOfParent> => ({
    rows: await pages.load(parentKey),
    page,
    filter,
    count: () => countOfParent(db, "facts-of-parents-count", counted, parentKey),
  });
}

/** For each parent: one page of its facts (with `links`, what each links to). One query for all parents. */
async function factPagesOfParents(
  db: Db,
  keys: readonly string[],
  { anchor, filter, order, page, links }: FactsPlan,
): Promise<SortedKey[][]> {
  const pages = await listsOf<SortedKey & { fact: FactRow }>(db, "facts-of-parents-page", keys, {
    anchor,
    relTypes: ANCHOR_TYPES[anchor],
    ...filter,
    order,
    ...pageParams(page),
    links,
  });
  primeFacts(
    db,
    pages.flatMap((rows) => rows.map((row) => row.fact)),
  );
  return pages.map((rows) => rows.map(({ key, sort }) => ({ key, sort })));
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
