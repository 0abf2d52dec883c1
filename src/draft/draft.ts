import { periodAccountsFor } from "../model/check/coverage.js";
import { headerLength } from "../model/document-header.js";
import { type ParsedNumber, parseNumbers } from "../text/parse-numbers.js";
import type { Language, Qualifier, Statistic, Unit } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import { CUES } from "./cues.js";
import type { DraftEntity, DraftFact, DraftGraph } from "./draft-graph.js";
import { type Before, type Candidate, Matcher, type SentenceWords } from "./match.js";
import { type PeriodGuess, type PeriodResult, guessPeriod } from "./period.js";
import { CueIndex, type Folded, foldMapped, type Word, words } from "./words.js";

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

  // What each sentence gives its figures, worked out once per sentence (its words, cues, period).
  const periods = graph.entities.filter((e) => e.kind === "TimePeriod");
  const known = new Map<number, SentenceAt>();
  const sentenceAt = (index: number, span: Span): SentenceAt => {
    let found = known.get(index);
    if (!found) {
      found = new SentenceAt(text, span, language, matcher, numbers, (statistic) =>
        guessPeriod({
          language,
          documentDate: doc.date,
          statistic,
          sentence: text.slice(span.start, span.end),
          sentenceOffset: span.start,
          numbers: numbers.slice(firstFrom(numbers, span.start), firstFrom(numbers, span.end)),
          periods,
        }),
      );
      // A sentence without words of its own on how it counts continues the one before it in its
      // paragraph ("On a typical day ... The list is as follows: 832 deliveries, ..."); only a
      // sentence without figures of its own introduces the next one's ("The list is as follows").
      const prior = sentences[index - 1];
      if (
        prior !== undefined &&
        !found.cues.hasCueStart(statisticCues(language), 0, found.cues.text.length) &&
        !text.slice(prior.start, span.start).includes("\n") &&
        !numbers
          .slice(firstFrom(numbers, prior.start), firstFrom(numbers, prior.end))
          .some((m) => m.kind === "number")
      )
        found.continues(foldText(text.slice(prior.start, prior.end)));
      known.set(index, found);
    }
    return found;
  };

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
    const sentenceIndex = sentenceOf(sentences, n.start);
    const sentence = sentences[sentenceIndex] ?? { start: body, end: text.length };
    const at = sentenceAt(sentenceIndex, sentence);
    const nextNumber = numbers[firstFrom(numbers, n.end)];
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
    const before = at.before(n.start);
    const fromClause = at.folded.at[at.clauseStart(n.start) - sentence.start] as number;
    const soFar = at.folded.at[phraseEnd - sentence.start] as number;
    // A sentence's words count for the figures after them ("On average, 832 deliveries, 2,852
    // surgeries"), not for those before ("41,373 workers joined, with an average salary of 206").
    const clause: Cued = {
      has: (cues) => at.cues.hasCueStart(cues, fromClause, soFar),
      moreThanIn: () => at.cues.moreThanIn(fromClause, soFar),
    };
    const context: Cued = {
      has: (cues) => at.context.hasCueStart(cues, 0, at.contextShift + soFar),
      moreThanIn: () => at.context.moreThanIn(0, at.contextShift + soFar),
    };

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
      context,
      variable.candidates[0]?.key,
      aboutEntity,
      usualStatistic(graph.facts, variable.candidates[0]?.key),
    );
    const period = at.period(statistic);
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
  const accounting = new PeriodsOfFigures(figures, entities);
  const holding: DraftFigure[] = [];
  let nextFigure = 0;
  for (const n of deferred) {
    // The figures whose quotes may hold n: started at or before it, not ended before it ends.
    while (nextFigure < figures.length && (figures[nextFigure] as DraftFigure).start <= n.start)
      holding.push(figures[nextFigure++] as DraftFigure);
    for (let i = holding.length - 1; i >= 0; i--)
      if ((holding[i] as DraftFigure).end < n.end) holding.splice(i, 1);
    const user = holding.find(
      (f) => n.start >= f.start && n.end <= f.end && periodAccounts(f, n, entities),
    );
    if (user) continue;
    const outside = accounting.first(n);
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
  return periodsOf(f, entities).some((p) => periodAccountsFor(p, n));
}

interface Span {
  start: number;
  end: number;
}

/** The periods (with comparedTo and a new period) of a figure, as periodAccounts reads them. */
function periodsOf(
  f: DraftFigure,
  entities: Map<string, DraftEntity>,
): { start?: string; end?: string }[] {
  const keys = [f.period[0]?.key, f.comparedTo].filter((k): k is string => !!k);
  const periods: { start?: string; end?: string }[] = keys.map((k) => entities.get(k) ?? {});
  if (f.newPeriod) periods.push(f.newPeriod);
  return periods;
}

/**
 * The first figure whose period accounts for a year or a date part (periodAccounts), found
 * through the figures' periods once, not through every figure for every date.
 */
class PeriodsOfFigures {
  /** Each distinct set of periods, with the first figure that has it, in the figures' order. */
  private readonly distinct: {
    figure: DraftFigure;
    periods: { start?: string; end?: string }[];
  }[] = [];
  private readonly byYear = new Map<number, DraftFigure | undefined>();
  /** "MM-DD" of a period's first or last day: the first figure with it. */
  private readonly byDay = new Map<string, DraftFigure>();

  constructor(figures: DraftFigure[], entities: Map<string, DraftEntity>) {
    const seen = new Set<string>();
    for (const figure of figures) {
      const periods = periodsOf(figure, entities);
      const key = JSON.stringify(periods.map((p) => [p.start, p.end]));
      if (seen.has(key)) continue;
      seen.add(key);
      this.distinct.push({ figure, periods });
      for (const p of periods) {
        if (!p.start || !p.end) continue;
        for (const day of [p.start.slice(5), p.end.slice(5)])
          if (!this.byDay.has(day)) this.byDay.set(day, figure);
      }
    }
  }

  first(n: ParsedNumber): DraftFigure | undefined {
    if (n.value === null) return undefined;
    if (n.kind === "year") {
      if (!this.byYear.has(n.value))
        this.byYear.set(
          n.value,
          this.distinct.find((d) => d.periods.some((p) => periodAccountsFor(p, n)))?.figure,
        );
      return this.byYear.get(n.value);
    }
    if (n.kind === "date-part" && n.month !== undefined)
      return this.byDay.get(
        `${String(n.month).padStart(2, "0")}-${String(n.value).padStart(2, "0")}`,
      );
    return undefined;
  }
}

/** The index of the sentence that holds `at` (-1 if none). */
function sentenceOf(sentences: Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Span).start <= at) lo = mid + 1;
    else hi = mid;
  }
  const found = sentences[lo - 1];
  return found && at < found.end ? lo - 1 : -1;
}

/** The index of the first number that starts at or after `at` (numbers are in order). */
function firstFrom(numbers: ParsedNumber[], at: number): number {
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((numbers[mid] as ParsedNumber).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cue words of a sentence or a clause, asked for by list (CueIndex). */
interface Cued {
  has(cues: readonly string[]): boolean;
  /** "more ... than in". */
  moreThanIn(): boolean;
}

/**
 * A sentence as its figures see it, worked out once: its words (indexed by the matcher), its
 * folded text with its cues, where each clause starts, and its period for each statistic.
 */
class SentenceAt {
  readonly words: Word[];
  private readonly named: SentenceWords;
  readonly folded: Folded;
  readonly cues: CueIndex;
  /** The text the sentence's figures read their statistic's cues in: the sentence, or the one before it and the sentence. */
  context: CueIndex;
  /** Where the sentence starts in `context`. */
  contextShift = 0;
  private scanned: number;
  private clauseFrom: number;
  private readonly periods = new Map<Statistic, PeriodResult>();

  constructor(
    private readonly text: string,
    private readonly span: Span,
    private readonly language: Language,
    private readonly matcher: Matcher,
    private readonly numbers: ParsedNumber[],
    private readonly guess: (statistic: Statistic) => PeriodResult,
  ) {
    this.words = words(text.slice(span.start, span.end), language, span.start);
    this.named = matcher.sentence(this.words);
    this.folded = foldMapped(text.slice(span.start, span.end));
    this.cues = new CueIndex(this.folded.text);
    this.context = this.cues;
    this.scanned = span.start;
    this.clauseFrom = span.start;
  }

  /** The sentence continues `prior` (folded): its figures read their cues in both. */
  continues(prior: string): void {
    this.context = new CueIndex(`${prior} ${this.folded.text}`);
    this.contextShift = prior.length + 1;
  }

  /** The words of the sentence before `at`. */
  before(at: number): Before {
    let k = 0;
    let hi = this.words.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if ((this.words[mid] as Word).end <= at) k = mid + 1;
      else hi = mid;
    }
    const cut = this.words[k];
    if (!cut || cut.start >= at) return this.named.before(k);
    // A word that `at` cuts: its part before `at` is a word of its own.
    const head = words(this.text.slice(cut.start, at), this.language, cut.start);
    return this.matcher.sentence([...this.words.slice(0, k), ...head]).before(k + head.length);
  }

  /** Where the clause of a figure at `at` starts (clauseStart), scanning each character once. */
  clauseStart(at: number): number {
    if (at < this.scanned) return clauseStart(this.text, at, this.span.start);
    for (; this.scanned < at; this.scanned++)
      if (breaksClause(this.text, this.scanned)) this.clauseFrom = this.scanned + 1;
    return this.clauseFrom;
  }

  /** The period of its figures of a statistic (guessPeriod), a copy of its candidates each. */
  period(statistic: Statistic): PeriodResult {
    let found = this.periods.get(statistic);
    if (!found) {
      found = this.guess(statistic);
      this.periods.set(statistic, found);
    }
    return { ...found, candidates: [...found.candidates] };
  }
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
  for (let i = at - 1; i >= limit; i--) if (breaksClause(text, i)) return i + 1;
  return limit;
}

/** Whether the character at i ends a clause: ; : a line break, or a comma not between digits. */
function breaksClause(text: string, i: number): boolean {
  const c = text[i] as string;
  if (";:\n".includes(c)) return true;
  return c === "," && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
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
  const next = numbers[firstFrom(numbers, n.end)];
  if (!next?.unit) return undefined;
  return /^\s+(and|y|e)\s+$/iu.test(text.slice(n.end, next.start)) ? next.unit : undefined;
}

/** The words that say how a sentence's figures count (daily, an increase, a running total). */
function statisticCues(language: Language): string[] {
  const cues = CUES[language];
  return [...cues.daily, ...cues.increase, ...cues.cumulative];
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
  clause: Cued,
  sentence: Cued,
  variable: string | undefined,
  about: DraftEntity | undefined,
  usual: Statistic | undefined,
): Statistic {
  const cues = CUES[language];
  const has = (text: Cued, list: readonly string[]) => text.has(list);
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
