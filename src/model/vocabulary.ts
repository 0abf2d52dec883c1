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

/** Writes each `NAME: [value, description]` entry as the `{ value, description }` Pothos takes. */
function vocabulary<E extends Readonly<Record<string, readonly [string, string]>>>(
  entries: E,
): { readonly [K in keyof E]: { readonly value: E[K][0]; readonly description: E[K][1] } } {
  const pairs = Object.entries(entries).map(([name, [value, description]]) => [
    name,
    { value, description },
  ]);
  return Object.fromEntries(pairs) as never;
}

/** A vocabulary's API names in their order (the explorer's choices of a GraphQL enum). */
export function namesOf<V extends Vocabulary>(vocabulary: V): readonly (keyof V & string)[] {
  return Object.keys(vocabulary);
}

/** A vocabulary's values in their order (for `z.enum` and for listing every value). */
function valuesOf<V extends Vocabulary>(vocabulary: V): readonly [ValueOf<V>, ...ValueOf<V>[]] {
  return Object.values(vocabulary).map((entry) => entry.value) as [ValueOf<V>, ...ValueOf<V>[]];
}

export const UNIT = vocabulary({
  COUNT: ["count", "A number of things or events."],
  PEOPLE: ["people", "A number of people."],
  JOBS: ["jobs", "A number of jobs (affiliations)."],
  PESOS: ["pesos", "Mexican pesos."],
  PESOS_PER_DAY: ["pesos-per-day", "Mexican pesos per day (a daily salary)."],
  YEARS: ["years", "Years."],
  PERCENT: ["percent", "A percentage: a share of a total, or progress towards a target."],
} as const);
export const UNITS = valuesOf(UNIT);
export type Unit = ValueOf<typeof UNIT>;

export const STATISTIC = vocabulary({
  DAILY_AVERAGE: ["daily-average", "On a typical (average) day of the period."],
  TOTAL: ["total", "A sum over the period."],
  INCREASE: ["increase", "Growth over the period it is compared with."],
  STOCK: ["stock", "A count standing at the end of the period."],
  CUMULATIVE: ["cumulative", "A running total from the period's start to its end."],
  TARGET: ["target", "A goal set for the period: what is to be reached, not what was."],
} as const);
export const STATISTICS = valuesOf(STATISTIC);
export type Statistic = ValueOf<typeof STATISTIC>;

export const QUALIFIER = vocabulary({
  EXACT: ["exact", "Stated as an exact number."],
  MORE_THAN: ["more-than", '"More than": a lower bound.'],
  JUST_OVER: ["just-over", '"Just over": a lower bound close to the value.'],
  ABOUT: ["about", '"Some", "about": an approximation.'],
} as const);
export const QUALIFIERS = valuesOf(QUALIFIER);
export type Qualifier = ValueOf<typeof QUALIFIER>;

/** How a list of facts is ordered (ties broken by key). */
export const FACT_ORDER = vocabulary({
  KEY: ["KEY", "By key."],
  VALUE_ASC: ["VALUE_ASC", "Smallest value first; facts without a value last."],
  VALUE_DESC: ["VALUE_DESC", "Largest value first; facts without a value last."],
} as const);
export type FactOrder = ValueOf<typeof FACT_ORDER>;

/** The kinds of entity, mapped to the graph's kind labels. */
export const ENTITY_KIND = vocabulary({
  ORGANIZATION: ["Organization", "The Institute and its units."],
  PROGRAM: ["Program", "Programs, strategies and their components."],
  FACILITY_TYPE: ["FacilityType", "Kinds of facility and the resources counted with them."],
  SERVICE: ["Service", "Consultations, procedures, studies, sessions, detections..."],
  CONDITION: ["Condition", "Diseases and health conditions."],
  PLACE: ["Place", "Countries, states and cities."],
  PERSON: ["Person", "People named in the sources."],
  TIME_PERIOD: ["TimePeriod", "Days, months, years and ranges the figures refer to."],
} as const);
export const ENTITY_KINDS = valuesOf(ENTITY_KIND);
export type EntityKind = ValueOf<typeof ENTITY_KIND>;

/** How a period is measured. */
export const GRANULARITY = vocabulary({
  DAY: ["day", "One calendar day (or a day up to which figures run)."],
  TYPICAL_DAY: ["typical-day", "An average day over a longer period."],
  MONTH: ["month", "A calendar month."],
  YEAR: ["year", "A calendar year."],
  RANGE: ["range", "Any other span of days."],
} as const);
export const GRANULARITIES = valuesOf(GRANULARITY);
export type Granularity = ValueOf<typeof GRANULARITY>;

/** The structural links between entities. */
export const RELATION_TYPE = vocabulary({
  RUNS: ["RUNS", "An organization runs a program."],
  OPERATES: [
    "OPERATES",
    "A program or organization operates facilities of a type (the count is a fact on the link).",
  ],
  PROVIDES: ["PROVIDES", "A facility type or program provides a service."],
  LOCATED_IN: ["LOCATED_IN", "Something is located in a place."],
  HOLDS_ROLE: [
    "HOLDS_ROLE",
    "A person holds a role at an organization (the role and period are on the link).",
  ],
  WITHIN: ["WITHIN", "A period lies within another; a place within another."],
  PART_OF: [
    "PART_OF",
    "A part belongs to its whole (a kind of bed to all beds, a directorate to the Institute).",
  ],
  ADDRESSES: ["ADDRESSES", "A program or service addresses a condition."],
  HAS_COMPONENT: ["HAS_COMPONENT", "A program has a component (a model, a sub-strategy)."],
} as const);
export const RELATION_TYPES = valuesOf(RELATION_TYPE);
export type RelationType = ValueOf<typeof RELATION_TYPE>;

/** The languages of the names and the sources. */
export const LANGUAGE = vocabulary({
  EN: ["en", "English."],
  ES: ["es", "Spanish (español)."],
} as const);
export const LANGUAGES = valuesOf(LANGUAGE);
export type Language = ValueOf<typeof LANGUAGE>;

/** What a label is to its entity. */
export const LABEL_KIND = vocabulary({
  PREFERRED: ["preferred", "The name to show in its language."],
  ALIAS: ["alias", "Another name or spelling (a plural, a variant)."],
  ACRONYM: ["acronym", "An acronym (UMF, IMSS, MARSS...)."],
} as const);
export const LABEL_KINDS = valuesOf(LABEL_KIND);
export type LabelKind = ValueOf<typeof LABEL_KIND>;

/** Where a label comes from. */
export const LABEL_SOURCE = vocabulary({
  TEXT: ["text", "The words occur in a source document (`document`)."],
  CURATED: ["curated", "A translation or a descriptive name given by the curators."],
} as const);
export const LABEL_SOURCES = valuesOf(LABEL_SOURCE);
export type LabelSource = ValueOf<typeof LABEL_SOURCE>;

/** What facts can be grouped by (`factGroups`' `groupBy`), in the order a group's keys are listed. */
export const FACT_GROUP_BY = vocabulary({
  ABOUT: ["about", "The entity the facts are about."],
  SCOPE: ["scope", "The entity they are scoped to (none: its own group)."],
  VARIABLE: ["variable", "What they measure."],
  PERIOD: ["period", "The period they refer to."],
  STATISTIC: ["statistic", "What kind of statistic they are."],
  UNIT: ["unit", "Their unit (always part of the grouping)."],
  DOCUMENT: [
    "document",
    "A document they cite: a fact citing two documents is in both groups (one citing none: its own group).",
  ],
  ABOUT_KIND: ["aboutKind", "The kind of the entity they are about."],
} as const);
export const FACT_GROUP_KEYS = valuesOf(FACT_GROUP_BY);
export type FactGroupKey = ValueOf<typeof FACT_GROUP_BY>;
