// The language of the names the explorer shows (entities, variables, periods): English or
// Spanish. It lives in the URL (`?lang=es`; no parameter is English), so that a link or a reload
// keeps it, and in localStorage, so that a new visit starts where the last one left off. Every
// URL built by `href` (router.ts) carries it. The rest of the interface stays English but for the
// words of `words` below (the switch, Names, the search box, the filters of a list of facts).
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Lang = "EN" | "ES";

export const LANGS: readonly Lang[] = ["EN", "ES"];

const PARAM = "lang";
const STORAGE_KEY = "imss-explorer.lang";

/** The language a URL asks for: `?lang=es` is Spanish, anything else English. */
export function langOf(url: URL): Lang {
  return url.searchParams.get(PARAM)?.toLowerCase() === "es" ? "ES" : "EN";
}

/** The language of the page now (read from its URL). */
export function currentLang(): Lang {
  return typeof location === "undefined" ? "EN" : langOf(new URL(location.href));
}

/** An in-app URL (path, query, hash) in a language: `?lang=es` set for Spanish, removed for English. */
export function withLang(path: string, lang: Lang = currentLang()): string {
  const url = new URL(path, "http://x");
  if (url.searchParams.get(PARAM) === (lang === "ES" ? "es" : null)) return path;
  if (lang === "ES") url.searchParams.set(PARAM, "es");
  else url.searchParams.delete(PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

function stored(): Lang | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "es" ? "ES" : value === "en" ? "EN" : undefined;
  } catch {
    return undefined; // storage disabled: the URL alone keeps the language
  }
}

export function storeLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang.toLowerCase());
  } catch {
    // storage disabled: the URL alone keeps the language
  }
}

/** `<html lang>` for the names shown. */
export function applyHtmlLang(lang: Lang) {
  document.documentElement.lang = lang === "ES" ? "es" : "en";
}

/**
 * At start, and on back and forward: a URL that names its language wins (and is remembered); one
 * that does not gets the remembered language (the URL is rewritten in place, so that it can be
 * shared as it is).
 */
export function settleLang(): Lang {
  const url = new URL(location.href);
  const asked = url.searchParams.get(PARAM);
  let lang: Lang;
  if (asked === null) {
    lang = stored() ?? "EN";
  } else {
    lang = langOf(url);
    storeLang(lang);
  }
  const canonical = withLang(`${url.pathname}${url.search}${url.hash}`, lang);
  if (canonical !== `${url.pathname}${url.search}${url.hash}`) {
    history.replaceState(history.state, "", canonical);
  }
  applyHtmlLang(lang);
  return lang;
}

/** The language of the names, for the components below the shell (main.tsx provides it). */
export const LangContext = createContext<Lang>("EN");

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The few words of the interface that follow the language (not a translation of the app). */
const words = {
  languageOfNames: { EN: "Language of the names", ES: "Idioma de los nombres" },
  EN: { EN: "English", ES: "inglés" },
  ES: { EN: "Spanish", ES: "español" },
  names: { EN: "Names", ES: "Nombres" },
  namesIntro: {
    EN: "Its names in each language, and where each comes from.",
    ES: "Sus nombres en cada idioma, y de dónde viene cada uno.",
  },
  PREFERRED: { EN: "preferred name", ES: "nombre preferido" },
  ALIAS: { EN: "alias", ES: "alias" },
  ACRONYM: { EN: "acronym", ES: "sigla" },
  inSource: { EN: "in the source", ES: "en la fuente" },
  curatedTranslation: { EN: "curated translation", ES: "traducción de los curadores" },
  curatedName: { EN: "curated name", ES: "nombre dado por los curadores" },
  searchLabel: {
    EN: "Search entities, variables and documents",
    ES: "Buscar entidades, variables y documentos",
  },
  searchPlaceholder: {
    EN: "e.g. rural hospital, nuclear medicine, diabetes",
    ES: "p. ej. hospitales rurales, medicina nuclear, diabetes",
  },
  noMatch: { EN: "No match.", ES: "Nada coincide." },
  // The filters of a list of facts and its grouped table (fact-filters.tsx).
  filters: { EN: "Filter the figures", ES: "Filtrar las cifras" },
  value: { EN: "Value", ES: "Valor" },
  min: { EN: "Minimum", ES: "Mínimo" },
  max: { EN: "Maximum", ES: "Máximo" },
  periodRange: { EN: "Period (sharing a day with)", ES: "Periodo (con algún día en común con)" },
  from: { EN: "From", ES: "Desde" },
  to: { EN: "To", ES: "Hasta" },
  kinds: { EN: "About an entity of kind", ES: "Sobre una entidad de tipo" },
  document: { EN: "Cited in the document", ES: "Citada en el documento" },
  anyDocument: { EN: "Any document", ES: "Cualquier documento" },
  groupBy: { EN: "Group by", ES: "Agrupar por" },
  apply: { EN: "Apply", ES: "Aplicar" },
  clear: { EN: "Clear the filters", ES: "Quitar los filtros" },
  ignored: { EN: "Left out of the address:", ES: "Se dejó fuera de la dirección:" },
  factsMatch: { EN: "facts match the filters.", ES: "cifras cumplen los filtros." },
  groups: { EN: "Grouped figures", ES: "Cifras agrupadas" },
  groupsShown: { EN: "groups; the first shown:", ES: "grupos; se muestran los primeros:" },
  count: { EN: "Count", ES: "Número" },
  sum: { EN: "Sum", ES: "Suma" },
  avg: { EN: "Average", ES: "Promedio" },
  loadingGroups: { EN: "the groups", ES: "los grupos" },
  PERIOD: { EN: "Period", ES: "Periodo" },
  STATISTIC: { EN: "Statistic", ES: "Estadística" },
  ABOUT_KIND: { EN: "Kind of entity", ES: "Tipo de entidad" },
  ABOUT: { EN: "Entity", ES: "Entidad" },
  SCOPE: { EN: "Scope", ES: "Ámbito" },
  DOCUMENT: { EN: "Document", ES: "Documento" },
  VARIABLE: { EN: "Variable", ES: "Variable" },
  UNIT: { EN: "Unit", ES: "Unidad" },
  ORGANIZATION: { EN: "Organization", ES: "Organización" },
  PROGRAM: { EN: "Program", ES: "Programa" },
  FACILITY_TYPE: { EN: "Facility type", ES: "Tipo de unidad médica" },
  SERVICE: { EN: "Service", ES: "Servicio" },
  CONDITION: { EN: "Condition", ES: "Padecimiento" },
  PLACE: { EN: "Place", ES: "Lugar" },
  PERSON: { EN: "Person", ES: "Persona" },
  TIME_PERIOD: { EN: "Time period", ES: "Periodo de tiempo" },
  // A goal among figures (statistic TARGET): what was to be reached, never what was.
  target: { EN: "target", ES: "meta" },
  targetTitle: {
    EN: "A goal set for the period: what was to be reached, not what was",
    ES: "Una meta fijada para el periodo: lo que se buscaba alcanzar, no lo alcanzado",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof words;

/** A word of the interface in a language. */
export function word(key: Word, lang: Lang): string {
  return words[key][lang];
}
