import type { ParsedNumber } from "../text/parse-numbers.js";
import type { Language, Statistic, Unit } from "../model/vocabulary.js";
import { CUES } from "./cues.js";
import type { DraftEntity, DraftFact } from "./draft-graph.js";
import { firstFrom } from "./sentences.js";

/** How a drafted figure counts: its statistic (from its words, else the graph) and its unit. */

/** The cue words of a sentence or a clause, asked for by list (CueIndex). */
export interface Cued {
  has(cues: readonly string[]): boolean;
  /** "more ... than in". */
  moreThanIn(): boolean;
}

/**
 * The words of a figure's clause that make it a goal for its period rather than what was reached
 * (folded, each the start of a word; a trailing space keeps "meta " from "metabólica" and "prevé "
 * from "prevención"). "With the aim of", "con el objetivo de" say why, not how much: no cue.
 */
export const TARGET_CUES: Record<Language, readonly string[]> = {
  en: [
    "goal",
    "target",
    "aims to",
    "aim to",
    "aiming to",
    "expected to reach",
    "expects to",
    "is expected to",
    "plans to",
    "planned",
    "projected",
  ],
  es: [
    "meta ",
    "metas ",
    "se preve",
    "preve ",
    "preven ",
    "preve alcanzar",
    "como objetivo",
    "objetivo es",
    "objetivo de alcanzar",
    "se espera",
    "espera alcanzar",
    "se proyecta",
    "se pretende",
    "pretende ",
    "busca alcanzar",
    "se planea",
    "programad",
  ],
};

/** Words of a clause that say a goal was reached or passed: its figure is an achievement. */
const REACHED_CUES: Record<Language, readonly string[]> = {
  en: ["exceeded", "surpassed", "achieved", "reached", "met ", "attained"],
  es: [
    "supero",
    "superaron",
    "rebaso",
    "alcanzo",
    "alcanzaron",
    "cumplio",
    "se cumplieron",
    "logro",
  ],
};

/** The words that say how a sentence's figures count (daily, an increase, a running total). */
export function statisticCues(language: Language): string[] {
  const cues = CUES[language];
  return [...cues.daily, ...cues.increase, ...cues.cumulative, ...TARGET_CUES[language]];
}

/**
 * The statistic, from the words of the clause and the sentence; without such words, what the
 * variable's facts usually are in the graph (a stock of physicians), else what the entity's kind
 * suggests (facilities stand; services are totals).
 */
export function statisticOf(
  language: Language,
  clause: Cued,
  sentence: Cued,
  variable: string | undefined,
  about: DraftEntity | undefined,
  usual: Statistic | undefined,
): Statistic {
  const cues = CUES[language];
  const has = (text: Cued, list: readonly string[]) => text.has(list);
  // A goal ("la meta anual de 30 millones", "aims to attend 90,000"), unless the clause says it
  // was reached. A percent of a goal is progress towards it (./percents.ts makes it so).
  if (has(clause, TARGET_CUES[language]) && !has(clause, REACHED_CUES[language])) return "target";
  // In the sentence, "per day" and "a day" are a rate's unit ("pesos per day"), not a day's count.
  const sentenceDaily = cues.daily.filter((c) => !/^(per day|a day|al dia|por dia)$/.test(c));
  if (has(clause, cues.daily) || has(sentence, sentenceDaily)) return "daily-average";
  if (has(sentence, cues.increase) || clause.moreThanIn()) return "increase";
  if (has(clause, cues.cumulative) || has(sentence, cues.cumulative)) return "cumulative";
  if (usual === "stock" || usual === "total") return usual;
  if (
    about &&
    (about.kind === "FacilityType" || variable?.endsWith("count") || variable === "people-covered")
  )
    return "stock";
  if (
    about &&
    (about.kind === "Organization" || about.kind === "Program") &&
    variable !== "services-delivered"
  )
    return "stock";
  return "total";
}

/** The statistic most facts of a variable have in the graph, if it has facts of it. */
export function usualStatistic(
  facts: DraftFact[],
  variable: string | undefined,
): Statistic | undefined {
  if (!variable) return undefined;
  const counts = new Map<Statistic, number>();
  for (const f of facts)
    if (f.variable === variable) counts.set(f.statistic, (counts.get(f.statistic) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The unit of a figure without a variable, from the number reader's unit word. */
export function unitOf(unit: string | undefined): Unit {
  if (unit === "pesos") return "pesos";
  if (unit === "pesos-per-day") return "pesos-per-day";
  if (unit === "years") return "years";
  if (unit === "percent") return "percent";
  return "count";
}

/** "206 and 244.7 pesos per day": the unit after the second number is the first's too. */
export function sharedUnit(
  text: string,
  n: ParsedNumber,
  numbers: ParsedNumber[],
): string | undefined {
  const next = numbers[firstFrom(numbers, n.end)];
  if (!next?.unit) return undefined;
  return /^\s+(and|y|e)\s+$/iu.test(text.slice(n.end, next.start)) ? next.unit : undefined;
}
