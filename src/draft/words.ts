import type { Language } from "../model/vocabulary.js";
import { foldWord } from "../text/analyzers.js";
import { foldText } from "../text/fold.js";

/**
 * Words as the drafter compares them: folded (lower case, no accents), with the commonest
 * plural endings of each language taken off, and without the little words that carry no name
 * ("of", "the", "de", "la"...). "Hospitales Rurales" and "rural hospital" give the same stems.
 */

const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    "a an the of and or for from in on at to by with as its their this that these those were was is are be been has have had which who whose than more across within throughout into over under among per also".split(
      " ",
    ),
  ),
  es: new Set(
    "un una unos unas el la los las lo de del al a y e o u en con por para sus su se que este esta estos estas es son fue fueron ha han mas poco entre dentro sobre tambien".split(
      " ",
    ),
  ),
};

/** Whether a folded word is one of the little words of a language that carry no name. */
export function isStopword(word: string, language: Language): boolean {
  return STOPWORDS[language].has(word);
}

/** A word's stem: the plural taken off ("hospitales" -> "hospital", "analyses" -> "analys"). */
export function stem(word: string, language: Language): string {
  if (word.length <= 3) return word;
  if (language === "es") {
    if (/[^aeiou]es$/.test(word) && word.length > 5) return word.slice(0, -2);
    if (word.endsWith("s")) return word.slice(0, -1);
    return word;
  }
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export interface Word {
  /** The folded word. */
  text: string;
  stem: string;
  start: number;
  end: number;
  stop: boolean;
}

/** The words of `text` (offsets into it), each with its stem and whether it is a stopword. */
export function words(text: string, language: Language, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*/gu)) {
    const folded = foldWord(m[0]);
    const start = offset + (m.index ?? 0);
    out.push({
      text: folded,
      stem: stem(folded, language),
      start,
      end: start + m[0].length,
      stop: STOPWORDS[language].has(folded),
    });
  }
  return out;
}

/** The content stems of a name, in both languages' senses (a label is matched in its own). */
export function nameStems(text: string, language: Language): string[] {
  return words(text, language)
    .filter((w) => !w.stop)
    .map((w) => w.stem);
}

/** Whether the folded text holds one of the cues (folded phrases, as whole words). */
export function hasCue(foldedText: string, cues: readonly string[]): boolean {
  return cues.some((cue) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${cue}($|[^\\p{L}\\p{N}])`, "u").test(foldedText),
  );
}

/** Whether a word of the folded text starts with one of the cues ("acumulad" in "acumulados"). */
export function hasCueStart(foldedText: string, cues: readonly string[]): boolean {
  return cues.some((cue) => new RegExp(`(^|[^\\p{L}\\p{N}])${cue}`, "u").test(foldedText));
}

/** A text folded as foldText folds it, with at[i] the folded offset of the text's offset i. */
export interface Folded {
  text: string;
  at: number[];
}

/** foldText, one character at a time, keeping where each went (for CueIndex's slices). */
export function foldMapped(text: string): Folded {
  const at: number[] = [];
  let out = "";
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    at.push(out.length);
    if (width === 2) at.push(out.length);
    out += cp < 0x80 ? text[i]?.toLowerCase() : foldText(String.fromCodePoint(cp));
    i += width;
  }
  at.push(out.length);
  return { text: out, at };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * The cues of a folded text, found once: `hasCueStart(cues, from, to)` is what
 * hasCueStart(text.slice(from, to), cues) says, without reading the slice again; so is
 * `moreThanIn` of /\bmore\b.*\bthan in\b/ (the text holds no line break).
 */
export class CueIndex {
  /** Per cue: where it starts after a character that is not a letter or digit (or at 0). */
  private readonly cueStarts = new Map<string, number[]>();
  /** Per word: where it stands between \b boundaries. */
  private readonly wordStarts = new Map<string, number[]>();

  constructor(readonly text: string) {}

  hasCueStart(cues: readonly string[], from: number, to: number): boolean {
    return cues.some((cue) => {
      if (from + cue.length > to) return false;
      if (this.text.startsWith(cue, from)) return true;
      const p = this.firstAfter(this.positions(this.cueStarts, cue), from);
      return p !== undefined && p + cue.length <= to;
    });
  }

  moreThanIn(from: number, to: number): boolean {
    const text = this.text;
    const word = (at: number) => at >= from && at < to && WORD_CHAR.test(text[at] ?? "");
    // The first "more" with a word boundary on both sides, ending before `to`.
    let more = text.startsWith("more", from) && !word(from + 4) ? from : undefined;
    if (more === undefined) {
      const p = this.firstAfter(this.positions(this.wordStarts, "more"), from);
      if (p !== undefined && p + 4 < to) more = p;
    }
    if (more === undefined) return false;
    // The last "than in" with a word boundary on both sides, after it.
    const thanIns = this.positions(this.wordStarts, "than in");
    let last: number | undefined;
    const atEnd = to - 7;
    if (atEnd > from && text.startsWith("than in", atEnd) && !word(atEnd - 1)) last = atEnd;
    else {
      const lo = prefixLength(thanIns, (p) => p + 7 < to);
      last = lo > 0 ? thanIns[lo - 1] : undefined;
    }
    return last !== undefined && last >= more + 4;
  }

  /** The code point before `at`, as a string. */
  private before(at: number): string {
    if (at === 0) return "";
    const low = this.text.charCodeAt(at - 1);
    if (low >= 0xdc00 && low <= 0xdfff && at >= 2) return this.text.slice(at - 2, at);
    return this.text[at - 1] ?? "";
  }

  private positions(index: Map<string, number[]>, cue: string): number[] {
    let list = index.get(cue);
    if (!list) {
      const text = this.text;
      const keep =
        index === this.cueStarts
          ? (at: number) => !LETTER_OR_DIGIT.test(this.before(at))
          : (at: number) =>
              !WORD_CHAR.test(text[at - 1] ?? "") && !WORD_CHAR.test(text[at + cue.length] ?? "");
      list = [];
      for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1))
        if (keep(at)) list.push(at);
      index.set(cue, list);
    }
    return list;
  }

  /** The first position in sorted `list` at or after `from`. */
  private firstAfter(list: number[], from: number): number | undefined {
    return list[prefixLength(list, (p) => p < from)];
  }
}

/** How many of `items`, from the first, `holds` is true of (a binary search: it holds of a prefix). */
export function prefixLength<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
