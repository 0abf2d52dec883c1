/** The header every document starts with: " date YYYY-MM-DD ". */
export const HEADER = /^ date (\d{4}-\d{2}-\d{2}) /;

/** The length of a document's header (where its body starts), or 0 if it has none. */
export function headerLength(text: string): number {
  return HEADER.exec(text)?.[0].length ?? 0;
}
