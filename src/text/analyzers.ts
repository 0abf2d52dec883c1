import type { Language } from "../model/vocabulary.js";
import { foldText } from "./fold.js";
import { porterStem } from "./porter-stem.js";

/**
 * The analysis of the full-text indexes search_en and search_es (cypher/schema/indexes.cypher),
 * in process: the text folded as the loader folds it (fold.ts), cut into words as Lucene's
 * standard tokenizer cuts them, the language's stopwords dropped, and what is left stemmed as
 * Lucene's `english` analyzer (possessive "'s" off, Porter's stemmer) and `spanish` analyzer
 * (its light stemmer) stem it. The drafter finds candidates with it without a database, and a
 * test compares it with what the indexes return.
 */

/** Lucene's English stopwords (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET). */
const ENGLISH_STOPWORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/**
 * Lucene's Spanish stopwords (the Snowball list). They keep their accents, as Lucene has them, so
 * that a folded word ("mas", "esta") is dropped only where the index drops it too.
 */
const SPANISH_STOPWORDS = new Set(
  `de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o
  este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
  durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro
  otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo
  nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía míos mías tuyo tuya
  tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra vuestros
  vuestras esos esas estoy estás está estamos estáis están esté estés estemos estéis estén estaré
  estarás estará estaremos estaréis estarán estaría estarías estaríamos estaríais estarían estaba
  estabas estábamos estabais estaban estuve estuviste estuvo estuvimos estuvisteis estuvieron
  estuviera estuvieras estuviéramos estuvierais estuvieran estuviese estuvieses estuviésemos
  estuvieseis estuviesen estando estado estada estados estadas estad he has ha hemos habéis han
  haya hayas hayamos hayáis hayan habré habrás habrá habremos habréis habrán habría habrías
  habríamos habríais habrían había habías habíamos habíais habían hube hubiste hubo hubimos
  hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran hubiese hubieses hubiésemos
  hubieseis hubiesen habiendo habido habida habidos habidas soy eres es somos sois son sea seas
  seamos seáis sean seré serás será seremos seréis serán sería serías seríamos seríais serían era
  eras éramos erais eran fui fuiste fue fuimos fuisteis fueron fuera fueras fuéramos fuerais
  fueran fuese fueses fuésemos fueseis fuesen siendo sido tengo tienes tiene tenemos tenéis tienen
  tenga tengas tengamos tengáis tengan tendré tendrás tendrá tendremos tendréis tendrán tendría
  tendrías tendríamos tendríais tendrían tenía tenías teníamos teníais tenían tuve tuviste tuvo
  tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos tuvierais tuvieran tuviese tuvieses
  tuviésemos tuvieseis tuviesen teniendo tenido tenida tenidos tenidas tened`.split(/\s+/),
);

/** Lucene's SpanishLightStemmer, on a folded word: plurals and gender endings off. */
export function spanishLightStem(word: string): string {
  const len = word.length;
  if (len < 5) return word;
  const last = word[len - 1];
  if (last === "o" || last === "a" || last === "e") return word.slice(0, -1);
  if (last !== "s") return word;
  if (word.endsWith("eses")) return word.slice(0, -2);
  if (word.endsWith("ces")) return `${word.slice(0, -3)}z`;
  const before = word[len - 2];
  if (before === "o" || before === "a" || before === "e") return word.slice(0, -2);
  return word;
}

/** A word of a text as an index holds it: its term and its offsets in the text. */
export interface Token {
  /** The folded word, before stopwords and stemming. */
  word: string;
  /** The index's term (stemmed), or null for a stopword. */
  term: string | null;
  start: number;
  end: number;
}

/**
 * Words as the standard tokenizer cuts them: runs of letters, marks, digits and underscores, an
 * apostrophe or full stop between two letters or digits kept inside the word, a comma between
 * two digits too ("1,531"); anything else (hyphens, spaces, punctuation) separates words.
 */
const WORD = /[\p{L}\p{M}\p{N}_]+(?:(?:['’.]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gu;

/** Terms already worked out, per language (a word's term never changes); emptied when large. */
const TERMS: Record<Language, Map<string, string | null>> = { en: new Map(), es: new Map() };
const TERMS_KEPT = 50_000;

/** The index's term of a folded word in a language, or null when the index drops it. */
export function termOf(folded: string, language: Language): string | null {
  const known = TERMS[language];
  let term = known.get(folded);
  if (term === undefined) {
    if (known.size >= TERMS_KEPT) known.clear();
    term = stemmed(folded, language);
    known.set(folded, term);
  }
  return term;
}

function stemmed(folded: string, language: Language): string | null {
  if (language === "en") {
    if (ENGLISH_STOPWORDS.has(folded)) return null;
    const word = folded.replace(/['’]s$/, "");
    return porterStem(word);
  }
  if (SPANISH_STOPWORDS.has(folded)) return null;
  return spanishLightStem(folded);
}

/** A word folded as foldText folds it, without normalizing a word of plain ASCII (which costs). */
export function foldWord(word: string): string {
  return /^[ -~]*$/.test(word) ? word.toLowerCase() : foldText(word);
}

/** The words of a text as the tokenizer cuts them, folded, with their offsets (no terms yet). */
export function tokenize(text: string, offset = 0): Omit<Token, "term">[] {
  const out: Omit<Token, "term">[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const word = foldWord(raw);
    const start = offset + (m.index ?? 0);
    out.push({ word, start, end: start + raw.length });
  }
  return out;
}

/** The words of a text with their terms in a language's index (offsets into the text). */
export function analyze(text: string, language: Language, offset = 0): Token[] {
  const out = tokenize(text, offset) as Token[];
  for (const t of out) t.term = termOf(t.word, language);
  return out;
}

/** The terms of a text in a language's index, stopwords left out. */
export function termsOf(text: string, language: Language): string[] {
  return analyze(text, language).flatMap((t) => (t.term === null ? [] : [t.term]));
}
