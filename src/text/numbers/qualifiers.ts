import type { Qualifier } from "../parse-numbers.js";
import { wordBefore } from "./text.js";

/**
 * The words right before an expression that say how its figure relates to the true one
 * ("more than 84,000", "poco más de 4 mil"). Each language lists its phrases; a phrase after
 * a negation ("no more than", "no más de") says the opposite and is not reported.
 */

export type QualifierReader = (
  text: string,
  start: number,
) => { qualifier: Qualifier; start: number } | undefined;

const SPACE = "[ \\t\\u00a0]+";

export function qualifierReader(
  phrases: Record<string, Qualifier>,
  negations: readonly string[],
): QualifierReader {
  const alternatives = Object.keys(phrases)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(" ").join(SPACE));
  // Anchored at the expression, so the leftmost match is the longest phrase ("just over").
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})${SPACE}$`, "iu");
  return (text, start) => {
    const from = Math.max(0, start - 60);
    const m = re.exec(text.slice(from, start));
    if (!m) return undefined;
    const at = from + m.index;
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? "")) return undefined; // cut by the window
    if (negations.includes(wordBefore(text, at))) return undefined;
    const phrase = m[0]
      .trim()
      .toLowerCase()
      .split(/[ \t\u00a0]+/)
      .join(" ");
    const qualifier = phrases[phrase];
    return qualifier ? { qualifier, start: at } : undefined;
  };
}
