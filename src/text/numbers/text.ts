/** Character classes and look-arounds that the reader's rules share. */

/** The spaces that may separate the words of one expression (never a line break). */
export const SPACES = /^[ \t\u00a0]+/;
export const WORD_CHAR = /[\p{L}\p{N}_]/u;
export const LETTER = /\p{L}/u;

/** The word (lower-case) that ends right before offset `i`, skipping spaces. */
export function wordBefore(text: string, i: number): string {
  const m = /([\p{L}]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, i - 40), i));
  return m?.[1]?.toLowerCase() ?? "";
}
