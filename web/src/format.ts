import type { QUALIFIER, STATISTIC, UNIT } from "../../src/model/vocabulary.js";

// Numbers for reading: 1,531; 83.2 million people; 382,000 million pesos.
export type Unit = keyof typeof UNIT;
export type Qualifier = keyof typeof QUALIFIER;
export type Statistic = keyof typeof STATISTIC;

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** The bare number: 1,531 or 83.2 million (millions only when that loses nothing). */
export function formatNumber(value: number | null | undefined, unit?: Unit): string {
  if (value === null || value === undefined) return "—";
  if (unit === "PESOS" && Math.abs(value) >= 1e6) {
    return `${decimal.format(value / 1e6)} million`;
  }
  if (Math.abs(value) >= 1e6 && Math.round(value) % 10_000 === 0) {
    return `${decimal.format(value / 1e6)} million`;
  }
  if (unit === "PESOS_PER_DAY" && !Number.isInteger(value)) return money.format(value);
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

const unitWords: Record<Unit, [singular: string, plural: string]> = {
  COUNT: ["", ""],
  JOBS: ["job", "jobs"],
  PEOPLE: ["person", "people"],
  PESOS: ["peso", "pesos"],
  PESOS_PER_DAY: ["peso a day", "pesos a day"],
  YEARS: ["year", "years"],
  PERCENT: ["%", "%"],
};

/** The number with its unit: "83.2 million people", "382,000 million pesos", "1,531", "73%". */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  const number = formatNumber(value, unit);
  if (value === null || value === undefined) return number;
  if (unit === "PERCENT") return `${number}%`;
  const [one, many] = unitWords[unit];
  const word = value === 1 ? one : many;
  return word ? `${number} ${word}` : number;
}

const qualifierWords: Record<Qualifier, string> = {
  ABOUT: "about",
  EXACT: "",
  JUST_OVER: "just over",
  MORE_THAN: "more than",
};

export function qualifierText(qualifiers: readonly Qualifier[]): string {
  return qualifiers
    .map((q) => qualifierWords[q])
    .filter(Boolean)
    .join(", ");
}

/** "just over 404,500", "more than 1,500 people". */
export function formatFact(fact: {
  value: number | null;
  unit: Unit;
  qualifiers: readonly Qualifier[];
}): string {
  const q = qualifierText(fact.qualifiers);
  const v = formatValue(fact.value, fact.unit);
  return q ? `${q} ${v}` : v;
}

const statisticWords: Record<Statistic, string> = {
  CUMULATIVE: "cumulative",
  DAILY_AVERAGE: "daily average",
  INCREASE: "increase",
  STOCK: "count at end",
  TOTAL: "total",
  TARGET: "target",
};

export function statisticText(statistic: Statistic): string {
  return statisticWords[statistic];
}

/** FACILITY_TYPE → "Facility type". */
export function kindText(kind: string): string {
  const words = kind.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** OPERATES → "operates", PART_OF → "part of". */
export function relationText(type: string): string {
  return type.toLowerCase().replace(/_/g, " ");
}
