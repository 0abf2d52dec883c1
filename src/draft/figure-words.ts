import type { ParsedNumber } from "../text/parse-numbers.js";
import type { DraftEntity } from "./draft-graph.js";
import type { Drafting } from "./draft.js";
import type { Candidate } from "./match.js";
import { clauseEnd, firstFrom } from "./sentences.js";
import type { Cued } from "./statistics.js";
import { type Word, words } from "./words.js";

/** The words around a drafted figure, and the entities they name. */

/** The head word of the last figure of a sentence, for lists ("... of diabetes, 1,234 of hypertension"). */
export type Head = { sentence: number; words: Word[] } | undefined;
/** The last figure's sentence and entity, for lists of places ("three in Morelos, two in ..."). */
export type Previous = { sentence: number; about: Candidate | undefined } | undefined;

/** The words around a figure, as its fields read them. */
export type FigureWords = ReturnType<typeof wordsOf>;

export function wordsOf(d: Drafting, n: ParsedNumber, head: Head) {
  const { text, language } = d.doc;
  const { index: sentenceIndex, span: sentence } = d.sentences.of(n.start);
  const at = d.sentences.at(sentenceIndex, sentence);
  const nextNumber = d.numbers[firstFrom(d.numbers, n.end)];
  // The next figure's qualifier ("... y poco más de 4 mil") is its own, not this one's words.
  const phraseEnd = clauseEnd(
    text,
    n.end,
    Math.min(sentence.end, nextNumber?.qualifierStart ?? nextNumber?.start ?? text.length),
  );
  // The words after the number, up to the end of its clause (ten at most).
  const phrase = words(text.slice(n.end, phraseEnd), language, n.end).slice(0, 10);
  const content = phrase.filter((w) => !w.stop);
  const startsWithPreposition = phrase[0]?.stop === true;
  // The head word a list carries to this figure, if any.
  const carried =
    head && head.sentence === sentenceIndex && (startsWithPreposition || content.length === 0)
      ? head.words
      : [];
  const fromClause = at.folded.at[at.clauseStart(n.start) - sentence.start] as number;
  const soFar = at.folded.at[phraseEnd - sentence.start] as number;
  // The cues of the figure's clause, and of its sentence (with the one it continues). A
  // sentence's words count for the figures after them ("On average, 832 deliveries, 2,852
  // surgeries"), not for those before ("41,373 workers joined, with an average salary of 206").
  const clause: Cued = {
    has: (cues) => at.cues.hasCueStart(cues, fromClause, soFar),
    moreThanIn: () => at.cues.moreThanIn(fromClause, soFar),
  };
  const context: Cued = {
    has: (cues) => at.context.hasCueStart(cues, 0, at.contextShift + soFar),
    moreThanIn: () => at.context.moreThanIn(0, at.contextShift + soFar),
  };
  const before = at.before(n.start);
  return {
    sentence: sentenceIndex,
    at,
    phrase,
    phraseEnd,
    content,
    startsWithPreposition,
    carried,
    before,
    clause,
    context,
  };
}

/** The entities a figure may be about, best first, from the words after it and before it. */
export function aboutOf(d: Drafting, w: FigureWords, previous: Previous): Candidate[] {
  let about = d.matcher.entities([...w.carried, ...w.content], w.before, w.carried.length);
  // "three in North Mexico City, two in Chihuahua": the list counts the same thing in places.
  const locative = /^(in|en|at)$/.test(w.phrase[0]?.text ?? "");
  const listed = previous?.sentence === w.sentence ? previous.about : undefined;
  if (locative && listed && (about.length === 0 || kindOf(d.entities, about[0]?.key) === "Place"))
    about = [{ ...listed, why: `the list's ${listed.key}, in a place` }, ...about].slice(0, 3);
  // Nothing named after the figure ("Family Medicine consultations increased by 12 million"):
  // the thing named last before it, in its sentence.
  if (about.length === 0) {
    const last = d.matcher.namedLast(w.before);
    if (last) about = [last];
  }
  return about;
}

function kindOf(entities: Map<string, DraftEntity>, key: string | undefined): string | undefined {
  return key ? entities.get(key)?.kind : undefined;
}
