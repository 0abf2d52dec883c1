// What every document is: an id (its file name without .txt) and a text that starts with its date.
// Pure (no imports): the server's checks and the explorer's drafts form (web/) share it.

/** The header every document starts with: " date YYYY-MM-DD ". */
export const HEADER = /^ date (\d{4}-\d{2}-\d{2}) /;

/** A document's id: its file name without .txt, letters, digits, _ . - (at most 100). */
export const DOCUMENT_ID = /^[\w.-]{1,100}$/;

/** The length of a document's header (where its body starts), or 0 if it has none. */
export function headerLength(text: string): number {
  return HEADER.exec(text)?.[0].length ?? 0;
}
