import type { QualifierReader } from "./qualifiers.js";
import type { Atom } from "./tokens.js";

/**
 * What the reader needs to know about a language: its number words, multipliers, ordinal
 * suffixes, month names, unit words and qualifiers. Digits, names, ISO dates and the chain rules are the
 * same in every language.
 */
export interface Lexicon {
  /** The word that names 10^3, for messages ("thousand"). */
  thousandWord: string;
  /**
   * Does a larger multiplier take the whole number read before it? In Spanish "2 mil 500
   * millones" is 2,500 millones (2,500,000,000); in English "5 thousand 3 million" is two
   * numbers.
   */
  longScale: boolean;
  /** A sticky regex for the suffix of a digit ordinal ("st" of "1st"). */
  ordinalSuffix: RegExp;
  /**
   * The multiplier word at offset `i` ("million"): its end, its factor, and whether it is a
   * number on its own (coefficient 1) when no coefficient precedes it.
   */
  multiplier(text: string, i: number): { end: number; factor: bigint; standalone: boolean } | null;
  /** The written-out number that starts at offset `i` ("twenty-five"), or null. */
  words(text: string, i: number): Atom | null;
  /** The month (1-12) named next to a day number ("December 25"), if any. */
  monthNear(text: string, atom: Atom): number | undefined;
  /** The unit word right after offset `end` ("hours"), as a language-independent name. */
  unitAfter(text: string, end: number): string | undefined;
  /** The qualifier that ends right before offset `start` ("more than "), and where it begins. */
  qualifierBefore: QualifierReader;
}
