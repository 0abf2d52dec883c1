import { builder, type Types } from "../builder.js";
import { keyFrom, keyOrId } from "../global-id.js";
import { notFound } from "../input-error.js";
import {
  allConflicts,
  citationsOfFact,
  conflictsOfFacts,
  type FactAnchor,
  type FactOrder as FactOrderName,
  type FactRow,
  factsCount,
  factsPage,
  factLinks,
  loadFacts,
  type SortedKey,
} from "../loaders/facts.js";
import type { EntityRow } from "../loaders/entities.js";
import { pageQuery, toPage } from "../pagination.js";
import { Citation } from "./citation.js";
import { factCiteAs } from "./cite-as.js";
import { loadDocuments, loadVariables } from "../loaders/documents.js";
import { Entity } from "./entity.js";
import { FactOrder, FactRole, Qualifier, Statistic, Unit } from "./fact-enums.js";
import { FactFilter, requireFactFilterKeys } from "./fact-filter.js";
import { factFilter, type FactFilterInput } from "../loaders/fact-filter.js";
import { TimePeriod } from "./time-period.js";
import { pageConnection } from "./page-connection.js";
import { factsPlan, selectsFactLinks } from "./plan/facts.js";
import { Variable } from "./variable.js";

export const Fact = builder.loadableNodeRef<FactRow, string>("Fact", {
  id: {
    resolve: (row: FactRow) => row.key,
    description: "Global id (Relay): pass it to `node(id:)`, or wherever its key is taken.",
  },
  load: (keys: string[], ctx) => loadFacts(ctx.db, keys),
});

Fact.implement({
  description:
    "A figure stated by the sources: its value and unit, what it measures, about what, over which period, " +
    "and the citations (verbatim quotes at character offsets) that state it.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key." }),
    value: t.float({
      nullable: true,
      description:
        "The value; null only when the source is garbled and nothing settles it (see `garbled`).",
      resolve: (f) => f.value,
    }),
    unit: t.field({
      type: Unit,
      description: "The unit of the value.",
      resolve: (f) => f.unit,
    }),
    variable: t.field({
      type: Variable,
      description: "What is measured.",
      resolve: (f) => f.variable,
    }),
    about: t.field({
      type: Entity,
      description: "The entity the figure is about.",
      resolve: async (f, _args, ctx) => (await factLinks(ctx.db, f)).about,
    }),
    scope: t.field({
      type: Entity,
      nullable: true,
      description:
        "Whose figure it is when that is not `about` (e.g. the program operating the facilities).",
      resolve: async (f, _args, ctx) => (await factLinks(ctx.db, f)).scope,
    }),
    period: t.field({
      type: TimePeriod,
      description: "The period the figure refers to.",
      resolve: async (f, _args, ctx) => (await factLinks(ctx.db, f)).period,
    }),
    comparedTo: t.field({
      type: TimePeriod,
      nullable: true,
      description: "For an increase: the period it is compared with.",
      resolve: async (f, _args, ctx) => (await factLinks(ctx.db, f)).comparedTo,
    }),
    statistic: t.field({
      type: Statistic,
      description: "What kind of statistic the value is (daily average, total, increase...).",
      resolve: (f) => f.statistic,
    }),
    qualifiers: t.field({
      type: [Qualifier],
      description:
        'How exactly the source states it ("more than", "just over", "about"), or EXACT.',
      resolve: (f) => [f.qualifier],
    }),
    isLowerBound: t.boolean({
      description: 'True when the value is a lower bound ("more than", "just over").',
      resolve: (f) => f.qualifier === "more-than" || f.qualifier === "just-over",
    }),
    isApproximate: t.boolean({
      description: "True when the value is approximate or a bound rather than exact.",
      resolve: (f) => f.qualifier !== "exact",
    }),
    garbled: t.boolean({
      description: "True when a citation's words are garbled; see each citation's `garbled` note.",
      resolve: (f) => f.garbled === true,
    }),
    deprecated: t.boolean({
      description: "Deprecated facts are hidden from default reads.",
      resolve: (f) => f.deprecated === true,
    }),
    deprecatedReason: t.string({
      nullable: true,
      description: "Why a curator deprecated it.",
      resolve: (f) => f.deprecatedReason ?? null,
    }),
    note: t.string({ nullable: true, description: "A curator's note.", resolve: (f) => f.note }),
    citations: t.field({
      type: [Citation],
      description: "The quotes that state this fact (two when both sources agree).",
      resolve: (f, _args, ctx) => citationsOfFact(ctx.db, f.key),
    }),
    citeAs: t.string({
      description:
        "A ready-to-paste citation line: what the fact states and, for each citation, the document, " +
        "the offsets and the quote.",
      resolve: async (f, _args, ctx) => {
        const citations = await citationsOfFact(ctx.db, f.key);
        const [links, [variable], documents] = await Promise.all([
          factLinks(ctx.db, f),
          loadVariables(ctx.db, [f.variable]),
          loadDocuments(ctx.db, [...new Set(citations.map((c) => c.document))]),
        ]);
        const byId = new Map(
          documents.flatMap((d) => (d instanceof Error ? [] : [[d.id, d] as const])),
        );
        return factCiteAs({
          key: f.key,
          value: f.value,
          unit: f.unit,
          variableName: variable && !(variable instanceof Error) ? variable.name : f.variable,
          aboutName: links.about.name,
          periodName: links.period.name,
          citations: citations.map((c) => ({ ...c, document: byId.get(c.document) ?? null })),
        });
      },
    }),
    conflicts: t.loadableList({
      type: FactConflict,
      description: "Facts from other sources that state a different figure for the same thing.",
      load: (keys: string[], ctx) => conflictsOfFacts(ctx.db, keys),
      resolve: (f) => f.key,
    }),
  }),
});

const FactConflict = builder.objectRef<{ fact: string; note: string }>("FactConflict").implement({
  description: "A fact that disagrees with the one asked about.",
  fields: (t) => ({
    fact: t.field({ type: Fact, description: "The other fact.", resolve: (c) => c.fact }),
    note: t.exposeString("note", { description: "What each source says." }),
  }),
});

export const Conflict = builder
  .objectRef<{ a: string; b: string; note: string }>("Conflict")
  .implement({
    description: "Two facts whose sources disagree about the same figure.",
    fields: (t) => ({
      facts: t.field({ type: [Fact], description: "The two facts.", resolve: (c) => [c.a, c.b] }),
      note: t.exposeString("note", { description: "What each source says." }),
    }),
  });

const FactEdge = builder.objectRef<{ cursor: string; node: string }>("FactEdge").implement({
  description: "A fact in a page.",
  fields: (t) => ({
    cursor: t.exposeString("cursor", {
      description: "Pass as `after` to continue after this edge.",
    }),
    node: t.field({ type: Fact, description: "The fact.", resolve: (e) => e.node }),
  }),
});

export const FactConnection = pageConnection(
  "FactConnection",
  "A page of facts.",
  FactEdge,
  "facts",
);

type FactPageArgs = {
  filter?: FactFilterInput;
  orderBy?: FactOrderName | null;
  first?: number | null;
  after?: string | null;
};

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
      filter: f.arg({ type: FactFilter, required: false }),
      orderBy: f.arg({ type: FactOrder, required: false, defaultValue: "KEY" }),
      first: f.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: f.arg.string({ required: false, description: "The endCursor of the previous page." }),
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
    args: {
      filter: t.arg({ type: FactFilter, required: false }),
      orderBy: t.arg({ type: FactOrder, required: false, defaultValue: "KEY" }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const filter = factFilter(args.filter);
      const order = args.orderBy ?? "KEY";
      const page = pageQuery(args, { list: "facts", filter, order });
      const links = selectsFactLinks(ctx, info);
      const rows = await factsPage(ctx.db, filter, order, page, links);
      if (rows.length === 0) await requireFactFilterKeys(ctx.db, args.filter, filter);
      const result = toPage(rows, page, factPosition, factNode);
      return {
        ...result,
        count: () => factsCount(ctx.db, filter),
      };
    },
  }),
  fact: t.field({
    type: Fact,
    nullable: true,
    description:
      "The fact with this key or global id (null, with a NOT_FOUND error, if none has it).",
    args: { key: t.arg.string({ required: true, description: "The fact's key (or global id)." }) },
    resolve: async (_root, args, ctx) => {
      const key = keyFrom(args.key, "fact");
      const [row] = await loadFacts(ctx.db, [key]);
      if (!row || row instanceof Error)
        throw notFound("key", `no fact has ${keyOrId(args.key, key)}`);
      return row;
    },
  }),
  conflicts: t.field({
    type: [Conflict],
    description: "Every pair of facts whose sources disagree, with what each says.",
    resolve: (_root, _args, ctx) => allConflicts(ctx.db),
  }),
}));
