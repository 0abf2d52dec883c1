import type { ParsedNumber } from "../text/parse-numbers.js";
import type { Language, Statistic } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import type { DraftEntity } from "./draft-graph.js";
import type { DraftDocument } from "./draft.js";
import type { Matcher } from "./match.js";
import type { Before, SentenceWords } from "./sentence-words.js";
import { guessPeriod, type PeriodResult } from "./period.js";
import { statisticCues } from "./statistics.js";
import { CueIndex, type Folded, foldMapped, prefixLength, type Word, words } from "./words.js";

/** The sentences and clauses of a document's body, as its figures read them. */

export interface Span {
  start: number;
  end: number;
}

/** The sentences of a document's body, each worked out once, when a figure first needs it. */
export class Sentences {
  private readonly spans: Span[];
  private readonly known = new Map<number, SentenceAt>();

  constructor(
    private readonly doc: DraftDocument,
    private readonly body: number,
    private readonly numbers: ParsedNumber[],
    private readonly matcher: Matcher,
    private readonly periods: DraftEntity[],
  ) {
    this.spans = splitSentences(doc.text, body);
  }

  /** The index of the sentence that holds `at` (-1 if none), and its span (else the body's). */
  of(at: number): { index: number; span: Span } {
    const index = sentenceOf(this.spans, at);
    return { index, span: this.spans[index] ?? { start: this.body, end: this.doc.text.length } };
  }

  /** What a sentence gives its figures: its words, cues and period (SentenceAt). */
  at(index: number, span: Span): SentenceAt {
    const { text, language } = this.doc;
    const numbers = this.numbers;
    let found = this.known.get(index);
    if (!found) {
      found = new SentenceAt(text, span, language, this.matcher, (statistic) =>
        guessPeriod({
          language,
          documentDate: this.doc.date,
          statistic,
          sentence: text.slice(span.start, span.end),
          sentenceOffset: span.start,
          numbers: numbers.slice(firstFrom(numbers, span.start), firstFrom(numbers, span.end)),
          periods: this.periods,
        }),
      );
      // A sentence without words of its own on how it counts continues the one before it in its
      // paragraph ("On a typical day ... The list is as follows: 832 deliveries, ..."); only a
      // sentence without figures of its own introduces the next one's ("The list is as follows").
      const prior = this.spans[index - 1];
      if (
        prior !== undefined &&
        !found.cues.hasCueStart(statisticCues(language), 0, found.cues.text.length) &&
        !text.slice(prior.start, span.start).includes("\n") &&
        !numbers
          .slice(firstFrom(numbers, prior.start), firstFrom(numbers, prior.end))
          .some((m) => m.kind === "number")
      )
        found.continues(foldText(text.slice(prior.start, prior.end)));
      this.known.set(index, found);
    }
    return found;
  }
}

/** The index of the sentence that holds `at` (-1 if none). */
function sentenceOf(sentences: Span[], at: number): number {
  const lo = prefixLength(sentences, (s) => s.start <= at);
  const found = sentences[lo - 1];
  return found && at < found.end ? lo - 1 : -1;
}

/** The index of the first number that starts at or after `at` (numbers are in order). */
export function firstFrom(numbers: ParsedNumber[], at: number): number {
  return prefixLength(numbers, (n) => n.start < at);
}

/**
 * A sentence as its figures see it, worked out once: its words (indexed by the matcher), its
 * folded text with its cues, where each clause starts, and its period for each statistic.
 */
export class SentenceAt {
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
    const k = prefixLength(this.words, (w) => w.end <= at);
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
export function clauseEnd(text: string, from: number, limit: number): number {
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
export function quoteEndOf(
  text: string,
  n: ParsedNumber,
  phrase: Word[],
  phraseEnd: number,
): number {
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
