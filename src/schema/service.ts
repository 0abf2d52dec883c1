import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const Service = defineEntity(
  "Service",
  "A counted service: a kind of consultation, procedure, study, session, detection, transplant or discharge.",
);

builder.objectFields(Service, (t) => ({
  providedBy: relationField(t, "The facility types and programs that provide it.", {
    types: ["PROVIDES"],
    direction: "IN",
  }),
  conditions: relationField(t, "The conditions it addresses.", {
    types: ["ADDRESSES"],
    direction: "OUT",
  }),
}));
