import { foldText } from "../text/fold.js";

/** Small words that only one of the two languages uses often. */
const ES = new Set(
  "de la el los las y en que del por con para una se su al es lo como mas".split(" "),
);
const EN = new Set(
  "the of and to in that for with by from this was were which on as its".split(" "),
);

/** The language of a text: the one whose small words it uses more (English on a tie). */
export function detectLanguage(text: string): { language: "en" | "es"; es: number; en: number } {
  let es = 0;
  let en = 0;
  for (const w of foldText(text).match(/\p{L}+/gu) ?? []) {
    if (ES.has(w)) es++;
    if (EN.has(w)) en++;
  }
  return { language: es > en ? "es" : "en", es, en };
}
