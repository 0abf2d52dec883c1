import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { optionalKeyFrom } from "../global-id.js";
import { type ChangeRow, changesOfTarget, changesPage } from "../loaders/changes.js";
import { namedKeys, requireNamed } from "../loaders/named.js";
import { pageQuery, toPage } from "../pagination.js";
import { Entity, Fact } from "./refs.js";

export const Change = builder.objectRef<ChangeRow>("Change").implement({
  description: "One recorded change to the graph: who made it, when, and what it did.",
  fields: (t) => ({
    at: t.exposeString("at", { description: "When (ISO 8601, UTC)." }),
    by: t.exposeString("by", { description: "Who: the curator's JWT subject, or `shared-token`." }),
    action: t.exposeString("action", {
      description:
        "What it did: create-entity, update-entity, link-entities, update-link, add-fact, add-citation or deprecate-fact.",
    }),
    target: t.exposeString("target", { description: "The key of the entity or fact changed." }),
    summary: t.exposeString("summary", { description: "What changed, in a few words." }),
  }),
});

const ChangeConnection = builder.connectionObject(
  {
    type: Change,
    name: "ChangeConnection",
    description: "A page of the change log, newest first.",
    edgesField: { description: "The changes of this page." },
  },
  {
    name: "ChangeEdge",
    description: "A change in a page.",
    nodeField: { description: "The change." },
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this change.",
      }),
    }),
  },
);

builder.queryField("changes", (t) =>
  t.field({
    type: ChangeConnection,
    nullable: true,
    description: "The change log (curation through the API), newest first.",
    args: {
      target: t.arg.string({
        required: false,
        description: "Only changes of this entity or fact (its key or global id).",
      }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx) => {
      const target = optionalKeyFrom(args.target, "entityOrFact");
      const page = pageQuery(args, { list: "changes", filter: target });
      const rows = await changesPage(ctx.db, target, page);
      if (rows.length === 0) {
        const given = args.target;
        await requireNamed(
          ctx.db,
          namedKeys({ argument: "target", named: "entityOrFact", key: target, given }),
        );
      }
      return toPage(
        rows,
        page,
        (r) => ({ value: r.sort, key: r.change.key }),
        (r) => r.change,
      );
    },
  }),
);

const history = {
  description:
    "The recorded changes of this object, newest first (empty for seed data never curated).",
  resolve: (row: { key: string }, _args: object, ctx: Context) => changesOfTarget(ctx.db, row.key),
};

builder.interfaceField(Entity, "history", (t) => t.field({ ...history, type: [Change] }));
builder.objectField(Fact, "history", (t) => t.field({ ...history, type: [Change] }));
