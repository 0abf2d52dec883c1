import type { ParsedNumber } from "../parse-numbers.js";
import { isInteger, toNumber } from "./decimal.js";
import type { Lexicon } from "./lexicon.js";
import type { Atom } from "./tokens.js";

/**
 * One number on its own: a year (four bare digits, 1900 to 2100), a date part (1 to 31 next
 * to a month name), an ordinal ("3rd"), or a number with the unit word right after it.
 */

/** Four bare digits from 1900 to 2100 ("2021", not "2,021" or "2021st"). */
export function isYear(atom: Atom): boolean {
  if (!atom.digits || atom.separators || atom.ordinal || !/^\d{4}$/.test(atom.raw)) return false;
  const value = toNumber(atom.value);
  return value >= 1900 && value <= 2100;
}

export function single(text: string, atom: Atom, lex: Lexicon): ParsedNumber {
  const value = toNumber(atom.value);
  const base = { start: atom.start, end: atom.end, raw: atom.raw };
  if (atom.digits && !atom.separators && isInteger(atom.value)) {
    const digitsOnly = /^\d+/.exec(atom.raw)?.[0] ?? "";
    if (isYear(atom)) return { kind: "year", value, ...base };
    if (value >= 1 && value <= 31 && digitsOnly.length <= 2) {
      const month = lex.monthNear(text, atom);
      if (month !== undefined) return { kind: "date-part", value, month, ...base };
    }
    if (atom.ordinal) return { kind: "ordinal", value, ...base };
  }
  const unit = lex.unitAfter(text, atom.end);
  return { kind: "number", value, ...base, ...(unit ? { unit } : {}) };
}
