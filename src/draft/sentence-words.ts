import type { DraftEntity } from "./draft-graph.js";
import type { Word } from "./words.js";

/** A label of an entity or a variable, with its stems (as the document's language stems them). */
export interface Named<T> {
  item: T;
  label: string;
  stems: string[];
}

/** A name's occurrence in a sentence's content stems: [start, end), its index in entityNames. */
export interface Occurrence {
  name: number;
  start: number;
  end: number;
}

/** What is named in a sentence's words before a figure (Matcher.sentence, SentenceWords.before). */
export interface Before {
  /** The last `count` words (stopwords included). */
  lastWords(count: number): Word[];
  /** Whether one of its content words has this stem. */
  hasStem(stem: string): boolean;
  /** The name that ends last (the longer on a tie), not a place's. */
  last: Occurrence | undefined;
  /** The organization's, and the program's, name that starts last (the longer on a tie). */
  organization: Occurrence | undefined;
  program: Occurrence | undefined;
}

/** A sentence's words, indexed once by the entity names they hold (see Matcher.sentence). */
export class SentenceWords {
  /** contentCount[k]: how many of the first k words are content words. */
  private readonly contentCount: number[] = [0];
  private readonly firstAt = new Map<string, number>();
  /** By content words before: the best occurrence so far of each look-up. */
  private readonly last: (Occurrence | undefined)[] = [];
  private readonly organization: (Occurrence | undefined)[] = [];
  private readonly program: (Occurrence | undefined)[] = [];

  constructor(
    private readonly words: Word[],
    names: Named<DraftEntity>[],
    byFirstStem: Map<string, number[]>,
  ) {
    const stems: string[] = [];
    for (const w of words) {
      if (!w.stop) {
        if (!this.firstAt.has(w.stem)) this.firstAt.set(w.stem, stems.length);
        stems.push(w.stem);
      }
      this.contentCount.push(stems.length);
    }
    // Every occurrence, by where it ends.
    const endingAt: Occurrence[][] = stems.map(() => []);
    stems.forEach((stem, start) => {
      for (const name of byFirstStem.get(stem) ?? []) {
        const run = (names[name] as Named<DraftEntity>).stems;
        const end = start + run.length;
        if (end <= stems.length && run.every((st, j) => stems[start + j] === st))
          (endingAt[end - 1] as Occurrence[]).push({ name, start, end });
      }
    });
    const size = (o: Occurrence) => o.end - o.start;
    // Ties go to the name listed first, as a scan of the names in order would find it.
    const endsLater = (a: Occurrence, b: Occurrence | undefined) =>
      !b ||
      a.end > b.end ||
      (a.end === b.end && (size(a) > size(b) || (size(a) === size(b) && a.name < b.name)));
    const startsLater = (a: Occurrence, b: Occurrence | undefined) =>
      !b ||
      a.start > b.start ||
      (a.start === b.start && (size(a) > size(b) || (size(a) === size(b) && a.name < b.name)));
    let last: Occurrence | undefined;
    let organization: Occurrence | undefined;
    let program: Occurrence | undefined;
    for (let p = 0; p <= stems.length; p++) {
      for (const o of p > 0 ? (endingAt[p - 1] as Occurrence[]) : []) {
        const kind = (names[o.name] as Named<DraftEntity>).item.kind;
        if (kind !== "Place" && endsLater(o, last)) last = o;
        if (kind === "Organization" && startsLater(o, organization)) organization = o;
        if (kind === "Program" && startsLater(o, program)) program = o;
      }
      this.last.push(last);
      this.organization.push(organization);
      this.program.push(program);
    }
  }

  /** The view of the sentence's first `count` words. */
  before(count: number): Before {
    const words = this.words;
    const content = this.contentCount[count] ?? 0;
    return {
      lastWords: (n) => words.slice(Math.max(0, count - n), count),
      hasStem: (stem) => (this.firstAt.get(stem) ?? Infinity) < content,
      last: this.last[content],
      organization: this.organization[content],
      program: this.program[content],
    };
  }
}
