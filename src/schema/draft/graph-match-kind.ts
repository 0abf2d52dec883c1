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
    RESTATES: {
      value: "restates",
      description:
        "The same value for the same thing in another period: a new fact that restates that one.",
    },
    CHANGED: {
      value: "changed",
      description:
        "Another value for the same thing in another period: a new fact, changed from that one.",
    },
  } as const,
});
