import { type Decimal, decimalOf } from "./decimal.js";
import { type IdentifierKind, identifierAt } from "./identifiers.js";
import type { Lexicon } from "./lexicon.js";
import { LETTER, WORD_CHAR } from "./text.js";

/**
 * The tokens of a text that numbers are read from: digit groups, written-out number words and
 * multipliers (the language's, see `lexicon.ts`), and identifiers (ISO dates, phone numbers,
 * codes: see `identifiers.ts`). Digits inside a name ("COVID-19", "SARS-CoV-2", "MP3") are not
 * numbers.
 */

export interface Atom {
  type: "atom";
  start: number;
  end: number;
  raw: string;
  value: Decimal;
  /** Written with digits (not words). */
  digits: boolean;
  /** Digits with thousands separators ("1,075"). */
  separators: boolean;
  /** Digit ordinal suffix ("1st"). */
  ordinal: boolean;
}

export interface Multiplier {
  type: "multiplier";
  start: number;
  end: number;
  factor: bigint;
  /** A number on its own (coefficient 1) when no coefficient precedes it. */
  standalone: boolean;
}

/** Digits that identify something (a date, phone number or code) instead of counting it. */
export interface Identifier {
  type: "identifier";
  kind: IdentifierKind;
  start: number;
  end: number;
  raw: string;
}

export type Token = Atom | Multiplier | Identifier;

const DIGITS = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;

/** Do the digits at `i` belong to a name ("COVID-19", "SARS-CoV-2", "A4")? */
function joinedBefore(text: string, i: number): boolean {
  const prev = text[i - 1] ?? "";
  if (/[\p{L}_]/u.test(prev)) return true;
  return prev === "-" && /[\p{L}]/u.test(text[i - 2] ?? "");
}

export function tokenize(text: string, lex: Lexicon): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if ((ch === "+" || ch === "(") && !WORD_CHAR.test(text[i - 1] ?? "")) {
      // "+52 55 5238 2700", "(55) 5238 2700"
      const id = identifierAt(text, i);
      if (id) {
        tokens.push({ type: "identifier", ...id });
        i = id.end;
        continue;
      }
    }
    if (/\d/.test(ch)) {
      if (joinedBefore(text, i)) {
        // skip the whole word-with-digits
        while (i < text.length && WORD_CHAR.test(text[i] as string)) i++;
        continue;
      }
      const id = identifierAt(text, i);
      if (id) {
        tokens.push({ type: "identifier", ...id });
        i = id.end;
        continue;
      }
      DIGITS.lastIndex = i;
      const m = DIGITS.exec(text) as RegExpExecArray;
      let end = i + m[0].length;
      let ordinal = false;
      lex.ordinalSuffix.lastIndex = end;
      if (!m[0].includes(".") && !m[0].includes(",") && lex.ordinalSuffix.exec(text)) {
        ordinal = true;
        end = lex.ordinalSuffix.lastIndex;
      }
      const next = text[end] ?? "";
      if (!ordinal && LETTER.test(next)) {
        // "3D", "MP3x": digits glued to letters are part of a name.
        while (i < text.length && WORD_CHAR.test(text[i] as string)) i++;
        continue;
      }
      tokens.push({
        type: "atom",
        start: i,
        end,
        raw: text.slice(i, end),
        value: decimalOf(m[0]),
        digits: true,
        separators: m[0].includes(","),
        ordinal,
      });
      i = end;
      continue;
    }
    if (LETTER.test(ch) && !WORD_CHAR.test(text[i - 1] ?? "")) {
      const mult = lex.multiplier(text, i);
      if (mult) {
        tokens.push({ type: "multiplier", start: i, ...mult });
        i = mult.end;
        continue;
      }
      const words = lex.words(text, i);
      if (words) {
        tokens.push(words);
        i = words.end;
        continue;
      }
      while (i < text.length && WORD_CHAR.test(text[i] as string)) i++;
      continue;
    }
    i++;
  }
  return tokens;
}
