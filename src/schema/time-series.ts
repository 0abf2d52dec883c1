import { builder } from "../builder.js";
import { inputError } from "../input-error.js";
import { loadVariables } from "../loaders/documents.js";
import { factStats, timeSeries } from "../loaders/facts.js";
import { Fact } from "./fact.js";
import { FactStats } from "./variable.js";

/** The argument names a variable the graph holds, or the client is told which argument is wrong. */
async function requireVariable(
  db: Parameters<typeof loadVariables>[0],
  key: string,
): Promise<void> {
  const [found] = await loadVariables(db, [key]);
  if (!found || found instanceof Error)
    throw inputError("variable", `no variable has the key "${key}"`);
}

builder.queryFields((t) => ({
  timeSeries: t.field({
    type: [Fact],
    description:
      "The facts of one variable (optionally about one entity) in time order of their periods; read each fact's " +
      "`period`, `statistic` and `value`.",
    args: {
      variable: t.arg.string({ required: true, description: "The key of a variable." }),
      about: t.arg.string({ required: false, description: "The key of an entity." }),
    },
    resolve: async (_root, { variable, about }, ctx) => {
      await requireVariable(ctx.db, variable);
      return (await timeSeries(ctx.db, variable, about ?? null)).map((r) => r.key);
    },
  }),
  factStats: t.field({
    type: FactStats,
    description:
      "Count, sum, min and max over the facts of a variable (optionally about one entity).",
    args: {
      variable: t.arg.string({ required: true, description: "The key of a variable." }),
      about: t.arg.string({ required: false, description: "The key of an entity." }),
    },
    resolve: async (_root, { variable, about }, ctx) => {
      const stats = await factStats(ctx.db, variable, about ?? null);
      if (!stats.variableFound)
        throw inputError("variable", `no variable has the key "${variable}"`);
      if (!stats.aboutFound) throw inputError("about", `no entity has the key "${about}"`);
      return stats;
    },
  }),
}));
