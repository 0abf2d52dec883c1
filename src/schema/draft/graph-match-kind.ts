import { builder } from "../../builder.js";

export const GraphMatchKind = builder.enumType("GraphMatchKind", {
  description: "What the graph already says about a drafted figure.",
  values: {
    NEW: { value: "new", description: "Nothing: a new fact." },
    CORROBORATES: {
      value: "corroborates",
      description: "The same value for the same thing and period: a new citation of that fact.",
    },
    CONFLICTS: {
      value: "conflicts",
      description: "Another value for the same thing and period: a conflict with that fact.",
    },
    LATER_PERIOD: {
      value: "later-period",
      description: "A value for the same thing in another period: a new fact beside that one.",
    },
  } as const,
});
