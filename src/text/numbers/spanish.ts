import type { Lexicon } from "./lexicon.js";
import { qualifierReader } from "./qualifiers.js";
import { SPACES, WORD_CHAR, wordBefore } from "./text.js";
import type { Atom } from "./tokens.js";

/**
 * Spanish (Mexican usage): number words cero to novecientos noventa y nueve; multipliers mil
 * (10^3), millón/millones (10^6), "mil millones" (10^9) and billón/billones (10^12); "mil"
 * and "mil millones" are numbers on their own ("mil 330" is 1,330), "millones de" is not;
 * "un", "una" and "uno" are 1 only before a multiplier ("un millón"), otherwise an article or
 * a pronoun ("una unidad", "uno de los"); ordinals "1º", "1°", "1o.", "1er", "2do", "3ra";
 * month names after the day ("2 de mayo", "del 1 al 25 de diciembre"); qualifiers "más de"
 * (more than), "poco más de", "un poco más de" (just over), "cerca de", "alrededor de",
 * "aproximadamente", "casi", "unos", "unas" (about: near the figure, maybe below it), none
 * after "no" ("no más de" is at most). Accents are optional ("mas de").
 */

/** 0 to 29 (accents optional: "dieciseis", "veintidos"). */
const UNITS: Record<string, number> = {
  cero: 0,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiún: 21,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
const TENS: Record<string, number> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
/** "cien" is 100 alone or before a multiplier ("cien mil"); "ciento" takes tens and units. */
const HUNDREDS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
/** The words "un", "una", "uno": an article or a pronoun unless a multiplier follows. */
const ONE = new Set(["un", "una", "uno"]);
const MONTHS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

const S = "[ \\t\\u00a0]";
const WORD = /\p{L}+/uy;
/** "y" and a unit after tens: "treinta y uno". */
const AND_UNIT = new RegExp(`y${S}+(\\p{L}+)(?![\\p{L}\\p{N}_])`, "iuy");
const MULTIPLIER_WORD = new RegExp(
  `(?:(mil)(?:${S}+(millones|millón|millon)(?![\\p{L}\\p{N}]))?` +
    `|(millones|millón|millon)|(billones|billón|billon))(?![\\p{L}\\p{N}])`,
  "iuy",
);
const MONTH_AFTER = new RegExp(
  `^${S}+(?:(?:al|a|y)${S}+\\d{1,2}${S}+)?(?:de${S}+)?(${MONTHS.join("|")}|setiembre)(?![\\p{L}])`,
  "iu",
);
const UNIT_AFTER = new RegExp(
  `^${S}*(?:de${S}+)?(?:` +
    `(pesos(?:${S}+(?:diarios|por${S}+d[ií]a|al${S}+d[ií]a))?)(?![\\p{L}])` +
    `|(horas?|d[ií]as?|semanas?|mes(?:es)?|años?)(?![\\p{L}])` +
    `|(%|por${S}+ciento(?![\\p{L}])))`,
  "iu",
);
const UNIT_NAMES: [RegExp, string][] = [
  [/^hora/i, "hours"],
  [/^d[ií]a/i, "days"],
  [/^semana/i, "weeks"],
  [/^mes/i, "months"],
  [/^año/i, "years"],
];

/** The value of `word` in `table`, own keys only ("constructor" is not a number word). */
function valueIn(table: Record<string, number>, word: string): number | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

function multiplier(text: string, i: number) {
  MULTIPLIER_WORD.lastIndex = i;
  const m = MULTIPLIER_WORD.exec(text);
  if (!m) return null;
  const end = i + m[0].length;
  if (m[1]) return { end, factor: m[2] ? 1_000_000_000n : 1_000n, standalone: true };
  if (m[3]) return { end, factor: 1_000_000n, standalone: false };
  return { end, factor: 1_000_000_000_000n, standalone: false };
}

/** Is a multiplier the next word after offset `i` ("un millón")? */
function multiplierAfter(text: string, i: number): boolean {
  const gap = SPACES.exec(text.slice(i, i + 40));
  return gap !== null && multiplier(text, i + gap[0].length) !== null;
}

/**
 * Written-out numbers below a thousand: "tres", "veinticinco", "treinta y uno", "cien",
 * "ciento cinco", "novecientos noventa y nueve". A multiplier after them is a token of its own.
 */
function readNumberWords(text: string, start: number): Atom | null {
  let i = start;
  let group = 0;
  let stage: "start" | "hundreds" | "tens" | "done" = "start";
  let end = start;
  while (stage !== "done") {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m || WORD_CHAR.test(text[i + m[0].length] ?? "")) break;
    const word = m[0].toLowerCase();
    let length = m[0].length;
    const hundreds = valueIn(HUNDREDS, word);
    const tens = valueIn(TENS, word);
    const units = valueIn(UNITS, word);
    if (stage === "start" && hundreds !== undefined) {
      if (word === "ciento" && wordBefore(text, i) === "por") break; // "por ciento": percent
      group += hundreds;
      stage = word === "cien" ? "done" : "hundreds";
    } else if (stage !== "tens" && tens !== undefined) {
      group += tens;
      stage = "tens";
    } else if (stage !== "tens" && units !== undefined) {
      group += units;
      stage = "done";
    } else if (stage === "tens" && word === "y") {
      AND_UNIT.lastIndex = i;
      const unit = AND_UNIT.exec(text);
      const v = valueIn(UNITS, unit?.[1]?.toLowerCase() ?? "");
      if (!unit || v === undefined || v < 1 || v > 9) break;
      group += v;
      length = unit[0].length;
      stage = "done";
    } else {
      break;
    }
    end = i + length;
    const gap = SPACES.exec(text.slice(end, end + 40));
    if (!gap) break;
    i = end + gap[0].length;
  }
  if (end === start) return null;
  const raw = text.slice(start, end);
  if (ONE.has(raw.toLowerCase()) && !multiplierAfter(text, end)) return null;
  return {
    type: "atom",
    start,
    end,
    raw,
    value: { mantissa: BigInt(group), scale: 0 },
    digits: false,
    separators: false,
    ordinal: false,
  };
}

function monthNear(text: string, atom: Atom): number | undefined {
  const m = MONTH_AFTER.exec(text.slice(atom.end, atom.end + 40));
  if (!m) return undefined;
  const word = (m[1] as string).toLowerCase();
  return word === "setiembre" ? 9 : MONTHS.indexOf(word) + 1;
}

function unitAfter(text: string, end: number): string | undefined {
  const m = UNIT_AFTER.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  if (m[1]) return /d[ií]a|diarios/i.test(m[1]) ? "pesos-per-day" : "pesos";
  if (m[2]) return UNIT_NAMES.find(([re]) => re.test(m[2] as string))?.[1];
  return "percent";
}

export const spanish: Lexicon = {
  longScale: true,
  thousandWord: "mil",
  ordinalSuffix: /(?:\.?[ºª°]|er|ro|ra|do|da|to|ta|vo|va|mo|ma|no|na|o\.?|a\.?)(?![\p{L}\p{N}])/iuy,
  multiplier,
  words: readNumberWords,
  monthNear,
  unitAfter,
  qualifierBefore: qualifierReader(
    {
      "más de": "more-than",
      "mas de": "more-than",
      "poco más de": "just-over",
      "poco mas de": "just-over",
      "un poco más de": "just-over",
      "un poco mas de": "just-over",
      "cerca de": "about",
      "alrededor de": "about",
      aproximadamente: "about",
      casi: "about",
      unos: "about",
      unas: "about",
    },
    ["no"],
  ),
};
