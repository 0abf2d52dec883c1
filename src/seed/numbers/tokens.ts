import { type Decimal, decimalOf } from "./decimal.js";

/**
 * The tokens of a text that numbers are read from: digit groups, written-out number words
 * (zero to ninety-nine and "hundred"; "one" after "no", "any", "the"... is a pronoun),
 * multipliers (thousand, million, billion) and ISO dates. Digits inside a name ("COVID-19",
 * "SARS-CoV-2", "MP3") are not numbers.
 */

const UNITS_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const MULTIPLIERS: Record<string, bigint> = {
  thousand: 1_000n,
  million: 1_000_000n,
  billion: 1_000_000_000n,
};
const PRONOUN_ONE_AFTER = new Set([
  "no",
  "any",
  "every",
  "each",
  "some",
  "this",
  "that",
  "which",
  "the",
]);

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

interface Multiplier {
  type: "multiplier";
  start: number;
  end: number;
  factor: bigint;
}

export interface IsoDate {
  type: "iso-date";
  start: number;
  end: number;
  raw: string;
}

export type Token = Atom | Multiplier | IsoDate;

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;
const SMALL_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** Longest words first, so "seventeen" is not read as "seven". */
const NUMBER_WORD = new RegExp(
  [
    `(?:${Object.keys(TENS_WORDS).join("|")})(?:-(?:${SMALL_UNITS.join("|")}))?`,
    ...[...Object.keys(UNITS_WORDS), "hundred"].sort((a, b) => b.length - a.length),
  ].join("|"),
  "iy",
);
const DIGITS = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const ISO_DATE = /\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}])/uy;
const MULTIPLIER_WORD = /(thousand|million|billion)s?(?![\p{L}\p{N}])/iuy;
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)(?![\p{L}\p{N}])/iuy;

/** Do the digits at `i` belong to a name ("COVID-19", "SARS-CoV-2", "A4")? */
function joinedBefore(text: string, i: number): boolean {
  const prev = text[i - 1] ?? "";
  if (/[\p{L}_]/u.test(prev)) return true;
  return prev === "-" && /[\p{L}]/u.test(text[i - 2] ?? "");
}

/** The word (lower-case) that ends right before offset `i`, skipping spaces. */
function wordBefore(text: string, i: number): string {
  const m = /([\p{L}]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, i - 40), i));
  return m?.[1]?.toLowerCase() ?? "";
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\d/.test(ch)) {
      if (joinedBefore(text, i)) {
        // skip the whole word-with-digits
        while (i < text.length && WORD_CHAR.test(text[i] as string)) i++;
        continue;
      }
      ISO_DATE.lastIndex = i;
      const iso = ISO_DATE.exec(text);
      if (iso) {
        tokens.push({ type: "iso-date", start: i, end: i + iso[0].length, raw: iso[0] });
        i += iso[0].length;
        continue;
      }
      DIGITS.lastIndex = i;
      const m = DIGITS.exec(text) as RegExpExecArray;
      let end = i + m[0].length;
      let ordinal = false;
      ORDINAL_SUFFIX.lastIndex = end;
      if (!m[0].includes(".") && !m[0].includes(",") && ORDINAL_SUFFIX.exec(text)) {
        ordinal = true;
        end = ORDINAL_SUFFIX.lastIndex;
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
      MULTIPLIER_WORD.lastIndex = i;
      const mult = MULTIPLIER_WORD.exec(text);
      if (mult) {
        const factor = MULTIPLIERS[(mult[1] as string).toLowerCase()] as bigint;
        tokens.push({ type: "multiplier", start: i, end: i + mult[0].length, factor });
        i += mult[0].length;
        continue;
      }
      const words = readNumberWords(text, i);
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

/** Written-out numbers: "three", "twenty-five", "two hundred", "one hundred and five". */
function readNumberWords(text: string, start: number): Atom | null {
  let i = start;
  let group = 0n;
  let any = false;
  let end = start;
  for (;;) {
    NUMBER_WORD.lastIndex = i;
    const m = NUMBER_WORD.exec(text);
    if (!m || WORD_CHAR.test(text[i + m[0].length] ?? "")) break;
    const word = m[0].toLowerCase();
    if (word === "hundred") {
      if (!any || group === 0n || group >= 10n) break;
      group *= 100n;
    } else {
      const [tens, unit] = word.split("-");
      const v = BigInt(
        (TENS_WORDS[tens as string] ?? UNITS_WORDS[tens as string] ?? 0) +
          (unit ? (UNITS_WORDS[unit] ?? 0) : 0),
      );
      if (any && (group % 100n !== 0n || group === 0n)) break; // "two three": two numbers
      group += v;
    }
    any = true;
    end = i + m[0].length;
    const gap = /^[ \t\u00a0]+(?:and[ \t\u00a0]+)?/.exec(text.slice(end));
    if (!gap) break;
    i = end + gap[0].length;
  }
  if (!any) return null;
  const raw = text.slice(start, end);
  if (raw.toLowerCase() === "one" && PRONOUN_ONE_AFTER.has(wordBefore(text, start))) return null;
  return {
    type: "atom",
    start,
    end,
    raw,
    value: { mantissa: group, scale: 0 },
    digits: false,
    separators: false,
    ordinal: false,
  };
}
