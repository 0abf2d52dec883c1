import { builder } from "../builder.js";

/** The enums that describe a fact's figure. */

export const Unit = builder.enumType("Unit", {
  description: "The unit of a figure.",
  values: {
    COUNT: { value: "count", description: "A number of things or events." },
    PEOPLE: { value: "people", description: "A number of people." },
    JOBS: { value: "jobs", description: "A number of jobs (affiliations)." },
    PESOS: { value: "pesos", description: "Mexican pesos." },
    PESOS_PER_DAY: {
      value: "pesos-per-day",
      description: "Mexican pesos per day (a daily salary).",
    },
    YEARS: { value: "years", description: "Years." },
  },
});

export const Statistic = builder.enumType("Statistic", {
  description: "What kind of statistic a figure is.",
  values: {
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
  },
});

export const Qualifier = builder.enumType("Qualifier", {
  description: "How exactly the source states the figure.",
  values: {
    EXACT: { value: "exact", description: "Stated as an exact number." },
    MORE_THAN: { value: "more-than", description: '"More than": a lower bound.' },
    JUST_OVER: {
      value: "just-over",
      description: '"Just over": a lower bound close to the value.',
    },
    ABOUT: { value: "about", description: '"Some", "about": an approximation.' },
  },
});

export const FactOrder = builder.enumType("FactOrder", {
  description: "How a list of facts is ordered (ties broken by key).",
  values: {
    KEY: { value: "KEY", description: "By key." },
    VALUE_ASC: {
      value: "VALUE_ASC",
      description: "Smallest value first; facts without a value last.",
    },
    VALUE_DESC: {
      value: "VALUE_DESC",
      description: "Largest value first; facts without a value last.",
    },
  },
});

export const FactRole = builder.enumType("FactRole", {
  description: "How the facts of an entity relate to it.",
  values: {
    ABOUT: { value: "ABOUT", description: "Facts about the entity (it is what is counted)." },
    SCOPE: {
      value: "SCOPE",
      description: "Facts scoped to it (e.g. the facilities a program operates).",
    },
    ANY: { value: "ABOUT_OR_SCOPE", description: "Either." },
  },
});
