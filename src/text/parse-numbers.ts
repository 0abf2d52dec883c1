import { readChain } from "./numbers/chain.js";
import { english } from "./numbers/english.js";
import type { Lexicon } from "./numbers/lexicon.js";
import { spanish } from "./numbers/spanish.js";
import { type Token, tokenize } from "./numbers/tokens.js";

/**
 * A parser for the number expressions of the source documents (IMSS press releases in
 * Spanish, and their English translations), which mix digits, thousands separators and
 * words. The language is an argument ("en" by default); digits are read the same in both,
 * Mexican style: "." is the decimal point and "," the thousands separator.
 *
 *   English                           Spanish
 *   "12 million 315 thousand 476"     "12 millones 315 mil 476"     -> 12,315,476
 *   "one million 835 thousand 119"    "un millón 835 mil 119"       -> 1,835,119
 *   "20 million 620,148"              "20 millones 620,148"         -> 20,620,148
 *   "382,000 million pesos"           "382 mil millones de pesos"   -> 382,000,000,000 (unit "pesos")
 *   "83.2 million"                    "83.2 millones"               -> 83,200,000
 *                                     "mil 330"                     -> 1,330
 *                                     "2 mil 500 millones"          -> 2,500,000,000
 *   "54,000 335"                                                    -> 54,335 ("54 mil 335" with "mil" written ",000")
 *   "1,075,319", "244.7", "24 hours", "three"; "24 horas", "tres"
 *   "2021"                            -> a year; "December 25", "1st April", "25 de diciembre" -> date parts
 *   "800 623 2323"                    -> a phone number; "the 2-30-100 strategy" -> a code
 *   "more than 84,000"                "más de 84 mil"               -> 84,000, qualifier "more-than"
 *
 * Rules (each is tested in test/parse-numbers.test.ts; the files of `numbers/` hold them:
 * `tokens.ts` digits and names, `identifiers.ts` dates, phone numbers and codes,
 * `english.ts` and `spanish.ts` the words of each language, `qualifiers.ts` the words before a
 * figure, `chain.ts` chains and ambiguity, `single.ts` years, dates, ordinals and units,
 * `decimal.ts` exact values):
 * - An expression is a chain of terms "coefficient multiplier" with strictly decreasing
 *   multipliers, optionally ended by a bare group smaller than the last multiplier. The
 *   tokens of a chain are separated by spaces only: a comma, semicolon or line break ends it,
 *   so the items of a list ("303,469 Family Medicine, 54,335 Specialties") stay apart.
 * - A coefficient is a digit group ("12", "074", "1,075", "83.2") or written-out words ("one",
 *   "twenty-five", "two hundred"; "un", "veinticinco", "doscientos"). A decimal coefficient
 *   ("83.2 million") ends the chain. Values are computed exactly (83.2 million is 83,200,000,
 *   not 83,200,000.00000001).
 * - "N,000 DDD" (a comma group ending in ",000" followed by a bare three-digit group) is one
 *   number, N,DDD: "54,000 335" is 54,335.
 * - Two bare groups in a row after a multiplier ("2 million 117 1,417") cannot be read with
 *   confidence: a word such as "thousand" ("mil") is missing, and "1,417" is not a three-digit
 *   group. Such an expression is returned once, with `value: null` and `ambiguous` holding the
 *   reason and the candidate readings (2,118,417 if "117" is thousands and "1,417" the rest;
 *   2,117,417 if the "1," is a slip). `parseNumber` throws on it. Other malformed chains (a
 *   term larger than the one before it) are flagged the same way.
 * - A bare integer of four digits between 1900 and 2100 (no separators, no multiplier) is a
 *   `year`, also before the Spanish "mil", which is a number on its own ("en 2021 mil
 *   personas": a year and 1,000). A bare integer from 1 to 31 (or a digit ordinal) next to a
 *   month name is a `date-part` with its `month`: in English before or after it ("December
 *   25", "1st April", "25 of December"), in Spanish after it ("2 de mayo", "el 1º de abril de
 *   2021", "25 diciembre", and both days of "del 1 al 25 de diciembre"); "en diciembre 3
 *   unidades" is a figure. Another digit ordinal ("3rd", "3er", "2da") is an `ordinal`. An ISO
 *   date ("2022-01-20") is one `date` whose value is YYYYMMDD (20220120).
 * - Digits inside a name are not numbers: "COVID-19", "SARS-CoV-2", "MP3".
 * - Digits that identify something are one expression each, of their own kind, so that no
 *   figure is read out of them (`numbers/identifiers.ts`): a `phone` number is ten digits in
 *   three or more groups separated by one space or hyphen, the first group of two or three
 *   digits, maybe in parentheses, maybe after "+52" or "01" ("800 953-2210", "55 5238 2700",
 *   "800 623 2323"); a `code` is three or more digit groups joined by hyphens ("the 2-30-100
 *   strategy", "la estrategia 2-30-100"). Their value is their digits read as one integer;
 *   `parseNumber` throws on them. Two groups joined by one hyphen ("10-15 days") are a range:
 *   two numbers.
 * - English: number words are zero to ninety-nine and "hundred" (case-insensitive); the
 *   multipliers are thousand, million and billion (10^9), and need a coefficient ("thousands
 *   of" is not a number). "one" after "no", "any", "every", "each", "some", "this", "that",
 *   "which" or "the" is a pronoun, not a number. "a" ("a monthly National Day") and word
 *   ordinals ("second wave") are not numbers.
 * - Spanish: number words are cero to novecientos noventa y nueve ("treinta y uno", "ciento
 *   cinco", accents optional: "dieciseis"; case-insensitive); the multipliers are mil (10^3),
 *   millón/millones (10^6), "mil millones" (10^9) and billón/billones (10^12). "mil" and "mil
 *   millones" are numbers on their own ("mil 330" is 1,330, "mil millones" 10^9), while
 *   "miles de", "millones de" and "cientos de" are not. A larger multiplier takes the whole number
 *   before it: "2 mil 500 millones" is 2,500 millones (2,500,000,000). "un", "una"
 *   and "uno" on their own are 1 only before a multiplier ("un millón", "una mil"); otherwise
 *   they are an article or a pronoun ("una unidad", "uno de los", "un 40 por ciento").
 *   "ciento" in "por ciento" is the percent sign, not 100. Word ordinals ("segunda ola") are
 *   not numbers.
 * - Negative numbers are not read.
 * - A figure beyond the exact range of a number (above 9,007,199,254,740,991, such as a run of
 *   400 digits) cannot be read exactly: it is flagged as the ambiguous ones are, with
 *   `value: null`, `ambiguous.outOfRange` and no readings.
 * - The words right before a figure (kind `number`) may qualify it: `qualifier` says how, and
 *   `qualifierStart` where they begin (they are not part of raw). "more-than": "more than",
 *   "over"; "más de". "just-over": "just over", "slightly over", "slightly more than"; "poco
 *   más de", "un poco más de". "about", a figure near the true one, maybe below it: "about",
 *   "around", "approximately", "roughly", "some", "nearly", "almost"; "cerca de", "alrededor
 *   de", "aproximadamente", "casi", "unos", "unas". Case and accents do not matter ("Mas de");
 *   after "no" or "not" a phrase says the opposite ("no more than" is at most) and is not
 *   reported.
 * - A unit word directly after the expression is reported in `unit`, by one name in both
 *   languages: "pesos", "pesos-per-day" ("pesos per day", "pesos a day"; "pesos diarios",
 *   "pesos por día", "pesos al día"), "hours", "days", "weeks", "months", "years" (horas,
 *   días, semanas, meses, años), "percent" ("%", "percent", "por ciento"). In Spanish a "de"
 *   may stand between ("1.5 millones de pesos"). The unit is not part of `raw`.
 */

/** The language of a text: its number words, multipliers, months and units. */
export type Language = "en" | "es";

const LEXICONS: Record<Language, Lexicon> = { en: english, es: spanish };

/**
 * What an expression is: a figure ("number"), or digits that are not a quantity: a year, a
 * day of a month ("date-part"), an ordinal, an ISO date, a phone number, or a code that names
 * something ("the 2-30-100 strategy"). A caller that collects figures keeps "number" only.
 */
export type NumberKind = "number" | "year" | "date-part" | "ordinal" | "date" | "phone" | "code";

/**
 * How the figure relates to the true one, from the words right before the expression:
 * "more-than" ("more than", "over"; "más de"), "just-over" ("just over"; "poco más de"),
 * "about" ("about", "around", "some", "nearly", "almost"; "cerca de", "alrededor de",
 * "aproximadamente", "casi", "unos").
 */
export type Qualifier = "more-than" | "just-over" | "about";

export interface Ambiguity {
  /** Why the expression cannot be read with confidence. */
  reason: string;
  /** The plausible values, in increasing order. */
  readings: number[];
  /** The expression is beyond the exact range of a number: it has no reading. */
  outOfRange?: true;
}

export interface ParsedNumber {
  kind: NumberKind;
  /**
   * The value; null only when `ambiguous` is set. For a date, phone number or code: its
   * digits read as one integer (YYYYMMDD for a date), which identifies it and counts nothing.
   */
  value: number | null;
  /** UTF-16 offsets into the parsed text: text.slice(start, end) === raw. */
  start: number;
  end: number;
  raw: string;
  /** The unit word right after the expression (not part of raw), by its English name. */
  unit?: string;
  /** For a figure: the qualifier words right before it say how it relates to the true one. */
  qualifier?: Qualifier;
  /**
   * Where the qualifier words begin: text.slice(qualifierStart, start) is them and the
   * spaces after them (not part of raw).
   */
  qualifierStart?: number;
  /** For a date-part: the month (1-12) named next to it. */
  month?: number;
  ambiguous?: Ambiguity;
}

function formatInt(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * Every number expression in `text`, written in `language`, in order of appearance. See the
 * module comment for the forms read and for how malformed ones are flagged.
 */
export function parseNumbers(text: string, language: Language = "en"): ParsedNumber[] {
  const lex = LEXICONS[language];
  const tokens = tokenize(text, lex);
  const out: ParsedNumber[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as Token;
    if (tok.type === "multiplier" && !tok.standalone) {
      i++; // "thousands of": a multiplier without a coefficient is not a number
      continue;
    }
    if (tok.type === "identifier") {
      out.push({
        kind: tok.kind,
        value: identifierValue(tok.raw),
        start: tok.start,
        end: tok.end,
        raw: tok.raw,
      });
      i++;
      continue;
    }
    const [read, next] = readChain(text, tokens, i, lex);
    const parsed = inRange(read);
    const q = parsed.kind === "number" ? lex.qualifierBefore(text, parsed.start) : undefined;
    out.push(q ? { ...parsed, qualifier: q.qualifier, qualifierStart: q.start } : parsed);
    i = next;
  }
  return out;
}

/** An identifier's digits read as one integer; a day/month/year date as YYYYMMDD. */
function identifierValue(raw: string): number {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (dmy) return Number(`${dmy[3]}${dmy[2]?.padStart(2, "0")}${dmy[1]?.padStart(2, "0")}`);
  return Number(raw.replace(/\D/g, ""));
}

/** A figure whose value (or a reading) is beyond the exact range of a number, flagged as unreadable. */
function inRange(n: ParsedNumber): ParsedNumber {
  const exact = (v: number) => Math.abs(v) <= Number.MAX_SAFE_INTEGER;
  if (n.kind !== "number") return n;
  if (n.value === null ? n.ambiguous?.readings.every(exact) !== false : exact(n.value)) return n;
  return {
    ...n,
    value: null,
    ambiguous: {
      reason: `"${n.raw.length > 40 ? `${n.raw.slice(0, 40)}...` : n.raw}" is too large to read exactly (above ${formatInt(Number.MAX_SAFE_INTEGER)})`,
      readings: [],
      outOfRange: true,
    },
  };
}

/**
 * The value of the one number expression in `text` ("12 million 315 thousand
 * 476", "24 hours", "2021"). Throws if there is none, more than one, it is
 * ambiguous, or it is a phone number or a code.
 */
export function parseNumber(text: string, language: Language = "en"): number {
  const found = parseNumbers(text, language);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one number expression in "${text}", found ${found.length}` +
        (found.length > 0 ? `: ${found.map((n) => `"${n.raw}"`).join(", ")}` : ""),
    );
  }
  const [n] = found as [ParsedNumber];
  if (n.kind === "phone" || n.kind === "code") {
    throw new Error(
      `"${n.raw}" is a ${n.kind === "phone" ? "phone number" : "code"}, not a figure`,
    );
  }
  if (n.value === null) {
    throw new Error(
      `ambiguous number "${n.raw}": ${n.ambiguous?.reason ?? "unreadable"}` +
        (n.ambiguous?.readings.length
          ? ` (possible readings: ${n.ambiguous.readings.map(formatInt).join(", ")})`
          : ""),
    );
  }
  return n.value;
}
