import { headerLength } from "../model/document-header.js";
import { type ParsedNumber, parseNumbers } from "../text/parse-numbers.js";
import type { EntityKind, Language, Qualifier, Statistic, Unit } from "../model/vocabulary.js";
import type { DraftEntity, DraftGraph } from "./draft-graph.js";
import { GraphAround } from "./graph-around.js";
import { compareWithGraph } from "./graph-match.js";
import { LabelIndex } from "./label-index.js";
import { Subjects } from "./subject.js";
import { subjectOfFigure } from "./figure-subject.js";
import { linkPercents, type PercentOf } from "./percents.js";
import { type Head, type Previous, wordsOf } from "./figure-words.js";
import { type Candidate, Matcher } from "./match.js";
import type { PeriodGuess, PeriodResult } from "./period.js";
import { quoteEndOf, Sentences } from "./sentences.js";
import { skipReason, skipsOfDates } from "./skips.js";
import { sharedUnit, statisticOf, unitOf, usualStatistic } from "./statistics.js";

/**
 * Drafts the facts of a new document: every figure its number reader finds, with the exact
 * words that state it, what it counts (entity, variable, unit, statistic), when (period), how
 * (qualifier), and what the graph already says about it. Numbers that are not figures (dates,
 * phone numbers, codes, schedules) go to the skip list with a reason. Whatever the drafter cannot
 * settle is listed in the figure's `unsettled`, for the curator; nothing is written anywhere.
 */

export interface DraftDocument {
  id: string;
  /** YYYY-MM-DD, from the header. */
  date: string;
  language: Language;
  /** The whole text, header included (offsets index it). */
  text: string;
}

/**
 * What the graph already says about a drafted figure: nothing (new); the same value for the same
 * period (corroborates) or another (conflicts); the same value for another period (restates) or
 * another value for another period (changed). `fact` is the graph's fact, with its value, period
 * and first citation (document and quote).
 */
export type GraphMatch =
  | { kind: "new" }
  | {
      kind: "corroborates" | "conflicts" | "restates" | "changed";
      fact: string;
      value: number | null;
      period: string;
      quote: string;
      document: string;
    };

/** An entity the graph lacks, proposed for a figure when no existing one fits. */
export interface NewEntityProposal {
  key: string;
  kind: EntityKind;
  /** Labels for the curator to confirm (the drafter's guesses, never facts). */
  labels: { en: string; es: string };
  /** The words of the text it came from, and their offsets. */
  words: string;
  start: number;
  end: number;
}

export interface DraftFigure {
  value: number | null;
  /** The number's words and offsets. */
  raw: string;
  numberStart: number;
  numberEnd: number;
  /** The shortest span that states the figure and what it counts (with its qualifier). */
  quote: string;
  start: number;
  end: number;
  qualifier: Qualifier;
  unit: Unit;
  /** Best first; the first is proposed (unless `newEntity` is). */
  about: Candidate[];
  /** An entity to add to the graph, proposed instead of `about[0]` when none fits. */
  newEntity: NewEntityProposal | null;
  /**
   * The place (a state or region of the graph) the figure's sentence names for it ("in
   * Jalisco"): a fact's scope is an organization or program, so the place is for the curator to
   * keep as a note or a LOCATED_IN relation of what the figure is about.
   */
  place: string | null;
  variable: Candidate[];
  scope: string | null;
  period: Candidate[];
  /** A period to add to the graph, when no existing one fits. */
  newPeriod: PeriodGuess | null;
  comparedTo: string | null;
  statistic: Statistic;
  /** 0 to 1: how sure the drafter is of the whole figure. */
  confidence: number;
  /** What the curator must settle (empty when the drafter is sure). */
  unsettled: string[];
  graph: GraphMatch;
  /** For a percent: the figure of this draft or the graph fact it is a percent of, and the words. */
  percentOf: PercentOf | null;
}

export interface DraftSkip {
  raw: string;
  start: number;
  kind: ParsedNumber["kind"];
  reason: string;
}

export interface Draft {
  document: Omit<DraftDocument, "text">;
  figures: DraftFigure[];
  skips: DraftSkip[];
}

/** Below this, a candidate is proposed but marked for the curator. */
const SURE = 0.6;

/** What every figure of a document is drafted with. */
export interface Drafting {
  doc: DraftDocument;
  graph: DraftGraph;
  numbers: ParsedNumber[];
  matcher: Matcher;
  entities: Map<string, DraftEntity>;
  sentences: Sentences;
  /** The organization the document speaks for. */
  docOrg: string | null;
  /** The labels as the search indexes analyse them, the graph around the subjects, the subjects. */
  index: LabelIndex;
  around: GraphAround;
  subjects: Subjects;
}

export function draftDocument(doc: DraftDocument, graph: DraftGraph): Draft {
  const { language, text } = doc;
  const body = headerLength(text);
  const numbers = parseNumbers(text, language).filter((n) => n.start >= body);
  const matcher = new Matcher(graph, language);
  // What each sentence gives its figures is worked out once per sentence (its words, cues, period).
  const periods = graph.entities.filter((e) => e.kind === "TimePeriod");
  const drafting: Drafting = {
    doc,
    graph,
    numbers,
    matcher,
    entities: new Map(graph.entities.map((e) => [e.key, e])),
    sentences: new Sentences(doc, body, numbers, matcher, periods),
    docOrg: matcher.mainOrganization(text.slice(body)),
    index: new LabelIndex(graph),
    around: new GraphAround(graph),
    subjects: new Subjects(text, body, language, matcher),
  };

  const figures: DraftFigure[] = [];
  const skips: DraftSkip[] = [];
  const deferred: ParsedNumber[] = [];
  let head: Head;
  let previous: Previous;
  for (const n of numbers) {
    const reason = skipReason(n, matcher);
    if (reason === "defer") {
      deferred.push(n);
      continue;
    }
    if (reason) {
      skips.push({ raw: n.raw, start: n.start, kind: n.kind, reason });
      continue;
    }
    const { figure, sentence, next } = draftFigure(drafting, n, head, previous);
    figures.push(figure);
    previous = { sentence, about: figure.about[0] };
    head = next ?? head;
  }
  linkPercents(drafting, figures);
  skips.push(...skipsOfDates(deferred, figures, drafting.entities));
  skips.sort((a, b) => a.start - b.start);
  return { document: { id: doc.id, date: doc.date, language }, figures, skips };
}

/**
 * Drafts the figure of a number: its fields, what is unsettled, what the graph says of it. Also
 * returns its sentence and, when its words give one, the head word for the list's next figures.
 */
function draftFigure(
  d: Drafting,
  n: ParsedNumber,
  head: Head,
  previous: Previous,
): { figure: DraftFigure; sentence: number; next: Head } {
  const { text, language } = d.doc;
  const w = wordsOf(d, n, head);
  const unitWord = n.unit ?? sharedUnit(text, n, d.numbers);
  const { about, newEntity, variable, entity, scope, place, unknownPlace } = subjectOfFigure(
    d,
    n,
    w,
    previous,
    unitWord,
  );
  const statistic = statisticOf(
    language,
    w.clause,
    w.context,
    variable.candidates[0]?.key,
    entity,
    usualStatistic(d.graph.facts, variable.candidates[0]?.key),
  );
  const period = w.at.period(statistic);
  const comparedTo = statistic === "increase" ? period.comparedTo : null;

  const quoteStart = n.qualifierStart ?? n.start;
  const quoteEnd = quoteEndOf(text, n, w.phrase, w.phraseEnd);
  const unit = (variable.unit ?? unitOf(unitWord)) as Unit;
  const figure: DraftFigure = {
    value: n.value,
    raw: n.raw,
    numberStart: n.start,
    numberEnd: n.end,
    quote: text.slice(quoteStart, quoteEnd),
    start: quoteStart,
    end: quoteEnd,
    qualifier: n.qualifier ?? "exact",
    unit,
    about: about,
    newEntity,
    place,
    variable: variable.candidates,
    scope,
    period: period.candidates,
    newPeriod: period.candidates.length === 0 ? period.newPeriod : null,
    comparedTo,
    statistic,
    confidence: Math.min(
      about[0]?.score ?? 0,
      variable.candidates[0]?.score ?? 0,
      period.candidates[0]?.score ?? (period.newPeriod ? 0.5 : 0),
    ),
    unsettled: unsettledOf(n, about, newEntity, variable.candidates, period, statistic, comparedTo),
    graph: { kind: "new" },
    percentOf: null,
  };
  // A place's count is not the graph's count for the whole (10 hospitals in Jalisco are no change
  // from 251 in the country): only the same value can be the same fact.
  const facts =
    place || unknownPlace ? d.graph.facts.filter((f) => f.value === n.value) : d.graph.facts;
  if (unknownPlace)
    figure.unsettled.push(
      `place: "${unknownPlace}" is named for it and the graph has no such place (add it, then a note or a LOCATED_IN relation)`,
    );
  figure.graph = compareWithGraph(figure, {
    graph: { ...d.graph, facts },
    entities: d.entities,
  });
  const headWords = w.content.slice(0, 1);
  const next =
    !w.startsWithPreposition && headWords.length > 0
      ? { sentence: w.sentence, words: headWords }
      : undefined;
  return { figure, sentence: w.sentence, next };
}

/** What the curator must settle of a figure: what the drafter found nothing or little for. */
function unsettledOf(
  n: ParsedNumber,
  about: Candidate[],
  newEntity: NewEntityProposal | null,
  variable: Candidate[],
  period: PeriodResult,
  statistic: Statistic,
  comparedTo: string | null,
): string[] {
  const unsettled: string[] = [];
  if (newEntity)
    unsettled.push(
      `about: no entity of the graph fits "${newEntity.words}"; a new ${newEntity.kind} is proposed (${newEntity.key}: "${newEntity.labels.en}", "${newEntity.labels.es}"), its labels to confirm`,
    );
  else if (about.length === 0) unsettled.push("about: no entity's name is in the words");
  else if ((about[0]?.score ?? 0) < SURE) unsettled.push(`about: unsure (${about[0]?.why})`);
  if (variable.length === 0) unsettled.push("variable: none fits");
  else if ((variable[0]?.score ?? 0) < SURE)
    unsettled.push(`variable: unsure (${variable[0]?.why})`);
  if (period.candidates.length === 0)
    unsettled.push(
      period.newPeriod
        ? `period: none in the graph; add ${period.newPeriod.key} (${period.newPeriod.start} to ${period.newPeriod.end})`
        : "period: the words give none",
    );
  else if ((period.candidates[0]?.score ?? 0) < SURE)
    unsettled.push(`period: unsure (${period.candidates[0]?.why})`);
  if (statistic === "increase" && !comparedTo)
    unsettled.push("comparedTo: the words give no period");
  if (n.value === null)
    unsettled.push(`value: "${n.raw}" cannot be read with confidence (${n.ambiguous?.reason})`);
  return unsettled;
}
