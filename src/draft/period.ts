import type { ParsedNumber } from "../text/parse-numbers.js";
import type { Granularity, Language, Statistic } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import { CUES } from "./cues.js";
import type { DraftEntity } from "./draft-graph.js";
import type { Candidate } from "./match.js";
import { MONTHS } from "./facts-file.js";
import { hasCue } from "./words.js";

/**
 * When a figure holds: from the document's date and the words of its sentence ("in 2021", "as of
 * December 25", "from January 10 to date", "on a typical day", "en lo que va del año"), as an
 * interval, then the graph's period with that interval. A period the graph lacks is proposed as
 * a new one (`newPeriod`), for the curator to add.
 */

export interface PeriodGuess {
  key: string;
  start: string;
  end: string;
  granularity: Granularity;
}

export interface PeriodInput {
  language: Language;
  /** YYYY-MM-DD. */
  documentDate: string;
  statistic: Statistic;
  sentence: string;
  /** Where the sentence starts in the document (the numbers' offsets are the document's). */
  sentenceOffset: number;
  /** The numbers of the sentence (years and dates among them). */
  numbers: ParsedNumber[];
  periods: DraftEntity[];
}

export interface PeriodResult {
  candidates: Candidate[];
  newPeriod: PeriodGuess | null;
  /** For an increase: the period it is compared with. */
  comparedTo: string | null;
}

/** How far before a year or a date its cue is looked for ("compared with", "as of the"...). */
const BEFORE_CHARS = 200;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function guessPeriod(input: PeriodInput): PeriodResult {
  const w = periodWords(input);
  return datedPeriod(w) ?? monthPeriod(w) ?? yearPeriod(w);
}

/** What a sentence says of when its figures hold, as guessPeriod's steps read it. */
interface PeriodWords {
  input: PeriodInput;
  cues: (typeof CUES)[Language];
  docYear: number;
  docMonth: number;
  /** The sentence, folded. */
  sentence: string;
  has(list: readonly string[]): boolean;
  /** The year the sentence names, and the one a comparison names ("compared with 2020"). */
  explicit: ParsedNumber | undefined;
  compared: ParsedNumber | undefined;
  comparedTo: string | null;
}

function periodWords(input: PeriodInput): PeriodWords {
  const cues = CUES[input.language];
  const [docYear, docMonth] = input.documentDate.split("-").map(Number) as [number, number, number];
  const sentence = foldText(input.sentence);
  const years = input.numbers.filter((n) => n.kind === "year" && n.value !== null);
  const isComparison = (n: ParsedNumber) =>
    cues.comparedTo.some((cue) => beforeText(input, n).trimEnd().endsWith(cue)) ||
    /compared with\s*$|compared to\s*$|en comparacion con\s*$/u.test(beforeText(input, n));
  const compared = years.find(isComparison);
  const comparedTo = compared ? findYear(input.periods, compared.value as number) : null;
  return {
    input,
    cues,
    docYear,
    docMonth,
    sentence,
    has: (list) => hasCue(sentence, list),
    explicit: years.find((n) => !isComparison(n)),
    compared,
    comparedTo,
  };
}

/** The graph's period of an interval, else a new one. */
function found(
  w: PeriodWords,
  start: string,
  end: string,
  granularity: Granularity,
  why: string,
  score: number,
): PeriodResult {
  const match = w.input.periods.find(
    (p) =>
      p.start === start &&
      p.end === end &&
      (p.granularity === granularity || granularity === "range"),
  );
  if (match) return known(w, [{ key: match.key, score, why }]);
  return proposed(w, newPeriod(start, end, granularity));
}

/** The graph's periods that fit, best first. */
function known(w: PeriodWords, candidates: Candidate[]): PeriodResult {
  return { candidates, newPeriod: null, comparedTo: w.comparedTo };
}

/** A period the graph lacks, for the curator to add. */
function proposed(w: PeriodWords, period: PeriodGuess): PeriodResult {
  return { candidates: [], newPeriod: period, comparedTo: w.comparedTo };
}

/** The words right before a year or a date (their last characters: the cues end there). */
function beforeText(input: PeriodInput, n: ParsedNumber): string {
  return foldText(
    input.sentence.slice(
      Math.max(0, n.start - input.sentenceOffset - BEFORE_CHARS),
      n.start - input.sentenceOffset,
    ),
  );
}

/** A date part of the sentence with a cue: "as of December 25", "from January 10 to date". */
function datedPeriod(w: PeriodWords): PeriodResult | undefined {
  const { input, cues, explicit, docYear, docMonth } = w;
  const dated = input.numbers.filter((n) => n.kind === "date-part" && n.month !== undefined);
  const yearOf = (month: number) => explicit?.value ?? (month > docMonth ? docYear - 1 : docYear);
  const dateOf = (n: ParsedNumber) =>
    `${yearOf(n.month as number)}-${pad(n.month as number)}-${pad(n.value as number)}`;
  const cueBefore = (n: ParsedNumber, list: readonly string[]) => {
    const text = beforeText(input, n).replace(/\s*(the|el|la)?\s*$/u, "");
    const month = MONTHS[input.language][(n.month as number) - 1]?.toLowerCase() ?? "";
    return list.some(
      (cue) =>
        new RegExp(`${cue}\\s+(${month}\\s+)?(\\d+\\s+de\\s+)?$`, "u").test(`${text} `) ||
        text.endsWith(cue),
    );
  };

  // "Since May 2" with no end: up to the document's date.
  const since = dated.find((n) => cueBefore(n, cues.since));
  if (since && (w.has(cues.toDate) || input.statistic === "cumulative"))
    return found(
      w,
      dateOf(since),
      input.documentDate,
      "range",
      "from a date to the document's date",
      0.8,
    );
  const asOf = dated.find((n) => cueBefore(n, cues.asOf) || cueBefore(n, cues.cumulative));
  if (!asOf) return undefined;
  const end = dateOf(asOf);
  const ending = input.periods.filter((p) => p.end === end && p.granularity === "range");
  if (ending.length >= 1)
    return known(
      w,
      ending.map((p, i) => ({
        key: p.key,
        score: ending.length === 1 ? 0.75 : 0.5 - i * 0.1,
        why: `the period that ends on ${end}`,
      })),
    );
  return proposed(w, newPeriod(`${end.slice(0, 4)}-01-01`, end, "range"));
}

/** A month: "In December of last year", "en diciembre de 2021". */
function monthPeriod(w: PeriodWords): PeriodResult | undefined {
  const { cues, explicit, docYear, docMonth } = w;
  const monthIndex = MONTHS[w.input.language].findIndex((m) =>
    new RegExp(
      `(^|[^\\p{L}])(in|en|durante|during) ${m.toLowerCase()}( (of|de|del) (last year|el ano pasado|ano pasado|\\d{4}))?`,
      "u",
    ).test(w.sentence),
  );
  if (monthIndex < 0) return undefined;
  const month = monthIndex + 1;
  const year = w.has(cues.lastYear)
    ? docYear - 1
    : (explicit?.value ?? (month > docMonth ? docYear - 1 : docYear));
  return found(
    w,
    `${year}-${pad(month)}-01`,
    `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    "month",
    "the month the sentence names",
    0.75,
  );
}

/**
 * The year of the figure: one the sentence names, else the year a comparison leads to, else
 * "last year"/"this year", else (unsure) the year just ended for a document of January.
 */
function yearOfFigure(w: PeriodWords): { year: number; why: string; score: number } {
  const { input, cues, explicit, compared, docYear, docMonth } = w;
  const named = explicit?.value;
  if (named) return { year: named, why: `the year the sentence names (${named})`, score: 0.75 };
  if (compared?.value && input.statistic === "increase")
    return {
      year: compared.value + 1,
      why: `the year after the one it is compared with (${compared.value})`,
      score: 0.65,
    };
  if (w.has(cues.lastYear)) return { year: docYear - 1, why: "last year", score: 0.75 };
  if (w.has(cues.thisYear) && docMonth > 1) return { year: docYear, why: "this year", score: 0.75 };
  return {
    year: docMonth === 1 ? docYear - 1 : docYear,
    why:
      docMonth === 1
        ? "no year named; the year just ended, for a document of January"
        : "no year named; the document's year",
    score: 0.5,
  };
}

/** The period of the figure's year, as its statistic counts it (a typical day, a day, the year). */
function yearPeriod(w: PeriodWords): PeriodResult {
  const { input, cues, explicit } = w;
  const { year, why, score } = yearOfFigure(w);
  if (input.statistic === "daily-average") {
    const typical = input.periods.find(
      (p) => p.granularity === "typical-day" && p.start === `${year}-01-01`,
    );
    if (typical)
      return known(w, [{ key: typical.key, score, why: `a typical day of ${year} (${why})` }]);
    return proposed(w, newPeriod(`${year}-01-01`, `${year}-12-31`, "typical-day"));
  }
  if (input.statistic === "stock" && !explicit && w.has(cues.wholeYear)) {
    const yearPeriod = findYear(input.periods, year);
    if (yearPeriod)
      return known(w, [{ key: yearPeriod, score: 0.6, why: `throughout the year (${why})` }]);
  }
  if (input.statistic === "stock" && !explicit && !w.has(cues.lastYear)) {
    // A count standing now: the document's day.
    return found(
      w,
      input.documentDate,
      input.documentDate,
      "day",
      "a count standing on the document's date",
      0.7,
    );
  }
  const yearPeriod = findYear(input.periods, year);
  if (yearPeriod) return known(w, [{ key: yearPeriod, score, why }]);
  return proposed(w, newPeriod(`${year}-01-01`, `${year}-12-31`, "year"));
}

function findYear(periods: DraftEntity[], year: number): string | null {
  return periods.find((p) => p.granularity === "year" && p.start === `${year}-01-01`)?.key ?? null;
}

function newPeriod(start: string, end: string, granularity: Granularity): PeriodGuess {
  const key =
    granularity === "year"
      ? `year-${start.slice(0, 4)}`
      : granularity === "typical-day"
        ? `typical-day-${start.slice(0, 4)}`
        : granularity === "day"
          ? `day-${start}`
          : granularity === "month"
            ? `month-${start.slice(0, 7)}`
            : `${start}-to-${end}`;
  return { key, start, end, granularity };
}
