import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { foldText } from "../text/fold.js";
import type { EntityKind, Language } from "../model/vocabulary.js";
import { type EntityRow, primeEntities } from "./entities.js";
import { countOnce } from "./request-loaders.js";

export interface SearchRow {
  key: string;
  kind: EntityKind | "Variable" | "Document";
  score: number;
}

/**
 * The words of a search: runs of letters, digits and marks, folded as the indexes hold their
 * text (lower case, no accents). Everything else (Lucene's operators and syntax, quotes,
 * slashes, control characters) only separates words, as the indexes' analyzers separate them.
 */
export function searchWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** How much more a hit in an entity's or variable's own names counts than one in a text. */
const NAMES_BOOST = 1000;

/**
 * The Lucene queries of a search, one per language index (searchWords: nothing in them is Lucene
 * syntax). Every word must match (AND), the last one also as a prefix, all in the labels
 * (boosted, so that names come first) or all in the text of that language.
 */
export function luceneQueries(
  text: string,
  language: Language | null = null,
): { queryEn: string | null; queryEs: string | null } {
  const words = searchWords(text);
  const all = words
    .map((w, i) => (i === words.length - 1 && w.length > 2 ? `(${w} OR ${w}*)` : w))
    .join(" AND ");
  const query = (textField: string) =>
    `searchNames:(${all})^${NAMES_BOOST} OR ${textField}:(${all})`;
  return {
    queryEn: language === "es" ? null : query("searchTextEn"),
    queryEs: language === "en" ? null : query("searchTextEs"),
  };
}

/** The parameters of search.cypher (both indexes) or, for one language, search-in-one.cypher. */
function searchParams(text: string, language: Language | null): Record<string, unknown> {
  const queries = luceneQueries(text, language);
  if (!language) return queries;
  return language === "en"
    ? { index: "search_en", query: queries.queryEn }
    : { index: "search_es", query: queries.queryEs };
}

export async function searchPage(
  db: Db,
  text: string,
  language: Language | null,
  kinds: string[] | null,
  page: PageQuery,
): Promise<SearchRow[]> {
  const rows = await db.read<SearchRow & { entity: EntityRow | null }>(
    language ? "search-in-one" : "search",
    { ...searchParams(text, language), kinds, ...pageParams(page) },
  );
  primeEntities(
    db,
    rows.flatMap((r) => (r.entity ? [r.entity] : [])),
  );
  return rows.map(({ key, kind, score }) => ({ key, kind, score }));
}

export function searchCount(
  db: Db,
  text: string,
  language: Language | null,
  kinds: string[] | null,
): Promise<number> {
  return countOnce(db, language ? "search-in-one-count" : "search-count", {
    ...searchParams(text, language),
    kinds,
  });
}
