import type { Language } from "../seed/seed-format.js";
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
    const folded = foldText(m[0]);
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
