import type { ArgBuilder } from "@pothos/core";
import { builder, type Types } from "../builder.js";
import { factFilter, type FactFilterInput } from "../loaders/fact-filter.js";
import { type FactAnchor, factsCount, factsPage, type SortedKey } from "../loaders/facts.js";
import type { EntityRow } from "../loaders/entities.js";
import { pageQuery, toPage, countAll } from "../pagination.js";
import { FactOrder, FactRole } from "./fact-enums.js";
import { FactFilter, requireFactFilterKeys } from "./fact-filter.js";
import { factsPlan, selectsFactLinks } from "./plan/facts.js";
import { Entity, Fact } from "./refs.js";

/** Pages of facts: `Query.facts`, and `factsField` for a parent's facts (entity, period, document, variable). */

export const FactConnection = builder.connectionObject(
  {
    type: Fact,
    name: "FactConnection",
    description: "A page of facts.",
    edgesField: { description: "The facts of this page." },
    fields: (t) => ({
      totalCount: t.int({
        description: "How many facts match, over all pages.",
        resolve: countAll,
      }),
    }),
  },
  {
    name: "FactEdge",
    description: "A fact in a page.",
    nodeField: { description: "The fact." },
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this edge.",
      }),
    }),
  },
);

type FactPageArgs = {
  filter?: FactFilterInput;
  orderBy?: (typeof FactOrder)["$inferType"] | null;
  first?: number | null;
  after?: string | null;
};

/** The arguments of every list of facts. */
const factArgs = (arg: ArgBuilder<Types>) => ({
  filter: arg({ type: FactFilter, required: false }),
  orderBy: arg({ type: FactOrder, required: false, defaultValue: "KEY" }),
  first: arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
  after: arg.string({ required: false, description: "The endCursor of the previous page." }),
});

const factPosition = (r: SortedKey) => ({ value: r.sort, key: r.key });
const factNode = (r: SortedKey) => r.key;

/** A facts connection on a parent (entity, period, document, variable), batched over all parents. */
export function factsField<Parent>(
  f:
    | PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>
    | PothosSchemaTypes.InterfaceFieldBuilder<Types, Parent>,
  description: string,
  anchor: FactAnchor | "ROLE",
  parentKey: (parent: Parent) => string,
) {
  return f.field({
    type: FactConnection,
    description,
    args: {
      ...factArgs(f.arg),
      ...(anchor === "ROLE"
        ? { role: f.arg({ type: FactRole, required: false, defaultValue: "ABOUT_OR_SCOPE" }) }
        : {}),
    },
    resolve: async (parent, rawArgs, ctx, info) => {
      const args: FactPageArgs & { role?: FactAnchor | null } = rawArgs;
      const pageOf = factsPlan(ctx, info, () => {
        const filter = factFilter(args.filter);
        const order = args.orderBy ?? "KEY";
        const role = anchor === "ROLE" ? (args.role ?? "ABOUT_OR_SCOPE") : anchor;
        const list = `${info.parentType.name}.${info.fieldName}`;
        return {
          anchor: role,
          filter,
          order,
          page: pageQuery(args, { list, filter: [role, filter], order }),
        };
      });
      const { rows, page, count, filter } = await pageOf(parentKey(parent));
      if (rows.length === 0) await requireFactFilterKeys(ctx.db, args.filter, filter);
      return { ...toPage(rows, page, factPosition, factNode), count };
    },
  });
}

builder.interfaceField(Entity, "facts", (t) =>
  factsField<EntityRow>(
    t,
    "The facts about this entity or scoped to it (see `role`).",
    "ROLE",
    (row) => row.key,
  ),
);

builder.queryFields((t) => ({
  facts: t.field({
    type: FactConnection,
    nullable: true,
    description:
      "Facts, filtered (by variable, entity, period, document...) and ordered, with keyset pagination.",
    args: factArgs(t.arg),
    resolve: async (_root, args, ctx, info) => {
      const filter = factFilter(args.filter);
      const order = args.orderBy ?? "KEY";
      const page = pageQuery(args, { list: "facts", filter, order });
      const links = selectsFactLinks(ctx, info);
      const rows = await factsPage(ctx.db, filter, order, page, links);
      if (rows.length === 0) await requireFactFilterKeys(ctx.db, args.filter, filter);
      const count = () => factsCount(ctx.db, filter);
      return { ...toPage(rows, page, factPosition, factNode), count };
    },
  }),
}));
