import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const Condition = defineEntity(
  "Condition",
  "A disease or health condition (COVID-19, diabetes, ...).",
);

builder.objectFields(Condition, (t) => ({
  addressedBy: relationField(t, "The services and programs that address it.", {
    types: ["ADDRESSES"],
    direction: "IN",
  }),
}));
