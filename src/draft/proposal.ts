import type { EntityKind, Language } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import type { NewEntityProposal } from "./draft.js";
import type { NounPhrase } from "./noun-phrase.js";

/**
 * A new entity proposed for a figure whose head noun names something the graph lacks ("12
 * specialty clinics", "6 clínicas de especialidades"): its words in the text, a label in each
 * language (the document's words made singular, the other language's a word-for-word guess from a
 * small glossary, words it lacks left as written) and a key from the English label. The labels
 * are guesses for the curator to confirm.
 */

interface Gloss {
  es: string;
  /** The feminine form, for an adjective. */
  esF?: string;
  /** A noun that follows the head with "de" in Spanish ("clínica de especialidades"). */
  noun?: boolean;
}

const GLOSSARY: Record<string, Gloss> = {
  clinic: { es: "clínica" },
  unit: { es: "unidad" },
  hospital: { es: "hospital" },
  center: { es: "centro" },
  centre: { es: "centro" },
  module: { es: "módulo" },
  office: { es: "oficina" },
  pharmacy: { es: "farmacia" },
  laboratory: { es: "laboratorio" },
  specialty: { es: "especialidades", noun: true },
  health: { es: "salud", noun: true },
  care: { es: "atención", noun: true },
  emergency: { es: "urgencias", noun: true },
  hemodialysis: { es: "hemodiálisis", noun: true },
  oncology: { es: "oncología", noun: true },
  medical: { es: "médico", esF: "médica" },
  mobile: { es: "móvil" },
  rural: { es: "rural" },
  general: { es: "general" },
  dental: { es: "dental" },
  maternal: { es: "materno", esF: "materna" },
  obstetric: { es: "obstétrico", esF: "obstétrica" },
};

/** Spanish (folded, singular) to English, from the same glossary. */
const SPANISH: Map<string, string> = new Map(
  Object.entries(GLOSSARY).flatMap(([en, g]) => [
    [foldText(g.es), en],
    ...(g.esF ? [[foldText(g.esF), en] as [string, string]] : []),
  ]),
);

export function proposeEntity(
  text: string,
  phrase: NounPhrase,
  language: Language,
  kind: EntityKind,
  taken: (key: string) => boolean,
): NewEntityProposal {
  const words = text.slice(phrase.start, phrase.end);
  const labels = language === "en" ? fromEnglish(words) : fromSpanish(words);
  const base = foldText(labels.en)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const key = taken(base) ? `${base}-new` : base;
  return { key, kind, labels, words, start: phrase.start, end: phrase.end };
}

function fromEnglish(words: string): { en: string; es: string } {
  const list = words.split(/\s+/).map((w) => w.toLowerCase());
  const head = singularEn(list[list.length - 1] ?? "");
  const modifiers = list.slice(0, -1);
  const headEs = GLOSSARY[head]?.es ?? head;
  const feminine = /(a|dad)$/.test(headEs);
  const adjectives = modifiers
    .filter((m) => !GLOSSARY[m]?.noun)
    .reverse()
    .map((m) => (feminine ? (GLOSSARY[m]?.esF ?? GLOSSARY[m]?.es) : GLOSSARY[m]?.es) ?? m);
  const nouns = modifiers.filter((m) => GLOSSARY[m]?.noun).map((m) => GLOSSARY[m]?.es);
  const es = [headEs, ...adjectives, ...(nouns.length ? ["de", ...nouns] : [])].join(" ");
  return { en: capitalize([...modifiers, head].join(" ")), es: capitalize(es) };
}

function fromSpanish(words: string): { en: string; es: string } {
  const [before = "", ...after] = words.split(/\s+(?:de|del)\s+/i);
  const [head = "", ...adjectives] = before.split(/\s+/).map((w) => w.toLowerCase());
  const headEs = singularEs(head);
  const adjectivesEs = adjectives.map(singularEs);
  const complement = after.join(" de ").toLowerCase();
  const english = (w: string) =>
    SPANISH.get(foldText(w)) ?? SPANISH.get(foldText(singularEs(w))) ?? singularEs(w);
  const en = [
    ...complement.split(/\s+/).filter(Boolean).map(english),
    ...[...adjectivesEs].reverse().map(english),
    english(headEs),
  ].join(" ");
  const es = [headEs, ...adjectivesEs, ...(complement ? ["de", complement] : [])].join(" ");
  return { en: capitalize(en), es: capitalize(es) };
}

function singularEn(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function singularEs(word: string): string {
  if (/[^aeiouáéíóú]es$/.test(word) && word.length > 4) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
