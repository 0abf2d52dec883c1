import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const FacilityType = defineEntity(
  "FacilityType",
  "A kind of facility (UMF, UMAE, rural hospital, ...) or a resource counted with them (consulting rooms, beds).",
);

builder.objectFields(FacilityType, (t) => ({
  operatedBy: relationField(t, "The programs that operate it; each link's `fact` is the count.", {
    types: ["OPERATES"],
    direction: "IN",
  }),
  services: relationField(t, "The services it provides.", {
    types: ["PROVIDES"],
    direction: "OUT",
  }),
  parts: relationField(t, "Its parts (e.g. the kinds of bed that make all beds).", {
    types: ["PART_OF"],
    direction: "IN",
  }),
  partOf: relationField(t, "The whole it is part of.", { types: ["PART_OF"], direction: "OUT" }),
}));
