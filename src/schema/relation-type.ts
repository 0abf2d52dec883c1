import { builder } from "../builder.js";
import { RELATION_TYPES } from "../model/vocabulary.js";

const DESCRIPTIONS: Record<(typeof RELATION_TYPES)[number], string> = {
  RUNS: "An organization runs a program.",
  OPERATES:
    "A program or organization operates facilities of a type (the count is a fact on the link).",
  PROVIDES: "A facility type or program provides a service.",
  LOCATED_IN: "Something is located in a place.",
  HOLDS_ROLE: "A person holds a role at an organization (the role and period are on the link).",
  WITHIN: "A period lies within another; a place within another.",
  PART_OF:
    "A part belongs to its whole (a kind of bed to all beds, a directorate to the Institute).",
  ADDRESSES: "A program or service addresses a condition.",
  HAS_COMPONENT: "A program has a component (a model, a sub-strategy).",
};

export const RelationType = builder.enumType("RelationType", {
  description: "The structural links between entities.",
  values: Object.fromEntries(
    RELATION_TYPES.map((t) => [t, { value: t, description: DESCRIPTIONS[t] }]),
  ),
});
