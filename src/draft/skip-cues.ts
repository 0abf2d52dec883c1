import type { ParsedNumber } from "../text/parse-numbers.js";

/**
 * The numbers whose surrounding words say they are not figures, in both languages: ages, times of
 * day, intervals and frequencies, durations of years or decades, phone extensions and menu
 * options, numbers in names ("Clínica 25", "UMF número 31"), articles of laws, addresses and
 * postal codes, and small number words that point back at things already named ("los dos
 * estados"). Each rule is a cue any release would use, read from a short window around the number.
 */

/** How far before a number its cue words are looked for. */
const WINDOW = 60;

/** A unit word the number reader leaves out of raw (kept in step with its units), to read past it. */
const UNIT_AFTER =
  /^[\s-]*(?:de\s+)?(?:años|año|years?|horas?|hours?|días|día|days?|semanas?|weeks?|meses|mes|months?)\b/iu;

/** Words between two numbers of one range ("40 a 69", "7 to 3", "10-15"). */
const RANGE_LINK = /^\s*(?:a|al|y|to|and|through|-|–)\s*$/iu;

interface Rule {
  reason: string;
  /** The text before the number's phrase (its qualifier and the range it ends) ends so. */
  before?: RegExp;
  /** The text after the number (past its unit word when `pastUnit`) starts so. */
  after?: RegExp;
  pastUnit?: boolean;
  /** The number's own fields allow the rule; `closesRange` when it ends "40 a 69", "25 to 64". */
  when?: (n: ParsedNumber, closesRange: boolean) => boolean;
}

const digitsOnly = (n: ParsedNumber) => /^\d{1,4}$/.test(n.raw) && !n.unit && !n.qualifier;
const inYears = (n: ParsedNumber) => n.unit === "years";
/** A small number (an age, a person's years) with no unit but years. */
const ageLike = (n: ParsedNumber) =>
  (!n.unit || n.unit === "years") && n.value !== null && n.value <= 120;

const RULES: Rule[] = [
  {
    reason: "a time of day, not a figure",
    after: /^(?::\d{2}|\s*(?:[ap]\.\s?m\.|[ap]m\b|hrs?\b|h\b))/iu,
  },
  { reason: "a time of day, not a figure", before: /\d:$/u },
  {
    reason: "a time of day, not a figure",
    after:
      /^\s*(?:de la (?:mañana|tarde|noche)|del mediod[ií]a|in the (?:morning|afternoon|evening)|o'clock)(?![\p{L}])/iu,
  },
  {
    reason: 'a schedule ("24/7"), not a figure',
    after: /^\/7(?!\d)/u,
    when: (n) => n.value === 24,
  },
  { reason: 'a schedule ("24/7"), not a figure', before: /\b24\/$/u, when: (n) => n.value === 7 },
  {
    reason: "a phone extension, a menu option or a short phone number, not a figure",
    before:
      /(?:extensi[oó]n(?:es)?|\bext\.?|opci[oó]n|\boption|\btecla|\bpress|\bmarque|\bmarca|\bdial|\bll[aá]me al|\bllamar al|\bcall)\s*(?:n[uú]mero\s*|no\.\s*)?$/iu,
  },
  {
    reason: "a number in a name (a unit's, a hospital's, a law's), not a figure",
    before: /(?:\bno\.|\bn[uú]m\.|\bn[uú]mero|\bnumber|#|\bn\.?º)\s*$/iu,
  },
  {
    reason:
      "a number that names a stage, a level, a type or a place (a floor, a page, a kilometre), not a figure",
    before:
      /(?:\bfase|\betapa|\bphase|\bstage|\bnivel|\blevel|\btipo|\btype|\bgrado|\bgrade|\bedici[oó]n|\bedition|\bversi[oó]n|\bversion|\bpiso|\bfloor|\bconsultorio|\bm[oó]dulo|\bmodule|\bsala|\bruta|\broute|\bl[ií]nea|\bline|\bp[aá]gina|\bpage|\bkil[oó]metro|\bkm\.?|\bsemana epidemiol[oó]gica|\bepidemiological week)\s*$/iu,
    when: digitsOnly,
  },
  {
    reason: "an article, section or rule of a law, not a figure",
    before:
      /(?:\bart[ií]culos?|\bart\.|\bfracci[oó]n|\binciso|\bp[aá]rrafo|\bcap[ií]tulo|\bsecci[oó]n|\barticles?|\bsections?|\bchapter|\bparagraph|\bclause|\bdecreto|\bdecree|\bNOM-?)\s*$/iu,
  },
  {
    reason: "a postal code, not a figure",
    before: /(?:c[oó]digo postal|\bc\.\s?p\.|\bcp|postal code|\bzip(?: code)?)\s*$/iu,
  },
  { reason: "digits with a leading zero: a code, not a figure", when: (n) => /^0\d/.test(n.raw) },
  {
    reason: "a street number of an address, not a figure",
    before:
      /(?:\bavenida|\bav\.|\bcalle|\bcalzada|\bboulevard|\bbulevar|\bblvd\.|\bpaseo|\bcarretera|\bprivada|\bstreet|\bavenue|\broad)\s+(?:[^\s,.;]+\s+){0,4}$/iu,
    when: digitsOnly,
  },
  {
    reason: "a street number of an address, not a figure",
    after:
      /^\s+(?:\p{Lu}[\p{L}.'-]*\s+){1,4}(?:Street|Avenue|Road|Boulevard|Blvd\.|St\.|Ave\.|Rd\.|Drive|Lane)(?![\p{L}])/u,
    when: digitsOnly,
  },
  {
    // Bare digits ending a name: "la Clínica 25", "Unidad de Medicina Familiar 14", "Hospital
    // General de Zona 2" (after an article, or a name of two capitalised words not opening a
    // sentence); a place and its count ("en Oaxaca 30, Chiapas 45") is not a name.
    reason: "a number in a name (a unit's, a hospital's, a law's), not a figure",
    before:
      /(?:(?<![\p{L}])(?:[Ee]l|[Ll]as?|[Ll]os|[Tt]he|[Ss]us?|[Ii]ts|[Tt]heir|del|al) +|[\p{L}\p{N},;] +\p{Lu}[\p{L}.-]* +(?:(?:de|del|of|de la) +)?)\p{Lu}[\p{L}.-]* $/u,
    after:
      /^(?!\s*(?:%|[\p{L}]))|^\s+(?:de|del|y|o|e|en|a|al|and|or|in|of|to|at|on|inici[oó]|was|is|has|opened|abri[oó])\b/u,
    when: digitsOnly,
  },
  {
    reason: 'the whole of a ratio ("3 de cada 10", "one in every four"), not a count',
    before: /(?:\bde|\bof|\bin|\bout of)\s+(?:cada|every|each)\s+$/iu,
  },
  {
    reason: "an interval (every so often), not a count",
    before: /(?:\bcada|\bevery|\beach)\s+$/iu,
  },
  {
    reason: "a frequency (times a period), not a count",
    after:
      /^\s*(?:veces|vez|times?)\b|^\s*(?:each|every|cada)\s+(?:day|week|month|year|d[ií]a|semana|mes|año)/iu,
  },
  {
    reason: "an age, not a count",
    before:
      /(?:(?:\bmujer(?:es)?|\bhombres?|\bniñ[ao]s?|\bpersonas?|\badult[oa]s?|\badolescentes?|\bj[oó]venes|\bpacientes?|\bchild(?:ren)?|\bwom[ae]n|\bm[ae]n|\bpeople|\bpersons?|\badults?|\bpatients?|\bteenagers?|\bgirls?|\bboys?)(?:\s+(?:mayores|menores|over|under|older than|younger than|aged|between|entre))?|\bmayores|\bmenores)\s+(?:de\s+|of\s+)?$/iu,
    when: inYears,
  },
  {
    // Words that name an age whether or not "años"/"years" follows: "aged 50-69", "mayores de 18".
    reason: "an age, not a count",
    before:
      /(?:\bedad(?:es)?|\baged?|\bages|\bmayores de|\bmenores de)\s+(?:de\s+|between\s+|entre\s+)?$/iu,
    when: ageLike,
  },
  {
    reason: "an age, not a count",
    after:
      /^[\s-]*(?:olds?|of age|de edad|cumplidos|y más(?! de)|and (?:over|older)|or (?:over|older)|o más(?! de))(?![\p{L}])/iu,
    pastUnit: true,
    when: inYears,
  },
  {
    reason: "a range of ages or of years, not a count",
    when: (n, closesRange) => closesRange && inYears(n),
  },
  {
    reason: "a time elapsed or a duration in years, not a count",
    before:
      /(?:\bhace|\bdesde hace|\bdurante|\bduring|\bwithin|\bnext|\bpast|\blast|\bfollowing|\bcoming|\bpr[oó]ximos|\b[uú]ltimos|\bsiguientes)\s+$/iu,
    when: inYears,
  },
  {
    reason: "a time elapsed or a duration in years, not a count",
    after: /^\s*(?:ago|atr[aá]s)\b/iu,
    pastUnit: true,
    when: inYears,
  },
  {
    reason: "a duration in decades or centuries, not a count",
    after: /^\s*(?:d[eé]cadas?|decades?|siglos?|century|centuries|lustros?|sexenios?)\b/iu,
  },
  {
    reason: 'a count of things already named ("the two states"), not a figure',
    before: /(?:\blos|\blas|\bthe|\bthese|\bthose|\bestos|\bestas|\besos|\besas)\s+$/iu,
    // "the three new hospitals", "las dos nuevas clínicas" announce what is counted: a figure.
    after: /^\s+(?!(?:new|nuev[oa]s|additional|adicionales|more|m[aá]s|other|otr[oa]s)\b)/iu,
    when: (n) => /^\p{L}+$/u.test(n.raw) && (n.value ?? 0) <= 12,
  },
];

/**
 * The numbers (kind "number") that a cue says are not figures, with why. A number that opens a
 * range ("de 40 a 69 años", "from 7 a.m. to 3 p.m.") takes the reason of the number closing it.
 */
export function skipsByCue(text: string, numbers: ParsedNumber[]): Map<ParsedNumber, string> {
  const cued = new Map<ParsedNumber, string>();
  let phraseStart = 0;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] as ParsedNumber;
    const prev = numbers[i - 1];
    const from = n.qualifierStart ?? n.start;
    if (!(prev && !prev.unit && RANGE_LINK.test(text.slice(prev.end, from)))) phraseStart = from;
    if (n.kind !== "number") continue;
    const reason = reasonOf(text, n, phraseStart);
    if (reason) cued.set(n, reason);
  }
  for (let i = numbers.length - 2; i >= 0; i--) {
    const n = numbers[i] as ParsedNumber;
    const next = numbers[i + 1] as ParsedNumber;
    const reason = cued.get(next) ?? durationOf(next);
    if (n.kind !== "number" || n.unit || cued.has(n) || !reason) continue;
    if (RANGE_LINK.test(text.slice(n.end, next.qualifierStart ?? next.start))) cued.set(n, reason);
  }
  return cued;
}

function reasonOf(text: string, n: ParsedNumber, phraseStart: number): string | undefined {
  const before = text.slice(Math.max(0, phraseStart - WINDOW), phraseStart);
  const near = text.slice(Math.max(0, n.start - WINDOW), n.start);
  const after = text.slice(n.end, n.end + WINDOW);
  const pastUnit = after.replace(UNIT_AFTER, "");
  for (const rule of RULES) {
    if (rule.when && !rule.when(n, phraseStart < (n.qualifierStart ?? n.start))) continue;
    if (rule.before && !rule.before.test(before) && !rule.before.test(near)) continue;
    if (rule.after && !rule.after.test(rule.pastUnit ? pastUnit : after)) continue;
    return rule.reason;
  }
  return undefined;
}

/** The reason a number's own unit gives: a duration or a schedule in hours, days, weeks or months. */
export function durationOf(n: ParsedNumber): string | undefined {
  return n.unit && ["hours", "days", "weeks", "months"].includes(n.unit)
    ? `a duration or a schedule (${n.raw} ${n.unit}), not a count`
    : undefined;
}
