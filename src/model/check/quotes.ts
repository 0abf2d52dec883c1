import type { SeedDocument } from "../bundle.js";

/** All offsets at which `needle` occurs in `hay`. */
export function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function clip(s: string, n = 60): string {
  return JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);
}

/**
 * Checks that `quote` stands at `start` in the document; returns the reason if
 * not, saying where the quote actually occurs, if anywhere.
 */
export function quoteProblem(doc: SeedDocument, quote: string, start: number): string | undefined {
  if (doc.text.slice(start, start + quote.length) === quote) return undefined;
  const found = occurrences(doc.text, quote);
  const there = clip(doc.text.slice(start, start + quote.length));
  if (found.length > 0) {
    return `the quote is not at offset ${start} (the text there is ${there}); it occurs at offset${
      found.length > 1 ? "s" : ""
    } ${found.join(", ")}`;
  }
  return notFound(doc, quote);
}

/** Why `quote` is not in the document: how much of it is found, to help locate the typo. */
export function notFound(doc: SeedDocument, quote: string): string {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.text.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const hint =
    lo >= 8
      ? `; its first ${lo} characters occur at offset ${doc.text.indexOf(quote.slice(0, lo))}, then the document has ${clip(
          doc.text.slice(
            doc.text.indexOf(quote.slice(0, lo)) + lo,
            doc.text.indexOf(quote.slice(0, lo)) + lo + 20,
          ),
          20,
        )} where the quote has ${clip(quote.slice(lo, lo + 20), 20)}`
      : "";
  return `the quote does not occur in document ${doc.id}${hint}`;
}
