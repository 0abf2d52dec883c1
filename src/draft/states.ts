import { MEXICAN_STATES } from "../model/states.js";
import { foldText } from "../text/fold.js";

/**
 * Every name of Mexico's 32 federal entities (src/model/states.ts), longest first so that "Baja
 * California Sur" is read whole: a state named in a figure's sentence ("12 hospitales en
 * Chiapas") is known for one even when the graph has no entity for it, and such a figure counts a
 * part, never the graph's count for the whole.
 */
const STATES = MEXICAN_STATES.flatMap((s) => (s.en ? [s.es, s.en] : [s.es])).sort(
  (a, b) => b.length - a.length,
);

/** "in Nayarit", "en el estado de Chiapas", "in the state of Oaxaca", folded. */
const NAMED = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:en|in)\\s+(?:el estado de\\s+|the state of\\s+)?(${STATES.map((s) => foldText(s)).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** "in" or "en" before a capital: where a state may be named. */
const MAYBE = /(?:^|[^\p{L}\p{N}])(?:[Ee]n|[Ii]n)\s+(?:el estado de\s+|the state of\s+)?\p{Lu}/u;

/** The state named last in text[from, to) after "in" or "en", as the text writes it; null if none. */
export function stateNamedIn(text: string, from: number, to: number): string | null {
  const slice = text.slice(from, to);
  // Most sentences name no state: fold only those that might.
  if (!MAYBE.test(slice)) return null;
  const folded = foldText(slice);
  // Folding keeps the length of these names' letters; read the words back from the text.
  let found: string | null = null;
  for (const m of folded.matchAll(NAMED)) {
    const name = m[1] as string;
    const at = (m.index ?? 0) + m[0].length - name.length;
    found = folded.length === slice.length ? slice.slice(at, at + name.length) : name;
  }
  return found;
}
