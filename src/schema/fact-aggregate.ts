import { GraphQLError } from "graphql";
import { builder } from "../builder.js";
import { graphqlName } from "../export/export-rows.js";
import { type FactAggregateRow, factAggregate } from "../loaders/fact-aggregate.js";
import { Unit } from "./fact-enums.js";
import { connectionWhere, FactConnection } from "./fact-connection.js";

/** `FactConnection.aggregate`: the aggregates of every fact a list's where selects. */

type ValueField = "sum" | "avg" | "min" | "max";

/**
 * A GraphQL error when `statistics` mix targets with what was reached (their values are never
 * added together), naming the field and how to pick one or the other.
 */
export function refuseMixedTargets(statistics: readonly string[], field: string): void {
  if (!statistics.includes("target") || statistics.length <= 1) return;
  throw new GraphQLError(
    `Field "${field}": the facts mix targets (goals) with what was reached, which are never ` +
      `added together: add statistic: { eq: TARGET } to where, or NOT: { statistic: { eq: TARGET } }` +
      (field.startsWith("aggregate") ? "" : ", or group by STATISTIC"),
    { extensions: { code: "BAD_USER_INPUT", field } },
  );
}

/**
 * The aggregate `field`, or (when the facts have several units, or mix targets with what was
 * reached) an error saying how to pick one.
 */
function ofOneUnit(row: FactAggregateRow, field: ValueField): number | null {
  refuseMixedTargets(row.statistics, `aggregate.${field}`);
  if (row.units.length <= 1) return row[field];
  const units = row.units.map(graphqlName);
  throw new GraphQLError(
    `Field "aggregate.${field}": the facts have several units (${units.join(", ")}), which are never ` +
      `added together: add unit: { eq: ${units[0]} } to where (or one of the others).`,
    { extensions: { code: "BAD_USER_INPUT", field: `aggregate.${field}`, units } },
  );
}

const FactAggregate = builder.objectRef<FactAggregateRow>("FactAggregate").implement({
  description:
    "Aggregates over every fact the list's where selects (not one page). Values of different units, or targets and what was reached, are never added: with several units, or targets among other statistics, sum, avg, min and max are null, with an error.",
  fields: (t) => {
    const value = (field: ValueField, description: string) =>
      t.float({
        nullable: true,
        description,
        resolve: (row) => ofOneUnit(row, field),
      });
    return {
      count: t.exposeInt("count", { description: "How many facts." }),
      withValue: t.exposeInt("withValue", {
        description: "How many of them have a value (garbled ones may not).",
      }),
      units: t.field({
        type: [Unit],
        description: "The units of their values.",
        resolve: (row) => row.units,
      }),
      sum: value("sum", "Sum of the values (null with several units, targets mixed, or no value)."),
      avg: value("avg", "Average value (null with several units, targets mixed, or no value)."),
      min: value("min", "Smallest value (null with several units, targets mixed, or no value)."),
      max: value("max", "Largest value (null with several units, targets mixed, or no value)."),
    };
  },
});

builder.objectField(FactConnection, "aggregate", (t) =>
  t.field({
    type: FactAggregate,
    description: "Aggregates over every fact of the list (its where), not just this page.",
    resolve: (connection, _args, ctx) => factAggregate(ctx.db, connectionWhere(connection)),
  }),
);
