import { builder } from "../builder.js";
import { keyFrom, keyOrId } from "../global-id.js";
import { notFound } from "../input-error.js";
import {
  allConflicts,
  conflictsOfFact,
  factLinks,
  loadFacts,
  percentOfFact,
  percentsOfFact,
} from "../loaders/facts.js";
import { Qualifier, Statistic, Unit } from "./fact-enums.js";
import { Entity, Fact, TimePeriod, Variable } from "./refs.js";

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
    unit: t.expose("unit", { type: Unit, description: "The unit of the value." }),
    variable: t.expose("variable", { type: Variable, description: "What is measured." }),
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
    statistic: t.expose("statistic", {
      type: Statistic,
      description: "What kind of statistic the value is (daily average, total, increase...).",
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
    percentOf: t.field({
      type: Fact,
      nullable: true,
      description:
        "For a percent (unit PERCENT): the fact it is a percent of, when the sources say so: the " +
        "target that progress is towards, or the total that a share is of.",
      resolve: async (f, _args, ctx) => (await percentOfFact(ctx.db, f.key))[0] ?? null,
    }),
    percents: t.field({
      type: [Fact],
      description:
        "The facts that are a percent of this one (progress towards this target, shares of this " +
        "total), by key; deprecated ones left out.",
      resolve: (f, _args, ctx) => percentsOfFact(ctx.db, f.key),
    }),
    conflicts: t.field({
      type: [FactConflict],
      description: "Facts from other sources that state a different figure for the same thing.",
      resolve: (f, _args, ctx) => conflictsOfFact(ctx.db, f.key),
    }),
  }),
});

const FactConflict = builder.objectRef<{ fact: string; note: string }>("FactConflict").implement({
  description: "A fact that disagrees with the one asked about.",
  fields: (t) => ({
    fact: t.expose("fact", { type: Fact, description: "The other fact." }),
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

builder.queryFields((t) => ({
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
