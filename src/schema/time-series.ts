import { builder, type Types } from "../builder.js";
import { keyFrom, keyOrId, optionalKeyFrom } from "../global-id.js";
import { notFound } from "../input-error.js";
import { factStats, timeSeries } from "../loaders/facts.js";
import { namedKeys, requireNamed } from "../loaders/named.js";
import { FactStats } from "./variable.js";
import { Fact } from "./refs.js";

/** The arguments of both fields: a variable, and optionally the entity its facts are about. */
function variableAndAbout(t: PothosSchemaTypes.QueryFieldBuilder<Types, object>) {
  return {
    variable: t.arg.string({
      required: true,
      description: "The key (or global id) of a variable.",
    }),
    about: t.arg.string({ required: false, description: "The key (or global id) of an entity." }),
  };
}

builder.queryFields((t) => ({
  timeSeries: t.field({
    type: [Fact],
    nullable: true,
    description:
      "The facts of one variable (optionally about one entity) in time order of their periods; read each fact's " +
      "`period`, `statistic`, `value` and `citations` (its sources), and `changedFrom`: where another release " +
      "stated another value for the same series, the earlier fact, with its own sources.",
    args: variableAndAbout(t),
    resolve: async (_root, args, ctx) => {
      const variable = keyFrom(args.variable, "variable");
      const about = optionalKeyFrom(args.about, "entity");
      const rows = await timeSeries(ctx.db, variable, about);
      if (rows.length === 0)
        await requireNamed(
          ctx.db,
          namedKeys(
            { argument: "variable", named: "variable", key: variable, given: args.variable },
            { argument: "about", named: "entity", key: about, given: args.about },
          ),
        );
      return rows.map((r) => r.key);
    },
  }),
  factStats: t.field({
    type: FactStats,
    nullable: true,
    description:
      "Count, sum, min and max over the facts of a variable (optionally about one entity).",
    args: variableAndAbout(t),
    resolve: async (_root, args, ctx) => {
      const variable = keyFrom(args.variable, "variable");
      const about = optionalKeyFrom(args.about, "entity");
      const stats = await factStats(ctx.db, variable, about);
      if (!stats.variableFound)
        throw notFound("variable", `no variable has ${keyOrId(args.variable, variable)}`);
      if (!stats.aboutFound)
        throw notFound("about", `no entity has ${keyOrId(args.about ?? "", about ?? "")}`);
      return stats;
    },
  }),
}));
