import { builder } from "../builder.js";
import { GRANULARITY } from "../model/vocabulary.js";
import { type EntityRow, entityDetails } from "../loaders/entities.js";
import { defineEntity } from "./define-entity.js";
import { TimePeriod } from "./refs.js";
import { relationField } from "./entity-relation.js";
import { factsField } from "./fact-connection.js";

defineEntity(
  "TimePeriod",
  "A period the figures refer to (a typical day of 2021, the year 2020, 1 April to 25 December 2021, ...).",
  TimePeriod,
);

export const Granularity = builder.enumType("Granularity", {
  description: "How a period is measured.",
  values: GRANULARITY,
});

builder.objectFields(TimePeriod, (t) => ({
  start: t.string({
    description: "First day (YYYY-MM-DD).",
    resolve: async (row, _args, ctx) => (await entityDetails(ctx.db, row)).start ?? "",
  }),
  end: t.string({
    description: "Last day (YYYY-MM-DD).",
    resolve: async (row, _args, ctx) => (await entityDetails(ctx.db, row)).end ?? "",
  }),
  granularity: t.field({
    type: Granularity,
    description: "How the period is measured.",
    resolve: async (row, _args, ctx) => (await entityDetails(ctx.db, row)).granularity ?? "range",
  }),
  within: relationField(t, "The periods it lies within.", { types: ["WITHIN"], direction: "OUT" }),
  contains: relationField(t, "The periods that lie within it.", {
    types: ["WITHIN"],
    direction: "IN",
  }),
  periodFacts: factsField<EntityRow>(
    t,
    "The facts that refer to exactly this period.",
    "PERIOD",
    (row: EntityRow) => row.key,
  ),
}));
