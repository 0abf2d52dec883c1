import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const Person = defineEntity(
  "Person",
  "A person named in the sources, such as the Institute's director general.",
);

builder.objectFields(Person, (t) => ({
  roles: relationField(t, "The roles held, with the organization, role and period on each link.", {
    types: ["HOLDS_ROLE"],
    direction: "OUT",
  }),
}));
