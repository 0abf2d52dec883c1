import type { Lexicon } from "./lexicon.js";
import { qualifierReader } from "./qualifiers.js";
import { WORD_CHAR, wordBefore } from "./text.js";
import type { Atom } from "./tokens.js";

/**
 * English: number words zero to ninety-nine and "hundred" ("one" after "no", "any", "the"...
 * is a pronoun); multipliers thousand, million, billion (10^9), never a number without a
 * coefficient ("thousands of"); ordinals "1st", "2nd"; month names before or after the day
 * ("December 25", "1st April", "25 of December"); qualifiers "more than", "over" (more than),
 * "just over", "slightly over", "slightly more than" (just over), "about", "around",
 * "approximately", "roughly", "some", "nearly", "almost" (about: near the figure, maybe
 * below it), none after "no" or "not".
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

const SMALL_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** Longest words first, so "seventeen" is not read as "seven". */
const NUMBER_WORD = new RegExp(
  [
    `(?:${Object.keys(TENS_WORDS).join("|")})(?:-(?:${SMALL_UNITS.join("|")}))?`,
    ...[...Object.keys(UNITS_WORDS), "hundred"].sort((a, b) => b.length - a.length),
  ].join("|"),
  "iy",
);
const MULTIPLIER_WORD = /(thousand|million|billion)s?(?![\p{L}\p{N}])/iuy;
const UNIT_AFTER =
  /^[ \t\u00a0]*-?(?:(pesos(?:[ \t\u00a0]+(?:per|a)[ \t\u00a0]+day)?)|(hours?|days?|weeks?|months?|years?)(?![\p{L}])|(%|per[ \t\u00a0]?cent(?![\p{L}])))/iu;

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

export const english: Lexicon = {
  longScale: false,
  thousandWord: "thousand",
  ordinalSuffix: /(?:st|nd|rd|th)(?![\p{L}\p{N}])/iuy,
  multiplier(text, i) {
    MULTIPLIER_WORD.lastIndex = i;
    const m = MULTIPLIER_WORD.exec(text);
    if (!m) return null;
    const factor = MULTIPLIERS[(m[1] as string).toLowerCase()] as bigint;
    return { end: i + m[0].length, factor, standalone: false };
  },
  words: readNumberWords,
  monthNear,
  unitAfter,
  qualifierBefore: qualifierReader(
    {
      "more than": "more-than",
      over: "more-than",
      "just over": "just-over",
      "slightly over": "just-over",
      "slightly more than": "just-over",
      about: "about",
      around: "about",
      approximately: "about",
      roughly: "about",
      some: "about",
      nearly: "about",
      almost: "about",
    },
    ["no", "not"],
  ),
};
