import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const Program = defineEntity(
  "Program",
  "A program or strategy of the Institute (Ordinary Regime, IMSS-BIENESTAR, the recovery strategy, ...).",
);

builder.objectFields(Program, (t) => ({
  facilityTypes: relationField(
    t,
    "The facility types it operates; each link's `fact` is the count.",
    {
      types: ["OPERATES"],
      direction: "OUT",
    },
  ),
  services: relationField(t, "The services it provides.", {
    types: ["PROVIDES"],
    direction: "OUT",
  }),
  runBy: relationField(t, "The organization that runs it.", { types: ["RUNS"], direction: "IN" }),
  components: relationField(
    t,
    "Its components (a care model, sub-strategies such as the National Days).",
    {
      types: ["HAS_COMPONENT"],
      direction: "OUT",
    },
  ),
  partOf: relationField(t, "The programs it is a component of.", {
    types: ["HAS_COMPONENT"],
    direction: "IN",
  }),
}));
