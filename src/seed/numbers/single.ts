import type { ParsedNumber } from "../parse-numbers.js";
import { isInteger, toNumber } from "./decimal.js";
import type { Atom } from "./tokens.js";

/**
 * One number on its own: a year (four bare digits, 1900 to 2100), a date part (1 to 31 next
 * to a month name), an ordinal ("3rd"), or a number with the unit word right after it.
 */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const UNIT_AFTER =
  /^[ \t\u00a0]*-?(?:(pesos(?:[ \t\u00a0]+(?:per|a)[ \t\u00a0]+day)?)|(hours?|days?|weeks?|months?|years?)(?![\p{L}])|(%|percent(?![\p{L}])))/iu;

export function unitAfter(text: string, end: number): string | undefined {
  const m = UNIT_AFTER.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  if (m[1]) return /day/i.test(m[1]) ? "pesos-per-day" : "pesos";
  if (m[2]) {
    const w = m[2].toLowerCase();
    return w.endsWith("s") ? w : `${w}s`;
  }
  return "percent";
}

function monthNear(text: string, atom: Atom): number | undefined {
  const before = /([\p{L}]+)[ \t\u00a0]+$/u.exec(
    text.slice(Math.max(0, atom.start - 20), atom.start),
  );
  const after = /^[ \t\u00a0]+(?:of[ \t\u00a0]+)?([\p{L}]+)/u.exec(
    text.slice(atom.end, atom.end + 20),
  );
  for (const word of [before?.[1], after?.[1]]) {
    const idx = MONTHS.indexOf(word?.toLowerCase() ?? "");
    if (idx >= 0) return idx + 1;
  }
  return undefined;
}

export function single(text: string, atom: Atom): ParsedNumber {
  const value = toNumber(atom.value);
  const base = { start: atom.start, end: atom.end, raw: atom.raw };
  if (atom.digits && !atom.separators && isInteger(atom.value)) {
    const digitsOnly = atom.raw.replace(/(?:st|nd|rd|th)$/i, "");
    if (!atom.ordinal && digitsOnly.length === 4 && value >= 1900 && value <= 2100) {
      return { kind: "year", value, ...base };
    }
    if (value >= 1 && value <= 31 && digitsOnly.length <= 2) {
      const month = monthNear(text, atom);
      if (month !== undefined) return { kind: "date-part", value, month, ...base };
    }
    if (atom.ordinal) return { kind: "ordinal", value, ...base };
  }
  const unit = unitAfter(text, atom.end);
  return { kind: "number", value, ...base, ...(unit ? { unit } : {}) };
}
