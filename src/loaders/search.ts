import type { Context } from "../context.js";
import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import type { EntityKind } from "../seed/seed-format.js";
import { type EntityRow, primeEntities } from "./entities.js";
import { countOnce } from "./request-loaders.js";

export interface SearchRow {
  key: string;
  kind: EntityKind | "Document";
  score: number;
}

/**
 * The words of a search: runs of letters, digits and marks, lowercased. Everything else (Lucene's
 * operators and syntax, quotes, slashes, control characters) only separates words, as the index's
 * analyzer separates them in the indexed text.
 */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * A Lucene query from the user's words (searchWords: nothing in it is Lucene syntax): all words
 * must match somewhere (AND), the last one also as a prefix.
 */
export function luceneQuery(text: string): string {
  const words = searchWords(text);
  return words
    .map((w, i) => (i === words.length - 1 && w.length > 2 ? `(${w} OR ${w}*)` : w))
    .join(" AND ");
}

export async function searchPage(
  db: Db,
  text: string,
  kinds: string[] | null,
  page: PageQuery,
): Promise<SearchRow[]> {
  const rows = await db.read<SearchRow & { entity: EntityRow | null }>("search", {
    query: luceneQuery(text),
    kinds,
    ...pageParams(page),
  });
  primeEntities(
    db,
    rows.flatMap((r) => (r.entity ? [r.entity] : [])),
  );
  return rows.map(({ key, kind, score }) => ({ key, kind, score }));
}

export function searchCount(ctx: Context, text: string, kinds: string[] | null): Promise<number> {
  return countOnce(ctx, "search-count", { query: luceneQuery(text), kinds });
}
