import { periodAccountsFor } from "../seed/check/coverage.js";
import { headerLength } from "../seed/header.js";
import { type ParsedNumber, parseNumbers } from "../seed/parse-numbers.js";
import type { Language, Qualifier, Statistic, Unit } from "../seed/seed-format.js";
import { foldText } from "../text/fold.js";
import { CUES } from "./cues.js";
import type { DraftEntity, DraftFact, DraftGraph } from "./draft-graph.js";
import { type Candidate, Matcher } from "./match.js";
import { type PeriodGuess, guessPeriod } from "./period.js";
import { hasCueStart, type Word, words } from "./words.js";

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

/** What the graph already says about a drafted figure. */
export type GraphMatch =
  | { kind: "new" }
  | {
      kind: "corroborates" | "conflicts" | "later-period";
      fact: string;
      value: number | null;
      period: string;
      quote: string;
    };

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
  /** Best first; the first is proposed. */
  about: Candidate[];
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

export function draftDocument(doc: DraftDocument, graph: DraftGraph): Draft {
  const language = doc.language;
  const text = doc.text;
  const body = headerLength(text);
  const numbers = parseNumbers(text, language).filter((n) => n.start >= body);
  const matcher = new Matcher(graph, language);
  const entities = new Map(graph.entities.map((e) => [e.key, e]));
  const sentences = splitSentences(text, body);
  const docOrg = matcher.mainOrganization(text.slice(body));

  const figures: DraftFigure[] = [];
  const skips: DraftSkip[] = [];
  const deferred: ParsedNumber[] = [];
  /** The head word of the last figure of a sentence, for lists ("... of diabetes, 1,234 of hypertension"). */
  let head: { sentence: number; words: Word[] } | undefined;
  /** The last figure's sentence and entity, for lists of places ("three in Morelos, two in ..."). */
  let previous: { sentence: number; about: Candidate | undefined } | undefined;

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
    const sentenceIndex = sentences.findIndex((s) => n.start >= s.start && n.start < s.end);
    const sentence = sentences[sentenceIndex] ?? { start: body, end: text.length };
    const nextNumber = numbers.find((m) => m.start >= n.end);
    // The next figure's qualifier ("... y poco más de 4 mil") is its own, not this one's words.
    const phraseEnd = clauseEnd(
      text,
      n.end,
      Math.min(sentence.end, nextNumber?.qualifierStart ?? nextNumber?.start ?? text.length),
    );
    const phrase = words(text.slice(n.end, phraseEnd), language, n.end).slice(0, 10);
    const content = phrase.filter((w) => !w.stop);
    const startsWithPreposition = phrase[0]?.stop === true;
    const carried =
      head && head.sentence === sentenceIndex && (startsWithPreposition || content.length === 0)
        ? head.words
        : [];
    const before = words(text.slice(sentence.start, n.start), language, sentence.start);
    const clause = foldText(text.slice(clauseStart(text, n.start, sentence.start), phraseEnd));
    // A sentence without words of its own on how it counts continues the one before it in its
    // paragraph ("On a typical day ... The list is as follows: 832 deliveries, ...").
    const previousSentence = sentences[sentenceIndex - 1];
    const sameParagraph =
      previousSentence !== undefined &&
      !text.slice(previousSentence.start, sentence.start).includes("\n");
    // A sentence's words count for the figures after them ("On average, 832 deliveries, 2,852
    // surgeries"), not for those before ("41,373 workers joined, with an average salary of 206").
    const sentenceText = foldText(text.slice(sentence.start, sentence.end));
    const sentenceSoFar = foldText(text.slice(sentence.start, phraseEnd));
    // Only a sentence without figures of its own introduces the next one's ("The list is as follows").
    const introduces =
      previousSentence !== undefined &&
      !numbers.some(
        (m) =>
          m.start >= previousSentence.start &&
          m.start < previousSentence.end &&
          m.kind === "number",
      );
    const contextText =
      !hasStatisticCue(language, sentenceText) && sameParagraph && introduces
        ? `${foldText(text.slice(previousSentence.start, previousSentence.end))} ${sentenceSoFar}`
        : sentenceSoFar;

    const unitWord = n.unit ?? sharedUnit(text, n, numbers);
    let about = matcher.entities([...carried, ...content], before, carried.length);
    // "three in North Mexico City, two in Chihuahua": the list counts the same thing in places.
    const locative = /^(in|en|at)$/.test(phrase[0]?.text ?? "");
    const listed = previous?.sentence === sentenceIndex ? previous.about : undefined;
    if (locative && listed && (about.length === 0 || kindOf(entities, about[0]?.key) === "Place"))
      about = [{ ...listed, why: `the list's ${listed.key}, in a place` }, ...about].slice(0, 3);
    // Nothing named after the figure ("Family Medicine consultations increased by 12 million"):
    // the thing named last before it, in its sentence.
    if (about.length === 0) {
      const last = matcher.namedLast(before);
      if (last) about = [last];
    }
    const variable = matcher.variables(content, before, unitWord, about[0]);
    const aboutKey = variable.driven
      ? (matcher.organizationBefore(before)?.key ?? docOrg)
      : (about[0]?.key ?? null);
    const aboutEntity = aboutKey ? entities.get(aboutKey) : undefined;
    const scope = scopeOf(aboutEntity, matcher.organizationBefore(before)?.key ?? null, docOrg);
    const statistic = statisticOf(
      language,
      clause,
      contextText,
      variable.candidates[0]?.key,
      aboutEntity,
      usualStatistic(graph.facts, variable.candidates[0]?.key),
    );
    const period = guessPeriod({
      language,
      documentDate: doc.date,
      statistic,
      sentence: text.slice(sentence.start, sentence.end),
      sentenceOffset: sentence.start,
      numbers: numbers.filter((m) => m.start >= sentence.start && m.start < sentence.end),
      periods: graph.entities.filter((e) => e.kind === "TimePeriod"),
    });
    const comparedTo = statistic === "increase" ? period.comparedTo : null;

    const quoteStart = n.qualifierStart ?? n.start;
    const quoteEnd = quoteEndOf(text, n, phrase, phraseEnd);
    const unsettled: string[] = [];
    const aboutCandidates = variable.driven
      ? aboutKey
        ? [{ key: aboutKey, score: 0.7, why: "the organization the sentence names" }]
        : []
      : about;
    if (aboutCandidates.length === 0) unsettled.push("about: no entity's name is in the words");
    else if ((aboutCandidates[0]?.score ?? 0) < SURE)
      unsettled.push(`about: unsure (${aboutCandidates[0]?.why})`);
    if (variable.candidates.length === 0) unsettled.push("variable: none fits");
    else if ((variable.candidates[0]?.score ?? 0) < SURE)
      unsettled.push(`variable: unsure (${variable.candidates[0]?.why})`);
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
      about: aboutCandidates,
      variable: variable.candidates,
      scope,
      period: period.candidates,
      newPeriod: period.candidates.length === 0 ? period.newPeriod : null,
      comparedTo,
      statistic,
      confidence: Math.min(
        aboutCandidates[0]?.score ?? 0,
        variable.candidates[0]?.score ?? 0,
        period.candidates[0]?.score ?? (period.newPeriod ? 0.5 : 0),
      ),
      unsettled,
      graph: { kind: "new" },
    };
    figure.graph = compareWithGraph(figure, graph.facts);
    figures.push(figure);
    previous = { sentence: sentenceIndex, about: figure.about[0] };
    const headWords = content.slice(0, 1);
    if (!startsWithPreposition && headWords.length > 0)
      head = { sentence: sentenceIndex, words: headWords };
  }

  // Years and dates: used when a figure's quote holds them and its period accounts for them;
  // else they are narrative, and skipped with why.
  for (const n of deferred) {
    const user = figures.find(
      (f) => n.start >= f.start && n.end <= f.end && periodAccounts(f, n, entities),
    );
    if (user) continue;
    const outside = figures.find((f) => periodAccounts(f, n, entities));
    skips.push({
      raw: n.raw,
      start: n.start,
      kind: n.kind,
      reason: outside
        ? `a date of the period of "${outside.quote}", outside its quote`
        : deferredReason(n),
    });
  }
  skips.sort((a, b) => a.start - b.start);
  return { document: { id: doc.id, date: doc.date, language }, figures, skips };
}

/** Why a number is not a figure, "defer" for dates (decided once figures are drafted), or undefined. */
function skipReason(n: ParsedNumber, matcher: Matcher): string | "defer" | undefined {
  if (n.kind === "phone") return "a phone number, not a figure";
  if (n.kind === "code") return "a code or a name (such as a strategy's), not a figure";
  if (n.kind === "date") return "a date";
  if (n.ambiguous?.outOfRange) return `a number that cannot be read (${n.ambiguous.reason})`;
  if (n.kind === "year" || n.kind === "date-part" || n.kind === "ordinal") return "defer";
  if (n.unit === "percent") return "a percentage: no variable of the graph is in percent";
  if (n.unit && ["hours", "days", "weeks", "months"].includes(n.unit))
    return `a duration or a schedule (${n.raw} ${n.unit}), not a count`;
  if (n.unit === "years" && !matcher.hasVariableWithUnit("years"))
    return "an age or a duration in years, not a count";
  return undefined;
}

function deferredReason(n: ParsedNumber): string {
  if (n.kind === "year")
    return "a year in a narrative sentence, not the period of a figure it states";
  if (n.kind === "ordinal") return "an ordinal, not a figure";
  return "a date in a narrative sentence, not the period of a figure it states";
}

/** Does the figure's period (or comparedTo) account for this year or date part? */
function periodAccounts(
  f: DraftFigure,
  n: ParsedNumber,
  entities: Map<string, DraftEntity>,
): boolean {
  const keys = [f.period[0]?.key, f.comparedTo].filter((k): k is string => !!k);
  const periods: { start?: string; end?: string }[] = keys.map((k) => entities.get(k) ?? {});
  if (f.newPeriod) periods.push(f.newPeriod);
  return periods.some((p) => periodAccountsFor(p, n));
}

interface Span {
  start: number;
  end: number;
}

/** Sentences of the body: they end at . ! ? (not between digits) or a line break. */
export function splitSentences(text: string, from: number): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    const breaks =
      c === "\n" ||
      ((c === "." || c === "!" || c === "?") &&
        !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) &&
        (i + 1 >= text.length || /\s/.test(text[i + 1] ?? "")));
    if (breaks) {
      if (i > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

/** Where the words after a figure stop: punctuation that ends a list item or clause. */
function clauseEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text[i] as string;
    if (
      ",;:.!?\n".includes(c) &&
      !(c === "," && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))
    )
      return i;
  }
  return limit;
}

/** Where the clause of a figure starts: after the punctuation before it. */
function clauseStart(text: string, at: number, limit: number): number {
  for (let i = at - 1; i >= limit; i--) {
    const c = text[i] as string;
    if (";:\n".includes(c)) return i + 1;
    if (c === "," && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))) return i + 1;
  }
  return limit;
}

/**
 * The end of the quote: the figure and the words that say what it counts (up to the last
 * content word of the phrase, and a short parenthesis right after it, as "(UMF)").
 */
function quoteEndOf(text: string, n: ParsedNumber, phrase: Word[], phraseEnd: number): number {
  let end = n.end;
  // The unit word ("pesos") stands right after the number; keep it.
  const unitWord =
    /^\s+(?:de\s+)?(pesos(?:\s+(?:per day|diarios|por día|al día))?|por ciento|percent)/iu.exec(
      text.slice(n.end),
    );
  if (unitWord) end = n.end + unitWord[0].length;
  const contentWords = phrase.filter((w) => !w.stop && w.end <= phraseEnd).slice(0, 6);
  const last = contentWords[contentWords.length - 1];
  if (last) end = Math.max(end, last.end);
  const paren = /^\s*\([^()\n]{1,20}\)/u.exec(text.slice(end));
  if (paren) end += paren[0].length;
  return end;
}

function kindOf(entities: Map<string, DraftEntity>, key: string | undefined): string | undefined {
  return key ? entities.get(key)?.kind : undefined;
}

/** "206 and 244.7 pesos per day": the unit after the second number is the first's too. */
function sharedUnit(text: string, n: ParsedNumber, numbers: ParsedNumber[]): string | undefined {
  const next = numbers.find((m) => m.start >= n.end);
  if (!next?.unit) return undefined;
  return /^\s+(and|y|e)\s+$/iu.test(text.slice(n.end, next.start)) ? next.unit : undefined;
}

/** Whether a sentence says how its figures count (daily, an increase, a running total). */
function hasStatisticCue(language: Language, sentence: string): boolean {
  const cues = CUES[language];
  return hasCueStart(sentence, [...cues.daily, ...cues.increase, ...cues.cumulative]);
}

/** The unit of a figure without a variable, from the number reader's unit word. */
function unitOf(unit: string | undefined): Unit {
  if (unit === "pesos") return "pesos";
  if (unit === "pesos-per-day") return "pesos-per-day";
  if (unit === "years") return "years";
  return "count";
}

/** Whose figure it is: the program or organization the sentence names, else the document's. */
function scopeOf(
  about: DraftEntity | undefined,
  namedBefore: string | null,
  docOrg: string | null,
): string | null {
  if (!about) return null;
  if (about.kind === "Organization" && about.key === docOrg) return null;
  const scope = namedBefore && namedBefore !== about.key ? namedBefore : docOrg;
  return scope && scope !== about.key ? scope : null;
}

/** The statistic most facts of a variable have in the graph, if it has facts of it. */
function usualStatistic(facts: DraftFact[], variable: string | undefined): Statistic | undefined {
  if (!variable) return undefined;
  const counts = new Map<Statistic, number>();
  for (const f of facts)
    if (f.variable === variable) counts.set(f.statistic, (counts.get(f.statistic) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The statistic, from the words of the clause and the sentence; without such words, what the
 * variable's facts usually are in the graph (a stock of physicians), else what the entity's kind
 * suggests (facilities stand; services are totals).
 */
function statisticOf(
  language: Language,
  clause: string,
  sentence: string,
  variable: string | undefined,
  about: DraftEntity | undefined,
  usual: Statistic | undefined,
): Statistic {
  const cues = CUES[language];
  const has = hasCueStart;
  // In the sentence, "per day" and "a day" are a rate's unit ("pesos per day"), not a day's count.
  const sentenceDaily = cues.daily.filter((c) => !/^(per day|a day|al dia|por dia)$/.test(c));
  if (has(clause, cues.daily) || has(sentence, sentenceDaily)) return "daily-average";
  if (has(sentence, cues.increase) || /\bmore\b.*\bthan in\b/.test(clause)) return "increase";
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

/**
 * What the graph already says: a fact of the same variable, entity and statistic whose period
 * overlaps. The same value corroborates it; another value for the same period conflicts with it;
 * a value for another period is a new value, for a later (or earlier) period.
 */
function compareWithGraph(f: DraftFigure, facts: DraftFact[]): GraphMatch {
  const about = f.about[0]?.key;
  const variable = f.variable[0]?.key;
  const period = f.period[0]?.key;
  if (!about || !variable) return { kind: "new" };
  const same = facts.filter(
    (x) => x.about === about && x.variable === variable && x.statistic === f.statistic,
  );
  // The same value for the same thing and period is that fact, whoever the drafter took it for.
  const corroborated = same.find((x) => x.period === period && x.value === f.value);
  const ofScope = same.filter((x) => x.scope === f.scope);
  const found = corroborated ?? ofScope.find((x) => x.period === period) ?? ofScope[0];
  if (!found) return { kind: "new" };
  if (corroborated && corroborated.scope !== f.scope) f.scope = corroborated.scope;
  const kind =
    found.period !== period
      ? "later-period"
      : found.value === f.value
        ? "corroborates"
        : "conflicts";
  return {
    kind,
    fact: found.key,
    value: found.value,
    period: found.period,
    quote: found.quotes[0]?.quote ?? "",
  };
}
