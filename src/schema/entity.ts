import { builder } from "../builder.js";
import { keyFrom, keyOrId, optionalKeyFrom } from "../global-id.js";
import type { EntityKind as EntityKindValue } from "../model/vocabulary.js";
import type {
  EntitySortField,
  EntityWhere as EntityWhereShape,
  Sort,
} from "../loaders/where/where.js";
import { notFound } from "../input-error.js";
import {
  type EntityRow,
  entitiesCount,
  entitiesPage,
  entityCountsByKind,
  entityDetails,
  loadEntities,
} from "../loaders/entities.js";
import { Entity } from "./refs.js";
import { namedKeys, requireNamed } from "../loaders/named.js";
import { type PageArgs, pageQuery, toPage, countAll } from "../pagination.js";
import { foldText } from "../text/fold.js";
import { EntityKind } from "./entity-kind.js";
import { KindCount } from "./kind-count.js";
import { nameFields } from "./label.js";
import { EntitySort, entitySortArg, entityWhereArg } from "./where/entity-where.js";
import { refuseBoth } from "./where/fact-where.js";
import { given } from "./where/normalise.js";
import { EntityWhere, type EntityWhereInput } from "./where/refs.js";

Entity.implement({
  description:
    "A thing the sources speak of: an organization, program, facility type, service, condition, place, person or period.",
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (row) => row.kind,
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key (a slug); use it with `entity(key:)`." }),
    kind: t.field({
      type: EntityKind,
      description: "The kind of entity.",
      resolve: (row) => row.kind,
    }),
    ...nameFields<EntityRow>(
      t,
      "Its names in English and Spanish: preferred names, aliases and acronyms, each with where it comes from.",
      (row, ctx) => entityDetails(ctx.db, row),
    ),
    aliases: t.stringList({
      description:
        "Every label but the English name: other names and spellings, Spanish names, acronyms.",
      resolve: async (row, _args, ctx) => (await entityDetails(ctx.db, row)).aliases,
    }),
    description: t.string({
      description: "A short description.",
      resolve: async (row, _args, ctx) => (await entityDetails(ctx.db, row)).description,
    }),
  }),
});

const EntityOrder = builder.enumType("EntityOrder", {
  description: "How a list of entities is ordered (ties broken by key).",
  values: {
    NAME: { value: "NAME", description: "By name, case-insensitively." },
    KEY: { value: "KEY", description: "By key." },
  },
});

type EntityOrderValue = (typeof EntityOrder)["$inferType"];

const EntityFilter = builder.inputType("EntityFilter", {
  description: "Narrows a list of entities; all given conditions must hold.",
  fields: (t) => ({
    kinds: t.field({ type: [EntityKind], required: false, description: "Only these kinds." }),
    text: t.string({
      required: false,
      description:
        'A fragment of the name, key or another label; case and accents do not matter ("Nuevo Leon" finds Nuevo León).',
    }),
    relatedTo: t.string({
      required: false,
      description:
        "Only entities linked (either way, any structural relation) to the entity with this key (or global id).",
    }),
  }),
});

interface EntityListArgs extends PageArgs {
  where?: EntityWhereInput | null;
  sort?: Parameters<typeof entitySortArg>[0];
  filter?: {
    kinds?: EntityKindValue[] | null;
    text?: string | null;
    relatedTo?: string | null;
  } | null;
  orderBy?: EntityOrderValue | null;
}

/**
 * The list `Query.entities` asks for, through `where`/`sort` or the old `filter`/`orderBy` (not
 * both), and its page, whose cursors are bound to the arguments as given (the old ones as they
 * always were).
 */
function entityListArgs(args: EntityListArgs) {
  refuseBoth("filter", "where", given(args.filter) && given(args.where));
  refuseBoth("orderBy", "sort", given(args.orderBy) && given(args.sort));
  const where = entityWhereArg(args.where);
  const sort = entitySortArg(args.sort);
  const filter = {
    kinds: args.filter?.kinds ?? null,
    text: foldText(args.filter?.text?.trim() ?? "") || null,
    relatedTo: optionalKeyFrom(args.filter?.relatedTo, "entity"),
  };
  const old =
    given(args.filter) || given(args.orderBy) || (!given(args.where) && !given(args.sort));
  const order = args.orderBy ?? "NAME";
  return {
    where: given(args.filter) ? whereOfFilter(filter) : (where ?? {}),
    sort: given(args.orderBy) || sort.length === 0 ? sortOfOrder(order) : sort,
    filter: given(args.filter) ? filter : null,
    page: pageQuery(
      args,
      old ? { list: "entities", filter, order } : { list: "entities", filter: [where, sort] },
    ),
  };
}

/** The old `EntityFilter` as the where it amounts to (its text already folded). */
function whereOfFilter(filter: {
  kinds: readonly EntityKindValue[] | null;
  text: string | null;
  relatedTo: string | null;
}): EntityWhereShape {
  const { kinds, text, relatedTo } = filter;
  return {
    ...(kinds ? { kind: { in: kinds } } : {}),
    ...(text ? { text } : {}),
    ...(relatedTo ? { relatedTo: { some: { entity: { key: { eq: relatedTo } } } } } : {}),
  };
}

const sortOfOrder = (order: EntityOrderValue): Sort<EntitySortField> => [
  { field: order === "KEY" ? "key" : "name", direction: "ASC" },
];

export const EntityConnection = builder.connectionObject(
  {
    type: Entity,
    name: "EntityConnection",
    description: "A page of entities.",
    fields: (t) => ({
      totalCount: t.int({
        description: "How many entities match, over all pages.",
        resolve: countAll,
      }),
    }),
  },
  {
    name: "EntityEdge",
    description: "An entity in a page.",
  },
);

builder.queryFields((t) => ({
  entity: t.field({
    type: Entity,
    nullable: true,
    description:
      "The entity with this stable key (for example `imss`, `imss-bienestar`, `rural-hospital`) or global id; " +
      "null, with a NOT_FOUND error, if none has it.",
    args: {
      key: t.arg.string({ required: true, description: "The entity's key (or global id)." }),
    },
    resolve: async (_root, args, ctx) => {
      const key = keyFrom(args.key, "entity");
      const [row] = await loadEntities(ctx.db, [key]);
      if (!row || row instanceof Error)
        throw notFound("key", `no entity has ${keyOrId(args.key, key)}`);
      return row;
    },
  }),
  entities: t.field({
    type: EntityConnection,
    nullable: true,
    description: "Entities, filtered and sorted, as a Relay connection (keyset pagination).",
    args: {
      where: t.arg({ type: EntityWhere, required: false, description: "Which entities." }),
      sort: t.arg({
        type: [EntitySort],
        required: false,
        description:
          "Their order: sort keys in order of precedence (ties broken by key; by name when absent).",
      }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
      filter: t.arg({
        type: EntityFilter,
        required: false,
        description: "The old filter, answered as the where it amounts to.",
        deprecationReason: "Use `where`.",
      }),
      orderBy: t.arg({
        type: EntityOrder,
        required: false,
        description: "The old order (NAME when absent), answered as the sort it amounts to.",
        deprecationReason: "Use `sort`.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { where, sort, filter, page } = entityListArgs(args);
      const rows = await entitiesPage(ctx.db, where, sort, page);
      if (rows.length === 0 && filter?.relatedTo) {
        const { relatedTo } = filter;
        const given = args.filter?.relatedTo;
        await requireNamed(
          ctx.db,
          namedKeys({ argument: "filter.relatedTo", named: "entity", key: relatedTo, given }),
        );
      }
      const result = toPage(
        rows,
        page,
        (r) => ({ value: r.sort, key: r.node.key }),
        (r) => r.node,
      );
      return { ...result, count: () => entitiesCount(ctx.db, where) };
    },
  }),
  entityCounts: t.field({
    type: [KindCount],
    description: "How many entities of each kind the graph holds.",
    resolve: (_root, _args, ctx) => entityCountsByKind(ctx.db),
  }),
}));
