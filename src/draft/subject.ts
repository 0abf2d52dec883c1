import type { EntityKind, Language } from "../model/vocabulary.js";
import type { GraphAround } from "./graph-around.js";
import type { Matcher, Mention } from "./match.js";
import { splitSentences } from "./sentences.js";
import { prefixLength, words } from "./words.js";

/**
 * What a document, each of its paragraphs and each of its sentences is about: the organizations
 * and programs named before a figure in its sentence, then in its paragraph ("IMSS-BIENESTAR
 * reported... the program keeps 80 hospitals"), then the one the document names most. Also the
 * places its sentences name ("in Jalisco"). Found once per document.
 */

const SUBJECT_KINDS: readonly EntityKind[] = ["Organization", "Program"];

/** How many names of subjects before (and after) a figure are read. */
const NEAREST = 16;
/** How far before a figure its sentence is read for "the program". */
const NEAR_CHARS = 200;

/** A sentence that speaks of "the program" (of a program it names elsewhere). */
const PROGRAM = /\b(?:the|this|that|its) program\b|\b(?:el|este|dicho|su) programa\b/i;

export class Subjects {
  private readonly subjects: Mention[];
  private readonly places: Mention[];
  /** Where each paragraph starts (after a line break). */
  private readonly paragraphs: number[];
  /** The organization or program the document names most (the first named on a tie). */
  readonly document: string | null;
  /** Every organization and program the document names. */
  readonly named: ReadonlySet<string>;
  /** The program the document names most, else first. */
  private readonly program: Mention | undefined;
  /** Where each sentence starts. */
  private readonly sentences: number[];

  constructor(
    private readonly text: string,
    body: number,
    language: Language,
    matcher: Matcher,
  ) {
    const all = matcher.mentions(words(text.slice(body), language, body), [
      ...SUBJECT_KINDS,
      "Place",
    ]);
    this.subjects = all.filter((m) => m.kind !== "Place");
    this.places = all.filter((m) => m.kind === "Place");
    this.paragraphs = [body];
    for (let i = text.indexOf("\n", body); i >= 0; i = text.indexOf("\n", i + 1))
      this.paragraphs.push(i + 1);
    const counts = new Map<string, number>();
    for (const m of this.subjects) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    let best: string | null = null;
    for (const [key, count] of counts)
      if (best === null || count > (counts.get(best) ?? 0)) best = key;
    this.document = best;
    this.program =
      this.subjects.find((m) => m.kind === "Program" && m.key === best) ??
      this.subjects.find((m) => m.kind === "Program");
    this.sentences = splitSentences(text, body).map((span) => span.start);
    this.named = new Set(counts.keys());
  }

  /**
   * The subjects of a figure at `at` in the sentence [from, to), nearest first: the organizations
   * and programs its sentence names before it (the last first); those the earlier sentences of
   * its paragraph name, each sentence's first (its subject: "IMSS-BIENESTAR marked a year of
   * caring for people without social security") before its others, the latest sentence first;
   * those its sentence names after it; then the document's. When the sentence says "the program"
   * before the figure and names none, the nearest program comes first.
   */
  around(at: number, from: number, to: number): string[] {
    const upTo = prefixLength(this.subjects, (m) => m.end <= at);
    const paragraph = this.paragraphOf(at);
    const inSentence: Mention[] = [];
    const firsts: Mention[] = [];
    const others: Mention[] = [];
    // The nearest few are enough, and keep a text full of names cheap.
    for (let i = upTo - 1; i >= Math.max(0, upTo - NEAREST); i--) {
      const m = this.subjects[i] as Mention;
      if (m.start < paragraph) break;
      if (m.start >= from) inSentence.push(m);
      else {
        const previous = this.subjects[i - 1];
        const first = !previous || this.sentenceOf(previous.start) !== this.sentenceOf(m.start);
        (first ? firsts : others).push(m);
      }
    }
    const after: Mention[] = [];
    for (let i = upTo; i < Math.min(this.subjects.length, upTo + NEAREST); i++) {
      const m = this.subjects[i] as Mention;
      if (m.start >= to) break;
      if (m.start >= from) after.push(m);
    }
    const ordered = [...inSentence, ...firsts, ...others, ...after];
    if (
      inSentence.length === 0 &&
      PROGRAM.test(this.text.slice(Math.max(from, at - NEAR_CHARS), at))
    ) {
      const program = ordered.find((m) => m.kind === "Program") ?? this.program;
      if (program) ordered.unshift(program);
    }
    const out: string[] = [];
    for (const m of ordered) if (!out.includes(m.key)) out.push(m.key);
    if (this.document && !out.includes(this.document)) out.push(this.document);
    return out;
  }

  /** Where the paragraph that holds `at` starts. */
  paragraphOf(at: number): number {
    return this.paragraphs[prefixLength(this.paragraphs, (p) => p <= at) - 1] ?? 0;
  }

  private sentenceOf(at: number): number {
    return prefixLength(this.sentences, (start) => start <= at);
  }

  /**
   * The place named in [from, to) that lies within another (a state or region, not the country
   * that every figure is in), the last one named; null when none.
   */
  placeIn(from: number, to: number, around: GraphAround): string | null {
    for (let i = prefixLength(this.places, (m) => m.end <= to) - 1; i >= 0; i--) {
      const m = this.places[i] as Mention;
      if (m.start < from) break;
      if (around.isWithinAnother(m.key)) return m.key;
    }
    return null;
  }
}
