import { builder } from "../builder.js";
import { FACT_ORDER, QUALIFIER, STATISTIC, UNIT } from "../model/vocabulary.js";

/** The enums that describe a fact's figure, their values those of the domain model. */

export const Unit = builder.enumType("Unit", {
  description: "The unit of a figure.",
  values: UNIT,
});

export const Statistic = builder.enumType("Statistic", {
  description: "What kind of statistic a figure is.",
  values: STATISTIC,
});

export const Qualifier = builder.enumType("Qualifier", {
  description: "How exactly the source states the figure.",
  values: QUALIFIER,
});

export const FactOrder = builder.enumType("FactOrder", {
  description: "How a list of facts is ordered (ties broken by key).",
  values: FACT_ORDER,
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
