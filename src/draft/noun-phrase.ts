import type { Language } from "../model/vocabulary.js";
import { analyze, termsOf, type Token } from "../text/analyzers.js";
import type { LabelIndex } from "./label-index.js";
import { isStopword } from "./words.js";

/**
 * The noun phrase right after a figure, as a reader finds what it counts: its head noun and the
 * words that modify it. English puts the head last ("3,622 medical units open every day": the
 * head is "units", "medical" modifies it, "open" is no longer the name); Spanish puts it first
 * ("3 mil 622 unidades médicas", "6 clínicas de especialidades").
 */
export interface NounPhrase {
  head: Token;
  modifiers: Token[];
  /** Every content term of the figure's words (its clause after the number). */
  terms: Set<string>;
  /** The terms of its paragraph before the figure (the last few hundred characters), read once asked. */
  context: () => Set<string>;
  start: number;
  end: number;
}

/** Words that say which of a kind, never what kind ("3 new hospitals", "3 nuevos hospitales"). */
const GENERIC = new Set(
  "new other additional more existing current own nuevo nueva nuevos nuevas otro otra otros otras adicional adicionales mas actual actuales propio propia propios propias".split(
    " ",
  ),
);

/** Spanish words that join a complement to its head ("Unidades de Medicina Familiar"). */
const SPANISH_OF = new Set(["de", "del"]);

/** How far back a figure's paragraph is read for the words around it. */
const CONTEXT_CHARS = 400;

/**
 * The noun phrase of the words in text[from, to) (a figure's clause after it), if they start
 * with one; `paragraph` is where the figure's paragraph starts.
 */
export function nounPhraseOf(
  text: string,
  from: number,
  to: number,
  paragraph: number,
  language: Language,
  index: LabelIndex,
): NounPhrase | null {
  const tokens = analyze(text.slice(from, to), language, from).slice(0, 12);
  const content = (t: Token | undefined): boolean =>
    t !== undefined && t.term !== null && !isStopword(t.word, language) && !/^\d/.test(t.word);
  if (!content(tokens[0])) return null;
  const terms = new Set(tokens.filter((t) => content(t)).map((t) => t.term as string));
  const before = text.slice(Math.max(paragraph, from - CONTEXT_CHARS), from);
  let read: Set<string> | undefined;
  const context = () => (read ??= new Set(termsOf(before, language)));
  // A bracket or punctuation between two words ends the phrase ("Units (UMF)").
  const joined = (i: number) =>
    i === 0 ||
    !/[()[\],;:.]/.test(text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start));
  const run: Token[] = [];
  if (language === "es") {
    for (let i = 0; i < tokens.length && run.length < 5; i++) {
      const t = tokens[i] as Token;
      if (!joined(i)) break;
      if (content(t)) run.push(t);
      else if (!(SPANISH_OF.has(t.word) && run.length > 0 && content(tokens[i + 1]))) break;
    }
    const named = run.filter((t) => !GENERIC.has(t.word));
    if (named.length === 0) return null;
    const [head, ...modifiers] = named as [Token, ...Token[]];
    return {
      head,
      modifiers,
      terms,
      context,
      start: head.start,
      end: (run[run.length - 1] as Token).end,
    };
  }
  for (const [i, t] of tokens.entries()) {
    if (!content(t) || !joined(i) || run.length === 5) break;
    run.push(t);
  }
  // The head is the last of the first words that can be part of a name: a word of a label or
  // a plural ("specialty clinics").
  let last = 0;
  while (last + 1 < run.length && nameWord(run[last + 1] as Token, index)) last++;
  const head = run[last] as Token;
  return {
    head,
    modifiers: run.slice(0, last).filter((t) => !GENERIC.has(t.word)),
    terms,
    context,
    start: (run[0] as Token).start,
    end: head.end,
  };
}

function nameWord(t: Token, index: LabelIndex): boolean {
  return /[^s]s$/.test(t.word) || index.lookup(t.word, "en").size > 0;
}
