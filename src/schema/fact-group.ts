import { builder } from "../builder.js";
import { FACT_GROUP_BY, type FactGroupKey } from "../model/vocabulary.js";
import { inputError } from "../input-error.js";
import {
  type FactGroupKeys,
  type FactGroupRow,
  type FactGroupSortField,
  factGroupsCount,
  factGroupsPage,
  type GroupPosition,
  groupWhere,
} from "../loaders/fact-groups.js";
import { factsCount, factsPage } from "../loaders/facts.js";
import type { FactWhere as PlainFactWhere } from "../loaders/where/where.js";
import { type Page, type Position, pageQuery, toPage } from "../pagination.js";
import { EntityKind } from "./entity-kind.js";
import { FactConnection, factNode, factPosition } from "./fact-connection.js";
import { refuseMixedTargets } from "./fact-aggregate.js";
import { Statistic, Unit } from "./fact-enums.js";
import { selectsFactLinks } from "./plan/facts.js";
import { Document, Entity, TimePeriod, Variable } from "./refs.js";
import { FactSort, factListOf } from "./where/fact-where.js";
import { FactWhere } from "./where/refs.js";
import { SortDirection } from "./where/scalars.js";
import { sortOf } from "./where/sort.js";

/** `Query.factGroups`: facts grouped by some of their keys, each group with its aggregates. */

export const FactGroupBy = builder.enumType("FactGroupBy", {
  description: "What facts can be grouped by.",
  values: FACT_GROUP_BY,
});

const FactGroupSort = builder.inputType("FactGroupSort", {
  description:
    "One sort key of groups (exactly one field); groups tied on every key are ordered by their keys.",
  fields: (t) => ({
    count: t.field({ type: SortDirection, required: false, description: "By number of facts." }),
    sum: t.field({ type: SortDirection, required: false, description: "By sum of the values." }),
    avg: t.field({ type: SortDirection, required: false, description: "By average value." }),
    min: t.field({ type: SortDirection, required: false, description: "By smallest value." }),
    max: t.field({ type: SortDirection, required: false, description: "By largest value." }),
  }),
});

/** A group as its fields resolve it: its row, and what its facts are (the where and keys). */
interface FactGroupNode {
  row: FactGroupRow;
  where: PlainFactWhere | null;
}

/** The position of a group: its sort values, then its keys. */
function groupPosition(groupBy: readonly FactGroupKey[]) {
  return (row: FactGroupRow): Position => ({
    value: [...row.sort, ...groupBy.map((k) => row.keys[k] ?? null)],
    key: "",
  });
}

/** The position a cursor of this list holds (already bound to it: its shape only is checked). */
function afterGroup(
  after: Position | null,
  sorts: number,
  groupBy: readonly FactGroupKey[],
): GroupPosition | null {
  if (!after) return null;
  const values = after.value;
  const fits =
    Array.isArray(values) &&
    values.length === sorts + groupBy.length &&
    values.every((v, i) =>
      i < sorts ? typeof v === "number" : v === null || typeof v === "string",
    );
  if (!fits) throw inputError("after", "is not a cursor returned by this API");
  return { sort: values.slice(0, sorts) as number[], keys: values.slice(sorts) as string[] };
}

/** A group's `field`, or an error when its facts mix targets with what was reached. */
function unmixed(row: FactGroupRow, field: "sum" | "avg" | "min" | "max"): number | null {
  refuseMixedTargets(row.statistics, `factGroups.${field}`);
  return row[field];
}

const FactGroup = builder.objectRef<FactGroupNode>("FactGroup").implement({
  description:
    "Facts that share the keys they are grouped by, with the aggregates of their values (all of one unit).",
  fields: (t) => {
    const key =
      <K extends keyof FactGroupKeys>(k: K) =>
      (g: FactGroupNode) =>
        g.row.keys[k] ?? null;
    return {
      about: t.field({
        type: Entity,
        nullable: true,
        description: "The entity the facts are about (grouped by ABOUT).",
        resolve: key("about"),
      }),
      scope: t.field({
        type: Entity,
        nullable: true,
        description: "The entity they are scoped to (grouped by SCOPE; null: none).",
        resolve: key("scope"),
      }),
      variable: t.field({
        type: Variable,
        nullable: true,
        description: "What they measure (grouped by VARIABLE).",
        resolve: key("variable"),
      }),
      period: t.field({
        type: TimePeriod,
        nullable: true,
        description: "The period they refer to (grouped by PERIOD).",
        resolve: key("period"),
      }),
      statistic: t.field({
        type: Statistic,
        nullable: true,
        description: "What kind of statistic they are (grouped by STATISTIC).",
        resolve: key("statistic"),
      }),
      unit: t.field({
        type: Unit,
        description: "Their unit: every group has one.",
        resolve: (g) => {
          if (!g.row.keys.unit) throw new Error("a group without a unit");
          return g.row.keys.unit;
        },
      }),
      document: t.field({
        type: Document,
        nullable: true,
        description: "A document they cite (grouped by DOCUMENT; null: they cite none).",
        resolve: key("document"),
      }),
      aboutKind: t.field({
        type: EntityKind,
        nullable: true,
        description: "The kind of the entity they are about (grouped by ABOUT_KIND).",
        resolve: key("aboutKind"),
      }),
      count: t.int({ description: "How many facts.", resolve: (g) => g.row.count }),
      withValue: t.int({
        description: "How many of them have a value (garbled ones may not).",
        resolve: (g) => g.row.withValue,
      }),
      sum: t.float({
        nullable: true,
        description:
          "Sum of the values (null, with an error, when targets mix with what was reached).",
        resolve: (g) => unmixed(g.row, "sum"),
      }),
      avg: t.float({
        nullable: true,
        description: "Average value (null, with an error, when targets mix with what was reached).",
        resolve: (g) => unmixed(g.row, "avg"),
      }),
      min: t.float({
        nullable: true,
        description:
          "Smallest value (null, with an error, when targets mix with what was reached).",
        resolve: (g) => unmixed(g.row, "min"),
      }),
      max: t.float({
        nullable: true,
        description: "Largest value (null, with an error, when targets mix with what was reached).",
        resolve: (g) => unmixed(g.row, "max"),
      }),
      facts: t.field({
        type: FactConnection,
        description: "The group's facts: those of the where with the group's keys.",
        args: {
          sort: t.arg({
            type: [FactSort],
            required: false,
            description: "Their order: sort keys in order of precedence (ties broken by key).",
          }),
          first: t.arg.int({
            required: false,
            description: "Page size (at most 100; default 20).",
          }),
          after: t.arg.string({
            required: false,
            description: "The endCursor of the previous page.",
          }),
        },
        resolve: async (g, args, ctx, info) => {
          const where = groupWhere(g.where, g.row.keys);
          const { sort } = factListOf({ sort: args.sort });
          const page = pageQuery(args, { list: "FactGroup.facts", filter: where, order: sort });
          const rows = await factsPage(ctx.db, { where, sort }, page, selectsFactLinks(ctx, info));
          const count = () => factsCount(ctx.db, where);
          return { ...toPage(rows, page, factPosition, factNode), count, where };
        },
      }),
    };
  },
});

type FactGroupPage = Page<{ node: FactGroupNode; row: FactGroupRow }> & {
  count: () => Promise<number>;
  note: string | null;
};

const FactGroupEdge = builder.objectRef<FactGroupPage["edges"][number]>("FactGroupEdge").implement({
  description: "A group in a page.",
  fields: (t) => ({
    node: t.field({ type: FactGroup, description: "The group.", resolve: (e) => e.node }),
    cursor: t.exposeString("cursor", {
      description: "Pass as `after` to continue after this edge.",
    }),
  }),
});

const FactGroupConnection = builder.objectRef<FactGroupPage>("FactGroupConnection").implement({
  description: "A page of groups of facts.",
  fields: (t) => ({
    edges: t.field({
      type: [FactGroupEdge],
      description: "The groups of this page.",
      resolve: (c) => c.edges,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: "Where this page stands in the list.",
      resolve: (c) => c.pageInfo,
    }),
    totalCount: t.int({
      description: "How many groups, over all pages.",
      resolve: (c) => c.count(),
    }),
    note: t.string({
      nullable: true,
      description: "Says when UNIT was added to the grouping (sums never mix units).",
      resolve: (c) => c.note,
    }),
  }),
});

/** Added to the grouping when not asked for: what `note` says then. */
const UNIT_NOTE =
  "UNIT was added to groupBy: facts of different units are never summed together, so each group holds one unit.";

builder.queryFields((t) => ({
  factGroups: t.field({
    type: FactGroupConnection,
    description:
      "The facts the where selects, grouped by the keys of `groupBy` (and always by unit), each group with its count and the sum, average, smallest and largest of its values; sorted by `sort`, then by the groups' keys.",
    args: {
      where: t.arg({ type: FactWhere, required: false, description: "Which facts." }),
      groupBy: t.arg({
        type: [FactGroupBy],
        required: true,
        description: "What to group them by (UNIT is added when absent).",
      }),
      sort: t.arg({
        type: [FactGroupSort],
        required: false,
        description: "How to order the groups (at most 4 keys; then by the groups' keys).",
      }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx) => {
      const { where } = factListOf({ where: args.where });
      const asked = [...new Set(args.groupBy)];
      const groupBy = asked.includes("unit") ? asked : [...asked, "unit" as const];
      const sort = sortOf<FactGroupSortField>(args.sort);
      const page = pageQuery(args, {
        list: "Query.factGroups",
        filter: [where, groupBy],
        order: JSON.stringify(sort),
      });
      const after = afterGroup(page.after, sort.length, groupBy);
      const of = { where, groupBy };
      const rows = await factGroupsPage(ctx.db, { ...of, sort, limit: page.limit, after });
      const connection = toPage(rows, page, groupPosition(groupBy), (row) => ({ row, where }));
      return {
        ...connection,
        count: () => factGroupsCount(ctx.db, of),
        note: asked.includes("unit") ? null : UNIT_NOTE,
      };
    },
  }),
}));
