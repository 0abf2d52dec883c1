import { builder } from "../../builder.js";
import { EntityKind } from "../entity-kind.js";
import { LabelInput } from "../label.js";
import { Granularity } from "../time-period.js";

export const EntityInput = builder.inputType("EntityInput", {
  description: "An entity to add, or (same key) the new names and description of an existing one.",
  fields: (t) => ({
    key: t.string({
      required: true,
      description: "Stable key: lower-case words joined by hyphens.",
    }),
    kind: t.field({
      type: EntityKind,
      required: true,
      description: "Its kind (cannot change once set).",
    }),
    name: t.string({ required: true, description: "Its preferred name in English." }),
    labels: t.field({
      type: [LabelInput],
      required: true,
      description:
        "Its other names: a preferred one in Spanish (required), aliases and acronyms in either language.",
    }),
    description: t.string({ required: true, description: "A short description." }),
    start: t.string({ required: false, description: "TimePeriod only: first day (YYYY-MM-DD)." }),
    end: t.string({ required: false, description: "TimePeriod only: last day (YYYY-MM-DD)." }),
    granularity: t.field({ type: Granularity, required: false, description: "TimePeriod only." }),
  }),
});
