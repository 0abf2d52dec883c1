/**
 * The closed lists of the domain, each written once with its descriptions, keyed by its name in
 * the API: the GraphQL enums (`src/schema`) take them as their values, the seed format's zod types
 * (`seed-file.ts`) their `value`s, and the explorer (`web/src/format.ts`) their names.
 */

/** A closed list: API name → the value stored in the graph and the seeds, with its meaning. */
type Vocabulary = Readonly<
  Record<string, { readonly value: string; readonly description: string }>
>;

/** The values of a vocabulary, as stored in the graph and written in the seeds. */
export type ValueOf<V extends Vocabulary> = V[keyof V]["value"];

/** A vocabulary's values in their order (for `z.enum` and for listing every value). */
function valuesOf<V extends Vocabulary>(vocabulary: V): readonly [ValueOf<V>, ...ValueOf<V>[]] {
  return Object.values(vocabulary).map((entry) => entry.value) as [ValueOf<V>, ...ValueOf<V>[]];
}

export const UNIT = {
  COUNT: { value: "count", description: "A number of things or events." },
  PEOPLE: { value: "people", description: "A number of people." },
  JOBS: { value: "jobs", description: "A number of jobs (affiliations)." },
  PESOS: { value: "pesos", description: "Mexican pesos." },
  PESOS_PER_DAY: { value: "pesos-per-day", description: "Mexican pesos per day (a daily salary)." },
  YEARS: { value: "years", description: "Years." },
} as const;
export const UNITS = valuesOf(UNIT);
export type Unit = ValueOf<typeof UNIT>;

export const STATISTIC = {
  DAILY_AVERAGE: {
    value: "daily-average",
    description: "On a typical (average) day of the period.",
  },
  TOTAL: { value: "total", description: "A sum over the period." },
  INCREASE: { value: "increase", description: "Growth over the period it is compared with." },
  STOCK: { value: "stock", description: "A count standing at the end of the period." },
  CUMULATIVE: {
    value: "cumulative",
    description: "A running total from the period's start to its end.",
  },
} as const;
export const STATISTICS = valuesOf(STATISTIC);
export type Statistic = ValueOf<typeof STATISTIC>;

export const QUALIFIER = {
  EXACT: { value: "exact", description: "Stated as an exact number." },
  MORE_THAN: { value: "more-than", description: '"More than": a lower bound.' },
  JUST_OVER: { value: "just-over", description: '"Just over": a lower bound close to the value.' },
  ABOUT: { value: "about", description: '"Some", "about": an approximation.' },
} as const;
export const QUALIFIERS = valuesOf(QUALIFIER);
export type Qualifier = ValueOf<typeof QUALIFIER>;

/** How a list of facts is ordered (ties broken by key). */
export const FACT_ORDER = {
  KEY: { value: "KEY", description: "By key." },
  VALUE_ASC: {
    value: "VALUE_ASC",
    description: "Smallest value first; facts without a value last.",
  },
  VALUE_DESC: {
    value: "VALUE_DESC",
    description: "Largest value first; facts without a value last.",
  },
} as const;
export type FactOrder = ValueOf<typeof FACT_ORDER>;

/** The kinds of entity, mapped to the graph's kind labels. */
export const ENTITY_KIND = {
  ORGANIZATION: { value: "Organization", description: "The Institute and its units." },
  PROGRAM: { value: "Program", description: "Programs, strategies and their components." },
  FACILITY_TYPE: {
    value: "FacilityType",
    description: "Kinds of facility and the resources counted with them.",
  },
  SERVICE: {
    value: "Service",
    description: "Consultations, procedures, studies, sessions, detections...",
  },
  CONDITION: { value: "Condition", description: "Diseases and health conditions." },
  PLACE: { value: "Place", description: "Countries, states and cities." },
  PERSON: { value: "Person", description: "People named in the sources." },
  TIME_PERIOD: {
    value: "TimePeriod",
    description: "Days, months, years and ranges the figures refer to.",
  },
} as const;
export const ENTITY_KINDS = valuesOf(ENTITY_KIND);
export type EntityKind = ValueOf<typeof ENTITY_KIND>;

/** How a period is measured. */
export const GRANULARITY = {
  DAY: { value: "day", description: "One calendar day (or a day up to which figures run)." },
  TYPICAL_DAY: { value: "typical-day", description: "An average day over a longer period." },
  MONTH: { value: "month", description: "A calendar month." },
  YEAR: { value: "year", description: "A calendar year." },
  RANGE: { value: "range", description: "Any other span of days." },
} as const;
export const GRANULARITIES = valuesOf(GRANULARITY);
export type Granularity = ValueOf<typeof GRANULARITY>;

/** The structural links between entities. */
export const RELATION_TYPE = {
  RUNS: { value: "RUNS", description: "An organization runs a program." },
  OPERATES: {
    value: "OPERATES",
    description:
      "A program or organization operates facilities of a type (the count is a fact on the link).",
  },
  PROVIDES: { value: "PROVIDES", description: "A facility type or program provides a service." },
  LOCATED_IN: { value: "LOCATED_IN", description: "Something is located in a place." },
  HOLDS_ROLE: {
    value: "HOLDS_ROLE",
    description: "A person holds a role at an organization (the role and period are on the link).",
  },
  WITHIN: {
    value: "WITHIN",
    description: "A period lies within another; a place within another.",
  },
  PART_OF: {
    value: "PART_OF",
    description:
      "A part belongs to its whole (a kind of bed to all beds, a directorate to the Institute).",
  },
  ADDRESSES: { value: "ADDRESSES", description: "A program or service addresses a condition." },
  HAS_COMPONENT: {
    value: "HAS_COMPONENT",
    description: "A program has a component (a model, a sub-strategy).",
  },
} as const;
export const RELATION_TYPES = valuesOf(RELATION_TYPE);
export type RelationType = ValueOf<typeof RELATION_TYPE>;

/** The languages of the names and the sources. */
export const LANGUAGE = {
  EN: { value: "en", description: "English." },
  ES: { value: "es", description: "Spanish (español)." },
} as const;
export const LANGUAGES = valuesOf(LANGUAGE);
export type Language = ValueOf<typeof LANGUAGE>;

/** What a label is to its entity. */
export const LABEL_KIND = {
  PREFERRED: { value: "preferred", description: "The name to show in its language." },
  ALIAS: { value: "alias", description: "Another name or spelling (a plural, a variant)." },
  ACRONYM: { value: "acronym", description: "An acronym (UMF, IMSS, MARSS...)." },
} as const;
export const LABEL_KINDS = valuesOf(LABEL_KIND);
export type LabelKind = ValueOf<typeof LABEL_KIND>;

/** Where a label comes from. */
export const LABEL_SOURCE = {
  TEXT: { value: "text", description: "The words occur in a source document (`document`)." },
  CURATED: {
    value: "curated",
    description: "A translation or a descriptive name given by the curators.",
  },
} as const;
export const LABEL_SOURCES = valuesOf(LABEL_SOURCE);
export type LabelSource = ValueOf<typeof LABEL_SOURCE>;
