import { builder } from "../../builder.js";
import { Qualifier, Statistic, Unit } from "../fact-enums.js";
import { CitationInput } from "./citation-input.js";

export const FactInput = builder.inputType("FactInput", {
  description:
    "A new fact: a figure, what it measures, about what, when, and the words that state it.",
  fields: (t) => ({
    key: t.string({ required: true, description: "Stable key (must be new)." }),
    variable: t.string({ required: true, description: "The key of the variable measured." }),
    about: t.string({ required: true, description: "The key of the entity the figure is about." }),
    scope: t.string({
      required: false,
      description: "The key of the program/organization it is scoped to.",
    }),
    period: t.string({ required: true, description: "The key of the TimePeriod." }),
    comparedTo: t.string({
      required: false,
      description: "For an increase: the key of the period compared with.",
    }),
    statistic: t.field({ type: Statistic, required: true, description: "The kind of statistic." }),
    value: t.float({
      required: false,
      description: "The value; null only when every citation is garbled.",
    }),
    unit: t.field({
      type: Unit,
      required: true,
      description: "The unit (must be the variable's).",
    }),
    qualifier: t.field({
      type: Qualifier,
      required: false,
      description: "EXACT unless the words qualify it.",
    }),
    note: t.string({ required: false, description: "A curator's note." }),
    citations: t.field({
      type: [CitationInput],
      required: true,
      description: "At least one citation.",
    }),
  }),
});
