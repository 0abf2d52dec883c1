import { builder } from "../builder.js";
import { inputError } from "../input-error.js";
import { loadEntities } from "../loaders/entities.js";
import { defineEntity } from "./define-entity.js";
import { relationField } from "./entity-relation.js";

/** The key of the Institute itself. */
export const INSTITUTE_KEY = "imss";

export const Organization = defineEntity(
  "Organization",
  "An organization: the Institute (IMSS), its directorates, its state representations.",
);

builder.objectFields(Organization, (t) => ({
  programs: relationField(t, "The programs this organization runs.", {
    types: ["RUNS"],
    direction: "OUT",
  }),
  units: relationField(t, "Its parts (directorates, representations).", {
    types: ["PART_OF"],
    direction: "IN",
  }),
  people: relationField(t, "People holding a role at it, with the role and period on the link.", {
    types: ["HOLDS_ROLE"],
    direction: "IN",
  }),
}));

builder.queryField("institute", (t) =>
  t.field({
    type: Organization,
    description: "The Mexican Institute of Social Security (IMSS).",
    resolve: async (_root, _args, ctx) => {
      const [row] = await loadEntities(ctx.db, [INSTITUTE_KEY], "Organization");
      if (!row || row instanceof Error)
        throw inputError("institute", "the graph holds no Institute; load the seeds");
      return row;
    },
  }),
);
