import type { DocumentRow } from "../loaders/documents.js";

/** Every document's publisher: the Institute. */
export const PUBLISHER = "Instituto Mexicano del Seguro Social (IMSS)";

/** A ready-to-paste citation of a document: publisher, date, title, id and the SHA-256 of its text. */
export function documentCiteAs(d: DocumentRow): string {
  const hash = d.sha256 ? `, SHA-256 ${d.sha256}` : "";
  return `${PUBLISHER} (${d.date}). ${d.title} [press release, ${d.language}]. Document ${d.id}${hash}.`;
}

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/**
 * A ready-to-paste citation of a fact: what it states (variable, entity, period, value) and,
 * for each citation, the document, the offsets (UTF-16, as the API gives them) and the quote.
 */
export function factCiteAs(fact: {
  key: string;
  value: number | null;
  unit: string;
  variableName: string;
  aboutName: string;
  periodName: string;
  citations: { quote: string; start: number; end: number; document: DocumentRow | null }[];
}): string {
  const value =
    fact.value === null ? "no settled value" : `${NUMBER.format(fact.value)} ${fact.unit}`;
  const sources = fact.citations.map((c) => {
    const d = c.document;
    const where = d ? `${PUBLISHER} (${d.date}), ${d.title}, document ${d.id}` : "unknown document";
    return `${where}, characters ${c.start}–${c.end}: "${c.quote}"`;
  });
  return (
    `${fact.variableName}, ${fact.aboutName}, ${fact.periodName}: ${value}. ` +
    `Source: ${sources.length > 0 ? sources.join("; ") : "none"}. Fact ${fact.key}.`
  );
}
