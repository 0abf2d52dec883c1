import { builder } from "../builder.js";
import { optionalKeyFrom } from "../global-id.js";
import { namedKeys, requireNamed } from "../loaders/named.js";
import { changeOfFact, type ValueChangeRow, valueChangesPage } from "../loaders/value-changes.js";
import { pageQuery, toPage } from "../pagination.js";
import { Fact } from "./refs.js";

/**
 * Changes between releases: where a later document states another value than an earlier one
 * for the same series (entity, variable, statistic, scope, unit), each with its own sources. Which
 * statistics and periods are compared is src/model/check/value-changes.ts's rule: stocks at any
 * two dates, cumulatives from one start, daily averages of like periods; never totals (the
 * monthly series of a national-scale graph), increases or targets.
 */

export const ValueChange = builder.objectRef<ValueChangeRow>("ValueChange").implement({
  description:
    "A value that changed between releases: the earlier fact and the later one of the same series (entity, " +
    "variable, statistic, scope and unit), at comparable periods, stated by different documents. Each fact's " +
    "`citations` are its sources.",
  fields: (t) => ({
    from: t.expose("from", {
      type: Fact,
      description: "The earlier fact (its value, period, sources).",
    }),
    to: t.expose("to", { type: Fact, description: "The later fact (its value, period, sources)." }),
    difference: t.float({
      description: "The later value minus the earlier one.",
      resolve: (c) => c.toValue - c.fromValue,
    }),
  }),
});

const ValueChangeConnection = builder.connectionObject(
  {
    type: ValueChange,
    name: "ValueChangeConnection",
    description: "A page of changes between releases, newest first (by the later fact's period).",
    edgesField: { description: "The changes of this page." },
  },
  {
    name: "ValueChangeEdge",
    description: "A change between releases in a page.",
    nodeField: { description: "The change." },
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this change.",
      }),
    }),
  },
);

builder.queryField("valueChanges", (t) =>
  t.field({
    type: ValueChangeConnection,
    nullable: true,
    description:
      "Changes between releases: for each series of facts (entity, variable, statistic, scope, unit), a fact and " +
      "the one before it (at a comparable period) when different documents state different values. Newest first.",
    args: {
      about: t.arg.string({
        required: false,
        description: "Only the series about this entity (its key or global id).",
      }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx) => {
      const about = optionalKeyFrom(args.about, "entity");
      const page = pageQuery(args, { list: "valueChanges", filter: about });
      const rows = await valueChangesPage(ctx.db, about, page);
      if (rows.length === 0)
        await requireNamed(
          ctx.db,
          namedKeys({ argument: "about", named: "entity", key: about, given: args.about }),
        );
      return toPage(
        rows,
        page,
        (r) => ({ value: r.sort, key: r.to }),
        (r) => r,
      );
    },
  }),
);

builder.objectField(Fact, "changedFrom", (t) =>
  t.field({
    type: Fact,
    nullable: true,
    description:
      "The earlier fact of the same series that this one changes (another document, another value; see " +
      "`valueChanges`), or null: a time series marks its changes between releases with it, each side with its own " +
      "`citations`.",
    resolve: async (f, _args, ctx) => (await changeOfFact(ctx.db, f.key))?.from ?? null,
  }),
);
