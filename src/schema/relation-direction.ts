import { builder } from "../builder.js";

export const RelationDirection = builder.enumType("RelationDirection", {
  description: "Which way a link points, seen from the entity it is asked of.",
  values: {
    OUT: {
      value: "OUT",
      description: "From this entity to the other (e.g. a program OPERATES a facility type).",
    },
    IN: { value: "IN", description: "From the other entity to this one." },
    BOTH: { value: "BOTH", description: "Either way (only as an argument)." },
  },
});
