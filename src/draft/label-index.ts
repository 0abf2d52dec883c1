import type { Language } from "../model/vocabulary.js";
import { termOf, tokenize } from "../text/analyzers.js";
import type { DraftGraph } from "./draft-graph.js";

/**
 * The labels of a draft graph's entities and variables indexed in process as the full-text
 * indexes search_en and search_es index them (every label of a node, in both languages' analysis:
 * see src/text/analyzers.ts), so that the drafter finds the same candidates for a word as a
 * search of the node's names would, without a database. Also keeps each label's head term (the
 * noun a name is about: the last word before a preposition in English, "Rural Medical Unit"; the
 * first in Spanish, "Unidad Médica Rural"), which the drafter compares with a figure's head noun.
 */

export interface IndexedLabel {
  key: string;
  /** The label as written, its language, its terms in that language's analysis, its head term. */
  text: string;
  language: Language;
  terms: string[];
  head: string | null;
}

const LANGUAGES: Language[] = ["en", "es"];

export class LabelIndex {
  /** Per analysis language: term -> the keys of the nodes whose labels hold it. */
  private readonly postings: Record<Language, Map<string, Set<string>>> = {
    en: new Map(),
    es: new Map(),
  };
  /** Per language, per key: its labels in that language, each in that language's analysis. */
  private readonly labels: Record<Language, Map<string, IndexedLabel[]>> = {
    en: new Map(),
    es: new Map(),
  };

  constructor(graph: Pick<DraftGraph, "entities" | "variables">) {
    for (const node of [...graph.entities, ...graph.variables]) {
      const own: Record<Language, IndexedLabel[]> = { en: [], es: [] };
      for (const l of node.labels) {
        const tokens = tokenize(l.text);
        const bracket = l.text.indexOf("(");
        const terms: string[] = [];
        let head: string | null = null;
        let headDone = false;
        for (const t of tokens) {
          const en = termOf(t.word, "en");
          const es = termOf(t.word, "es");
          if (en) this.post("en", en, node.key);
          if (es) this.post("es", es, node.key);
          const term = l.language === "en" ? en : es;
          if (term) terms.push(term);
          // The head: the first word in Spanish; in English the last before a preposition or bracket.
          if (headDone || (bracket >= 0 && t.start > bracket)) headDone = true;
          else if (l.language === "es") {
            if (term) [head, headDone] = [term, true];
          } else if (ENGLISH_BREAKS.has(t.word)) headDone = true;
          else if (term) head = term;
        }
        own[l.language].push({ key: node.key, text: l.text, language: l.language, terms, head });
      }
      for (const language of LANGUAGES) this.labels[language].set(node.key, own[language]);
    }
  }

  private post(language: Language, term: string, key: string): void {
    const keys = this.postings[language].get(term);
    if (keys) keys.add(key);
    else this.postings[language].set(term, new Set([key]));
  }

  /**
   * The keys of the nodes whose labels hold a (folded) word, as a search of `searchNames:(word)`
   * in search_en or search_es finds them; `language` keeps one index's answer only.
   */
  lookup(word: string, language?: Language): Set<string> {
    const found = new Set<string>();
    for (const l of language ? [language] : LANGUAGES) {
      const term = termOf(word, l);
      for (const key of (term && this.postings[l].get(term)) || []) found.add(key);
    }
    return found;
  }

  /** The labels of a node in a language, with their terms and heads. */
  labelsIn(key: string, language: Language): IndexedLabel[] {
    return this.labels[language].get(key) ?? [];
  }
}

/**
 * Words that end a name's noun phrase in English ("Social Security Representations in the
 * states", "Pilot program for Domestic Workers"): its head is the word before.
 */
const ENGLISH_BREAKS = new Set(["of", "in", "for", "with", "from", "to", "at", "on", "by"]);
