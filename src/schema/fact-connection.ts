import type { ArgBuilder } from "@pothos/core";
import { builder, type Types } from "../builder.js";
import {
  factFilter,
  type FactFilterInput,
  factSortOf,
  factWhereOf,
} from "../loaders/fact-filter.js";
import {
  type FactAnchor,
  type FactList,
  factsCount,
  factsPage,
  type SortedKey,
} from "../loaders/facts.js";
import type { FactWhere as FactWhereShape } from "../loaders/where/where.js";
import type { EntityRow } from "../loaders/entities.js";
import { countAll, pageQuery, toPage } from "../pagination.js";
import { FactOrder, FactRole } from "./fact-enums.js";
import { FactFilter, requireFactFilterKeys } from "./fact-filter.js";
import { factsPlan, selectsFactLinks } from "./plan/facts.js";
import { Entity, Fact } from "./refs.js";
import { FactSort, factListOf, refuseBoth } from "./where/fact-where.js";
import { given } from "./where/normalise.js";
import { FactWhere } from "./where/refs.js";

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

type FactPageArgs = Parameters<typeof factListOf>[0] & {
  filter?: FactFilterInput;
  orderBy?: (typeof FactOrder)["$inferType"] | null;
  first?: number | null;
  after?: string | null;
};

/** The arguments of every list of facts (`filter` and `orderBy`: the old ones, deprecated). */
const factArgs = (arg: ArgBuilder<Types>) => ({
  where: arg({ type: FactWhere, required: false, description: "Which facts." }),
  sort: arg({
    type: [FactSort],
    required: false,
    description: "Their order: sort keys in order of precedence (ties broken by key).",
  }),
  first: arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
  after: arg.string({ required: false, description: "The endCursor of the previous page." }),
  filter: arg({
    type: FactFilter,
    required: false,
    description: "The old filter, answered as the where it amounts to.",
    deprecationReason: "Use `where`.",
  }),
  orderBy: arg({
    type: FactOrder,
    required: false,
    description: "The old order (KEY when absent), answered as the sort it amounts to.",
    deprecationReason: "Use `sort`.",
  }),
});

/**
 * The list the arguments ask for, through `where`/`sort` or the old `filter`/`orderBy` (not
 * both), with what binds its cursors (the old arguments as given, so that their cursors stay).
 */
function factListArgs(args: FactPageArgs, list: string, parent?: unknown) {
  refuseBoth("filter", "where", given(args.filter) && given(args.where));
  refuseBoth("orderBy", "sort", given(args.orderBy) && given(args.sort));
  const filter = given(args.filter) ? factFilter(args.filter) : null;
  const { where, sort } = factListOf(args);
  const asked: FactList = {
    where: filter ? factWhereOf(filter) : where,
    sort: given(args.orderBy) ? factSortOf(args.orderBy) : sort,
  };
  const bound =
    given(args.filter) || given(args.orderBy) || (!given(args.where) && !given(args.sort));
  // The old arguments bind cursors as they always did (so that those of key order stay valid);
  // a value order's position is now its sort values, so its old cursors are refused.
  const old = {
    filter: factFilter(args.filter),
    order: args.orderBy && args.orderBy !== "KEY" ? asked.sort : "KEY",
  };
  const of = bound
    ? { list, filter: parent === undefined ? old.filter : [parent, old.filter], order: old.order }
    : { list, filter: parent === undefined ? where : [parent, where], order: sort };
  return { asked, filter, page: pageQuery(args, of) };
}

export const factPosition = (r: SortedKey) => ({ value: r.sort, key: r.key });
export const factNode = (r: SortedKey) => r.key;

/**
 * The whole selection of a page of facts (its list's where, a parent's restriction folded
 * in): what a field of the connection that reads every fact of the list (aggregate) reads.
 */
export function connectionWhere(connection: object): FactWhereShape {
  return (connection as { where?: FactWhereShape }).where ?? {};
}

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
        const role = anchor === "ROLE" ? (args.role ?? "ABOUT_OR_SCOPE") : anchor;
        const list = factListArgs(args, `${info.parentType.name}.${info.fieldName}`, role);
        return { anchor: role, ...list.asked, page: list.page };
      });
      const filter = given(args.filter) ? factFilter(args.filter) : null;
      const { rows, page, count, where } = await pageOf(parentKey(parent));
      if (rows.length === 0 && filter) await requireFactFilterKeys(ctx.db, args.filter, filter);
      return { ...toPage(rows, page, factPosition, factNode), count, where };
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
      "Facts, filtered (by variable, entity, period, document, value...) and sorted, with keyset pagination.",
    args: factArgs(t.arg),
    resolve: async (_root, args, ctx, info) => {
      const { asked, filter, page } = factListArgs(args, "facts");
      const links = selectsFactLinks(ctx, info);
      const rows = await factsPage(ctx.db, asked, page, links);
      if (rows.length === 0 && filter) await requireFactFilterKeys(ctx.db, args.filter, filter);
      const count = () => factsCount(ctx.db, asked.where);
      return { ...toPage(rows, page, factPosition, factNode), count, where: asked.where ?? {} };
    },
  }),
}));
