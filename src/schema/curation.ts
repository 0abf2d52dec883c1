import { builder } from "../builder.js";
import { addFact, deprecateFact, linkEntities, upsertEntity } from "../curation/curate.js";
import { loadEntities } from "../loaders/entities.js";
import { EntityKind } from "./entity-kind.js";
import { Qualifier, Statistic, Unit } from "./fact-enums.js";
import { RelationType } from "./relation-type.js";
import { LabelInput } from "./label.js";
import { Granularity } from "./time-period.js";
import { Entity, Fact } from "./refs.js";

/**
 * Curation mutations. Each needs a curator's bearer token, is validated exactly
 * as the seed loader validates seeds, runs in one write transaction (a failure
 * writes nothing) and records who made it and when (`changes`, `history`).
 * Racing writes are never merged (src/curation/curate.ts): of racing creates of one key, one
 * succeeds and the others get a CONFLICT error; racing updates are written one after another.
 */

const EntityInput = builder.inputType("EntityInput", {
  description: "An entity to add, or (same key) the new names and description of an existing one.",
  fields: (t) => ({
    key: t.string({
      required: true,
      description: "Stable key: lower-case words joined by hyphens.",
    }),
    kind: t.field({
      type: EntityKind,
      required: true,
      description: "Its kind (cannot change once set).",
    }),
    name: t.string({ required: true, description: "Its preferred name in English." }),
    labels: t.field({
      type: [LabelInput],
      required: true,
      description:
        "Its other names: a preferred one in Spanish (required), aliases and acronyms in either language.",
    }),
    description: t.string({ required: true, description: "A short description." }),
    start: t.string({ required: false, description: "TimePeriod only: first day (YYYY-MM-DD)." }),
    end: t.string({ required: false, description: "TimePeriod only: last day (YYYY-MM-DD)." }),
    granularity: t.field({ type: Granularity, required: false, description: "TimePeriod only." }),
  }),
});

const CitationInput = builder.inputType("CitationInput", {
  description: "The verbatim words of a document that state a fact.",
  fields: (t) => ({
    document: t.string({ required: true, description: "The document's id." }),
    quote: t.string({
      required: true,
      description: "The exact words, as they stand in the document.",
    }),
    start: t.int({
      required: true,
      description: "Offset of the quote in the document's text (UTF-16).",
    }),
    garbled: t.string({
      required: false,
      description: "If the words are garbled: what is wrong with them.",
    }),
    note: t.string({ required: false, description: "A curator's note." }),
  }),
});

const FactInput = builder.inputType("FactInput", {
  description:
    "A new fact: a figure, what it measures, about what, when, and the words that state it.",
  fields: (t) => ({
    key: t.string({ required: true, description: "Stable key (must be new)." }),
    variable: t.string({ required: true, description: "The key of the variable measured." }),
    about: t.string({ required: true, description: "The key of the entity the figure is about." }),
    scope: t.string({
      required: false,
      description: "The key of the program/organization it is scoped to.",
    }),
    period: t.string({ required: true, description: "The key of the TimePeriod." }),
    comparedTo: t.string({
      required: false,
      description: "For an increase: the key of the period compared with.",
    }),
    statistic: t.field({ type: Statistic, required: true, description: "The kind of statistic." }),
    value: t.float({
      required: false,
      description: "The value; null only when every citation is garbled.",
    }),
    unit: t.field({
      type: Unit,
      required: true,
      description: "The unit (must be the variable's).",
    }),
    qualifier: t.field({
      type: Qualifier,
      required: false,
      description: "EXACT unless the words qualify it.",
    }),
    note: t.string({ required: false, description: "A curator's note." }),
    citations: t.field({
      type: [CitationInput],
      required: true,
      description: "At least one citation.",
    }),
  }),
});

const SourceInput = builder.inputType("SourceInput", {
  description: "The verbatim words of a document that state a link.",
  fields: (t) => ({
    document: t.string({ required: true, description: "The document's id." }),
    quote: t.string({ required: true, description: "The exact words." }),
    start: t.int({ required: true, description: "Offset of the quote in the document's text." }),
  }),
});

const LinkInput = builder.inputType("LinkInput", {
  description:
    "A structural link between two entities, or (same from, type and to) what to change of an existing one: the fields left out keep their values.",
  fields: (t) => ({
    from: t.string({
      required: true,
      description: "The key of the entity the link starts from.",
    }),
    type: t.field({ type: RelationType, required: true, description: "The kind of link." }),
    to: t.string({ required: true, description: "The key of the entity the link points to." }),
    fact: t.string({
      required: false,
      description: "The key of the fact that gives the link's figure.",
    }),
    period: t.string({ required: false, description: "The key of the TimePeriod when it holds." }),
    role: t.string({ required: false, description: "For HOLDS_ROLE: the role." }),
    source: t.field({
      type: SourceInput,
      required: false,
      description: "The words that state the link.",
    }),
  }),
});

builder.mutationType({
  description:
    "Curation: changes to the graph. Each needs a curator's bearer token and is recorded.",
});

builder.mutationFields((t) => ({
  upsertEntity: t.field({
    type: Entity,
    description:
      "Adds an entity, or updates the name, aliases and description of an existing one. Of racing adds of one new key, one creates it and the others get a CONFLICT error (nothing changed).",
    authScopes: { curator: true },
    args: { input: t.arg({ type: EntityInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const key = await upsertEntity(ctx.db, ctx.curator!, input);
      return loadOne(ctx, key);
    },
  }),
  addFact: t.field({
    type: Fact,
    description:
      "Adds a fact with its citations (each quote must stand at its offset and state the value). A key that exists, or that a racing add takes first, gets a CONFLICT error (nothing changed).",
    authScopes: { curator: true },
    args: { input: t.arg({ type: FactInput, required: true }) },
    resolve: (_root, { input }, ctx) => addFact(ctx.db, ctx.curator!, input),
  }),
  linkEntities: t.field({
    type: Entity,
    description:
      "Links two entities; returns the entity the link starts from. On a link that exists, it updates it: what the input sets (fact, period, role, source) replaces what the link held, and what it leaves out is kept (nothing is erased). Racing changes of one entity's links are written one after another.",
    authScopes: { curator: true },
    args: { input: t.arg({ type: LinkInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      loadOne(ctx, await linkEntities(ctx.db, ctx.curator!, input)),
  }),
  deprecateFact: t.field({
    type: Fact,
    description:
      "Deprecates a fact with a reason: it stays (and can be read with includeDeprecated), hidden by default.",
    authScopes: { curator: true },
    args: {
      key: t.arg.string({ required: true, description: "The fact's key." }),
      reason: t.arg.string({ required: true, description: "Why it is deprecated." }),
    },
    resolve: (_root, { key, reason }, ctx) => deprecateFact(ctx.db, ctx.curator!, key, reason),
  }),
}));

async function loadOne(ctx: { db: Parameters<typeof loadEntities>[0] }, key: string) {
  const [row] = await loadEntities(ctx.db, [key]);
  if (!row || row instanceof Error)
    throw new Error(`The entity ${key} was written but cannot be read back`);
  return row;
}
