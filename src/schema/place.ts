import { builder } from "../builder.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

export const Place = defineEntity(
  "Place",
  "A place: Mexico, its states, cities and the sites named in the sources.",
);

builder.objectFields(Place, (t) => ({
  within: relationField(t, "The places it lies within.", { types: ["WITHIN"], direction: "OUT" }),
  contains: relationField(t, "The places that lie within it.", {
    types: ["WITHIN"],
    direction: "IN",
  }),
  locatedHere: relationField(t, "Things located in it.", {
    types: ["LOCATED_IN"],
    direction: "IN",
  }),
}));
