import { builder } from "../builder.js";
import type { FactFilter as FactFilterShape } from "../loaders/facts.js";
import { Statistic } from "./fact-enums.js";

export const FactFilter = builder.inputType("FactFilter", {
  description: "Narrows a list of facts; all given conditions must hold.",
  fields: (t) => ({
    variable: t.string({ required: false, description: "The key of the variable measured." }),
    about: t.string({ required: false, description: "The key of the entity the facts are about." }),
    scope: t.string({
      required: false,
      description: "The key of the program/organization the facts are scoped to.",
    }),
    period: t.string({
      required: false,
      description: "The key of a period: facts of that period or of periods within it.",
    }),
    document: t.string({
      required: false,
      description: "The id of a document that a citation of the fact quotes.",
    }),
    statistic: t.field({
      type: Statistic,
      required: false,
      description: "Only this kind of statistic.",
    }),
    garbled: t.boolean({
      required: false,
      description: "Only facts with (true) or without (false) a garbled citation.",
    }),
    includeDeprecated: t.boolean({
      required: false,
      defaultValue: false,
      description: "Include deprecated facts (hidden by default).",
    }),
  }),
});

type FactFilterInput =
  | {
      variable?: string | null;
      about?: string | null;
      scope?: string | null;
      period?: string | null;
      document?: string | null;
      statistic?: string | null;
      garbled?: boolean | null;
      includeDeprecated?: boolean | null;
    }
  | null
  | undefined;

export function factFilter(input: FactFilterInput): FactFilterShape {
  return {
    variable: input?.variable ?? null,
    about: input?.about ?? null,
    scope: input?.scope ?? null,
    period: input?.period ?? null,
    document: input?.document ?? null,
    statistic: input?.statistic ?? null,
    garbled: input?.garbled ?? null,
    includeDeprecated: input?.includeDeprecated ?? false,
  };
}
