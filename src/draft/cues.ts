import type { Language } from "../model/vocabulary.js";

/**
 * The words around a figure that say how it was measured, in each language, folded (lower
 * case, no accents). The drafter looks for them in the figure's clause and sentence.
 */
export interface Cues {
  /** A figure that grew, or "more ... than" a period: an increase (with comparedTo). */
  increase: readonly string[];
  /** A day's figure on average: a daily average over a typical day. */
  daily: readonly string[];
  /** A running total up to a date: cumulative. */
  cumulative: readonly string[];
  /** Words before the figure that make it a comparison with a year ("than in 2020"). */
  comparedTo: readonly string[];
  /** "this year", "last year". */
  thisYear: readonly string[];
  lastYear: readonly string[];
  /** "to date", "so far": up to the document's date. */
  toDate: readonly string[];
  /** "as of", "with a cut-off to": a period that ends on the date that follows. */
  asOf: readonly string[];
  /** "from", "since": a period that starts on the date that follows. */
  since: readonly string[];
  /** "in", "during": the year that follows is the period. */
  during: readonly string[];
  /** "throughout the year": a count that held over the whole year. */
  wholeYear: readonly string[];
}

export const CUES: Record<Language, Cues> = {
  en: {
    increase: [
      "increased by",
      "increase of",
      "growth of",
      "grew by",
      "more than in",
      "higher than",
      "compared with",
      "compared to",
      "more visits than",
    ],
    daily: ["typical day", "daily", "per day", "a day", "on average", "an average of", "average"],
    cumulative: ["as of", "to date", "so far", "cut-off", "cutoff", "accumulated", "since"],
    comparedTo: ["than in", "compared with", "compared to", "than what was obtained in"],
    thisYear: ["this year"],
    lastYear: ["last year", "previous year"],
    toDate: ["to date", "so far"],
    asOf: ["as of", "cut-off to", "cutoff to", "cut-off on", "until"],
    since: ["from", "since"],
    during: ["in", "during", "throughout"],
    wholeYear: ["throughout the year", "during the year", "all year"],
  },
  es: {
    increase: [
      "aumento",
      "aumentaron",
      "aumentaron en",
      "incremento",
      "incrementaron",
      "crecimiento",
      "crecieron",
      "mas que en",
      "respecto a",
      "respecto de",
      "en comparacion con",
      "comparado con",
    ],
    daily: [
      "dia tipico",
      "diario",
      "diarios",
      "diarias",
      "diariamente",
      "al dia",
      "por dia",
      "en promedio",
    ],
    cumulative: [
      "al corte",
      "con corte",
      "a la fecha",
      "en lo que va",
      "acumulad",
      "hasta el",
      "desde el",
      "a partir del",
    ],
    comparedTo: ["que en", "respecto a", "respecto de", "en comparacion con", "comparado con"],
    thisYear: ["este ano", "en lo que va del ano"],
    lastYear: ["el ano pasado", "ano anterior"],
    toDate: ["a la fecha", "en lo que va"],
    asOf: ["al corte del", "al corte al", "con corte al", "hasta el", "al"],
    since: ["desde el", "desde", "a partir del", "a partir de"],
    during: ["en", "durante", "a lo largo de"],
    wholeYear: ["a lo largo del ano", "durante el ano", "todo el ano"],
  },
};
