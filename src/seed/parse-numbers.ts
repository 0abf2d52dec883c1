/**
 * A parser for the number expressions of the source documents (English
 * translations of IMSS press releases), which mix digits, thousands separators
 * and words:
 *
 *   "12 million 315 thousand 476"   -> 12,315,476
 *   "20 million 620,148"            -> 20,620,148
 *   "one million 835 thousand 119"  -> 1,835,119
 *   "181 thousand 005"              -> 181,005
 *   "382,000 million pesos"         -> 382,000,000,000 (unit "pesos")
 *   "83.2 million"                  -> 83,200,000
 *   "54,000 335"                    -> 54,335 (the Spanish "54 mil 335" with "mil" written ",000")
 *   "1,075,319", "244.7", "79", "24 hours", "three"
 *   "2021"                          -> a year; "December 25", "1st April" -> date parts
 *
 * Rules (each is tested in test/parse-numbers.test.ts):
 * - An expression is a chain of terms "coefficient multiplier" (thousand,
 *   million, billion) with strictly decreasing multipliers, optionally ended by
 *   a bare group smaller than the last multiplier. The tokens of a chain are
 *   separated by spaces only: a comma, semicolon or line break ends it, so the
 *   items of a list ("303,469 Family Medicine, 54,335 Specialties") stay apart.
 * - A coefficient is a digit group ("12", "074", "1,075", "83.2") or written-out
 *   words ("one", "twenty-five", "two hundred"). A decimal coefficient
 *   ("83.2 million") ends the chain. Values are computed exactly (83.2 million
 *   is 83,200,000, not 83,200,000.00000001).
 * - "N,000 DDD" (a comma group ending in ",000" followed by a bare three-digit
 *   group) is one number, N,DDD: "54,000 335" is 54,335.
 * - Two bare groups in a row after a multiplier ("2 million 117 1,417") cannot be
 *   read with confidence: a word such as "thousand" is missing, and "1,417" is
 *   not a three-digit group. Such an expression is returned once, with
 *   `value: null` and `ambiguous` holding the reason and the candidate readings
 *   (2,118,417 if "117" is thousands and "1,417" the rest; 2,117,417 if the "1,"
 *   is a slip). `parseNumber` throws on it. Other malformed chains (a term
 *   larger than the one before it) are flagged the same way.
 * - A bare integer of four digits between 1900 and 2100 (no separators, no
 *   multiplier) is a `year`. A bare integer from 1 to 31 (optionally "1st",
 *   "2nd", ...) next to a month name ("December 25", "1st April", "25 of
 *   December") is a `date-part` with its `month`. Another digit ordinal ("3rd")
 *   is an `ordinal`. An ISO date ("2022-01-20") is one `date` whose value is
 *   YYYYMMDD (20220120).
 * - Digits inside a name are not numbers: "COVID-19", "SARS-CoV-2", "MP3".
 * - Number words are zero to ninety-nine and "hundred" (case-insensitive). "one"
 *   after "no", "any", "every", "each", "some", "this", "that", "which" or "the"
 *   is a pronoun, not a number. "a" ("a monthly National Day") and word
 *   ordinals ("second wave") are not numbers. Negative numbers are not read.
 * - A unit word directly after the expression is reported in `unit`
 *   ("pesos", "pesos-per-day", "hours", "days", "weeks", "months", "years",
 *   "percent"); it is not part of `raw`.
 */

export type NumberKind = "number" | "year" | "date-part" | "ordinal" | "date";

export interface Ambiguity {
  /** Why the expression cannot be read with confidence. */
  reason: string;
  /** The plausible values, in increasing order. */
  readings: number[];
}

export interface ParsedNumber {
  kind: NumberKind;
  /** The value; null only when `ambiguous` is set. */
  value: number | null;
  /** UTF-16 offsets into the parsed text: text.slice(start, end) === raw. */
  start: number;
  end: number;
  raw: string;
  /** A unit word right after the expression (not part of raw). */
  unit?: string;
  /** For a date-part: the month (1-12) named next to it. */
  month?: number;
  ambiguous?: Ambiguity;
}

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

/** An exact decimal: value = mantissa / 10^scale. */
interface Decimal {
  mantissa: bigint;
  scale: number;
}

interface Atom {
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

interface IsoDate {
  type: "iso-date";
  start: number;
  end: number;
  raw: string;
}

type Token = Atom | Multiplier | IsoDate;

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

function decimalOf(raw: string): Decimal {
  const plain = raw.replace(/,/g, "");
  const dot = plain.indexOf(".");
  if (dot < 0) return { mantissa: BigInt(plain), scale: 0 };
  return { mantissa: BigInt(plain.replace(".", "")), scale: plain.length - dot - 1 };
}

function toNumber(d: Decimal): number {
  if (d.scale === 0) return Number(d.mantissa);
  const den = 10n ** BigInt(d.scale);
  if (d.mantissa % den === 0n) return Number(d.mantissa / den);
  return Number(d.mantissa) / Number(den);
}

function times(d: Decimal, factor: bigint): Decimal {
  let mantissa = d.mantissa * factor;
  let scale = d.scale;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale -= 1;
  }
  return { mantissa, scale };
}

function plus(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const am = a.mantissa * 10n ** BigInt(scale - a.scale);
  const bm = b.mantissa * 10n ** BigInt(scale - b.scale);
  return { mantissa: am + bm, scale };
}

function isInteger(d: Decimal): boolean {
  return d.scale === 0;
}

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

function tokenize(text: string): Token[] {
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

/** Only spaces between two tokens (no comma, semicolon, line break, word). */
function adjacent(text: string, a: Token, b: Token | undefined): boolean {
  if (!b) return false;
  return /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
}

const UNIT_AFTER =
  /^[ \t\u00a0]*-?(?:(pesos(?:[ \t\u00a0]+(?:per|a)[ \t\u00a0]+day)?)|(hours?|days?|weeks?|months?|years?)(?![\p{L}])|(%|percent(?![\p{L}])))/iu;

function unitAfter(text: string, end: number): string | undefined {
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

function formatInt(n: number): string {
  return n.toLocaleString("en-US");
}

function single(text: string, atom: Atom): ParsedNumber {
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

/**
 * Every number expression in `text`, in order of appearance. See the module
 * comment for the forms read and for how malformed ones are flagged.
 */
export function parseNumbers(text: string): ParsedNumber[] {
  const tokens = tokenize(text);
  const out: ParsedNumber[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as Token;
    if (tok.type === "multiplier") {
      i++; // "thousands of": a multiplier without a coefficient is not a number
      continue;
    }
    if (tok.type === "iso-date") {
      out.push({
        kind: "date",
        value: Number(tok.raw.replace(/-/g, "")),
        start: tok.start,
        end: tok.end,
        raw: tok.raw,
      });
      i++;
      continue;
    }
    const [parsed, next] = readChain(text, tokens, i);
    out.push(parsed);
    i = next;
  }
  return out;
}

/** Reads the chain that starts at tokens[i] (an atom); returns it and the next token index. */
function readChain(text: string, tokens: Token[], i: number): [ParsedNumber, number] {
  const first = tokens[i] as Atom;
  const next = tokens[i + 1];
  const hasMultiplier = next?.type === "multiplier" && adjacent(text, first, next);

  if (!hasMultiplier || first.ordinal) {
    // "54,000 335": a thousands group written ",000" followed by the rest.
    const after = tokens[i + 1];
    if (
      /^\d{1,3}(?:,\d{3})*,000$/.test(first.raw) &&
      after?.type === "atom" &&
      after.digits &&
      /^\d{3}$/.test(after.raw) &&
      adjacent(text, first, after) &&
      !(tokens[i + 2]?.type === "multiplier" && adjacent(text, after, tokens[i + 2]))
    ) {
      const value = toNumber(plus(first.value, after.value));
      const unit = unitAfter(text, after.end);
      return [
        {
          kind: "number",
          value,
          start: first.start,
          end: after.end,
          raw: text.slice(first.start, after.end),
          ...(unit ? { unit } : {}),
        },
        i + 2,
      ];
    }
    return [single(text, first), i + 1];
  }

  // A chain of "coefficient multiplier" terms, then maybe a bare group.
  let total: Decimal = { mantissa: 0n, scale: 0 };
  let lastFactor: bigint | null = null;
  let end = first.end;
  let j = i;
  const problems: string[] = [];
  const bare: Atom[] = [];
  while (j < tokens.length) {
    const atom = tokens[j];
    if (atom?.type !== "atom" || atom.ordinal) break;
    if (j > i && !adjacent(text, tokens[j - 1] as Token, atom)) break;
    const mult = tokens[j + 1];
    if (mult?.type === "multiplier" && adjacent(text, atom, mult)) {
      if (bare.length > 0) break; // "2 million 5 3 thousand": stop before the new term
      const term = times(atom.value, mult.factor);
      if (lastFactor !== null) {
        if (!isInteger(atom.value) || mult.factor >= lastFactor) break; // a new expression
        if (atom.value.mantissa * mult.factor >= lastFactor) {
          problems.push(
            `"${atom.raw} ${text.slice(mult.start, mult.end)}" is not smaller than the term before it`,
          );
        }
      }
      total = plus(total, term);
      lastFactor = mult.factor;
      end = mult.end;
      j += 2;
      if (!isInteger(atom.value)) break; // "83.2 million" ends the chain
      continue;
    }
    // A bare group after a multiplier.
    if (lastFactor === null || !isInteger(atom.value)) break;
    bare.push(atom);
    end = atom.end;
    j += 1;
  }

  const raw = text.slice(first.start, end);
  const base = { start: first.start, end, raw };
  const [b0, b1] = bare;
  if (b0 && b1 && lastFactor !== null) {
    // "2 million 117 1,417": two bare groups; a "thousand" seems to be missing.
    const prefix = raw.slice(0, b0.start - first.start).trim();
    const a = b0.value.mantissa;
    const rest = bare.slice(1).reduce((s, x) => s + x.value.mantissa, 0n);
    const readings = new Set<number>();
    if (a < 1000n && lastFactor > 1000n) {
      readings.add(toNumber(plus(total, { mantissa: a * 1000n + rest, scale: 0 })));
      readings.add(toNumber(plus(total, { mantissa: a * 1000n + (rest % 1000n), scale: 0 })));
    }
    const reason =
      `${bare.map((x) => `"${x.raw}"`).join(" and ")} follow "${prefix}" with no word between them: ` +
      `a word such as "thousand" seems to be missing` +
      (bare.slice(1).some((x) => !/^\d{3}$/.test(x.raw))
        ? ` and ${bare
            .slice(1)
            .filter((x) => !/^\d{3}$/.test(x.raw))
            .map((x) => `"${x.raw}"`)
            .join(", ")} is not a three-digit group`
        : "");
    return [
      {
        kind: "number",
        value: null,
        ...base,
        ambiguous: { reason, readings: [...readings].sort((x, y) => x - y) },
      },
      j,
    ];
  }
  if (b0 && lastFactor !== null && b0.value.mantissa >= lastFactor) {
    problems.push(`"${b0.raw}" is not smaller than the term before it`);
  }
  if (b0) total = plus(total, b0.value);
  const unit = unitAfter(text, end);
  if (problems.length > 0) {
    return [
      {
        kind: "number",
        value: null,
        ...base,
        ...(unit ? { unit } : {}),
        ambiguous: { reason: problems.join("; "), readings: [toNumber(total)] },
      },
      j,
    ];
  }
  return [{ kind: "number", value: toNumber(total), ...base, ...(unit ? { unit } : {}) }, j];
}

/**
 * The value of the one number expression in `text` ("12 million 315 thousand
 * 476", "24 hours", "2021"). Throws if there is none, more than one, or it is
 * ambiguous.
 */
export function parseNumber(text: string): number {
  const found = parseNumbers(text);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one number expression in "${text}", found ${found.length}` +
        (found.length > 0 ? `: ${found.map((n) => `"${n.raw}"`).join(", ")}` : ""),
    );
  }
  const [n] = found as [ParsedNumber];
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
