import { builder } from "../builder.js";
import { keyFrom, keyOrId, optionalKeyFrom } from "../global-id.js";
import { notFound } from "../input-error.js";
import { allVariables, loadVariables, type VariableRow } from "../loaders/documents.js";
import { Variable } from "./refs.js";
import { factStats } from "../loaders/facts.js";
import { factsField } from "./fact-connection.js";
import { Unit } from "./fact-enums.js";
import { nameFields } from "./label.js";

Variable.implement({
  description: "What a fact measures (e.g. services delivered, facilities), with its unit.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key." }),
    ...nameFields<VariableRow>(
      t,
      "Its names in English and Spanish, each with where it comes from.",
      (v) => v,
    ),
    unit: t.expose("unit", { type: Unit, description: "The unit of its facts." }),
    description: t.exposeString("description", { description: "What it measures." }),
    facts: factsField<VariableRow>(
      t,
      "The facts that measure this variable.",
      "VARIABLE",
      (v: VariableRow) => v.key,
    ),
    stats: t.field({
      type: FactStats,
      description: "Count, sum, min and max of its facts' values (optionally about one entity).",
      args: {
        about: t.arg.string({
          required: false,
          description: "The key (or global id) of an entity.",
        }),
      },
      resolve: async (v, args, ctx) => {
        const about = optionalKeyFrom(args.about, "entity");
        const stats = await factStats(ctx.db, v.key, about);
        if (!stats.aboutFound)
          throw notFound("about", `no entity has ${keyOrId(args.about ?? "", about ?? "")}`);
        return stats;
      },
    }),
  }),
});

export const FactStats = builder
  .objectRef<{
    count: number;
    withValue: number;
    sum: number | null;
    min: number | null;
    max: number | null;
  }>("FactStats")
  .implement({
    description:
      "Aggregates over facts' values. Mixing statistics (daily averages with totals) is the caller's choice: filter first.",
    fields: (t) => ({
      count: t.exposeInt("count", { description: "How many facts." }),
      withValue: t.exposeInt("withValue", {
        description: "How many of them have a value (garbled ones may not).",
      }),
      sum: t.float({ nullable: true, description: "Sum of the values.", resolve: (s) => s.sum }),
      min: t.float({ nullable: true, description: "Smallest value.", resolve: (s) => s.min }),
      max: t.float({ nullable: true, description: "Largest value.", resolve: (s) => s.max }),
    }),
  });

builder.queryFields((t) => ({
  variables: t.field({
    type: [Variable],
    description: "Every variable the facts measure.",
    resolve: (_root, _args, ctx) => allVariables(ctx.db),
  }),
  variable: t.field({
    type: Variable,
    nullable: true,
    description:
      "The variable with this key (or global id); null, with a NOT_FOUND error, if none has it.",
    args: {
      key: t.arg.string({ required: true, description: "The variable's key (or global id)." }),
    },
    resolve: async (_root, args, ctx) => {
      const key = keyFrom(args.key, "variable");
      const [row] = await loadVariables(ctx.db, [key]);
      if (!row || row instanceof Error)
        throw notFound("key", `no variable has ${keyOrId(args.key, key)}`);
      return row;
    },
  }),
}));
