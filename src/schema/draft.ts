import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { builder, type Types } from "../builder.js";
import { ingestDocument, newDocumentDate } from "../curation/ingest.js";
import type { Draft, DraftFigure, DraftSkip, GraphMatch } from "../draft/draft.js";
import { readDraftGraph } from "../draft/draft-graph.js";
import { figureKey } from "../draft/draft-yaml.js";
import type { Candidate } from "../draft/match.js";
import type { PeriodGuess } from "../draft/period.js";
import { inputError } from "../input-error.js";
import { Document } from "./document.js";
import { Entity } from "./entity.js";
import { Fact } from "./fact.js";
import { Qualifier, Statistic, Unit } from "./fact-enums.js";
import { Language } from "./language.js";
import { Variable } from "./variable.js";

/**
 * Drafting: `draft` proposes the facts of a new document (src/draft/draft.ts; nothing is
 * written), `ingestDocument` writes a settled facts file with its document, as `npm run ingest`.
 * Both are a curator's; their CPU work runs in the server's worker pool (src/workers/), within a
 * time budget, and drafts within each curator's rate.
 */

/** A type of proposed keys; `extra` adds the field that resolves the key (entity, variable). */
function candidateRef(
  name: string,
  description: string,
  extra?: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Candidate>) => Record<string, unknown>,
) {
  return builder.objectRef<Candidate>(name).implement({
    description,
    fields: (t) => ({
      key: t.exposeString("key", { description: "The proposed key." }),
      score: t.exposeFloat("score", { description: "How sure (0 to 1)." }),
      why: t.exposeString("why", { description: "What in the words led to it." }),
      ...(extra?.(t) ?? {}),
    }),
  });
}

const DraftCandidate = candidateRef(
  "DraftCandidate",
  "A proposed key, with how sure the drafter is (0 to 1) and why.",
);
const EntityCandidate = candidateRef("EntityCandidate", "A proposed entity.", (t) => ({
  entity: t.field({ type: Entity, description: "The entity.", resolve: (c) => c.key }),
}));
const VariableCandidate = candidateRef("VariableCandidate", "A proposed variable.", (t) => ({
  variable: t.field({ type: Variable, description: "The variable.", resolve: (c) => c.key }),
}));

const NewPeriod = builder.objectRef<PeriodGuess>("NewPeriod").implement({
  description: "A period the graph lacks, proposed for the curator to add.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "A proposed key." }),
    start: t.exposeString("start", { description: "First day (YYYY-MM-DD)." }),
    end: t.exposeString("end", { description: "Last day (YYYY-MM-DD)." }),
    granularity: t.exposeString("granularity", { description: "day, month, year, range..." }),
  }),
});

const GraphMatchKind = builder.enumType("GraphMatchKind", {
  description: "What the graph already says about a drafted figure.",
  values: {
    NEW: { value: "new", description: "Nothing: a new fact." },
    CORROBORATES: {
      value: "corroborates",
      description: "The same value for the same thing and period: a new citation of that fact.",
    },
    CONFLICTS: {
      value: "conflicts",
      description: "Another value for the same thing and period: a conflict with that fact.",
    },
    LATER_PERIOD: {
      value: "later-period",
      description: "A value for the same thing in another period: a new fact beside that one.",
    },
  } as const,
});

const DraftGraphMatch = builder.objectRef<GraphMatch>("DraftGraphMatch").implement({
  description: "What the graph already says about a drafted figure, with the fact it says it in.",
  fields: (t) => ({
    kind: t.field({
      type: GraphMatchKind,
      description: "New, or how it relates to a fact.",
      resolve: (g) => g.kind,
    }),
    fact: t.field({
      type: Fact,
      nullable: true,
      description: "The graph's fact (null for a new figure).",
      resolve: (g) => (g.kind === "new" ? null : g.fact),
    }),
  }),
});

const DraftedFigure = builder
  .objectRef<DraftFigure & { index: number; key: string }>("DraftFigure")
  .implement({
    description: "A figure of the document, with what the drafter proposes for it.",
    fields: (t) => ({
      index: t.exposeInt("index", {
        description: "Its place among the draft's figures (0-based).",
      }),
      key: t.exposeString("key", { description: "The fact key the draft gives it." }),
      value: t.exposeFloat("value", {
        nullable: true,
        description: "The value (null when unreadable).",
      }),
      raw: t.exposeString("raw", { description: "The number's words." }),
      quote: t.exposeString("quote", { description: "The words that state it." }),
      start: t.exposeInt("start", { description: "The quote's offset in the text (UTF-16)." }),
      end: t.exposeInt("end", { description: "Where the quote ends." }),
      qualifier: t.field({
        type: Qualifier,
        description: "As the words qualify it.",
        resolve: (f) => f.qualifier,
      }),
      unit: t.field({ type: Unit, description: "Its unit.", resolve: (f) => f.unit }),
      statistic: t.field({
        type: Statistic,
        description: "How it counts.",
        resolve: (f) => f.statistic,
      }),
      about: t.field({
        type: [EntityCandidate],
        description: "Entities it may be about, best first.",
        resolve: (f) => f.about,
      }),
      variable: t.field({
        type: [VariableCandidate],
        description: "Variables it may measure, best first.",
        resolve: (f) => f.variable,
      }),
      period: t.field({
        type: [DraftCandidate],
        description: "Periods of the graph it may hold in, best first.",
        resolve: (f) => f.period,
      }),
      newPeriod: t.field({
        type: NewPeriod,
        nullable: true,
        description: "A period to add, when none of the graph's fits.",
        resolve: (f) => f.newPeriod,
      }),
      scope: t.exposeString("scope", {
        nullable: true,
        description: "Whose figure it is, when not its entity's.",
      }),
      comparedTo: t.exposeString("comparedTo", {
        nullable: true,
        description: "For an increase: the period it is compared with.",
      }),
      confidence: t.exposeFloat("confidence", {
        description: "How sure the drafter is of the whole figure (0 to 1).",
      }),
      unsettled: t.exposeStringList("unsettled", {
        description: "What the curator must settle (empty when sure).",
      }),
      graph: t.field({
        type: DraftGraphMatch,
        description: "What the graph already says.",
        resolve: (f) => f.graph,
      }),
    }),
  });

const DraftedSkip = builder.objectRef<DraftSkip>("DraftSkip").implement({
  description: "A number of the document that is not a figure, with why.",
  fields: (t) => ({
    raw: t.exposeString("raw", { description: "The number's words." }),
    start: t.exposeInt("start", { description: "Its offset in the text." }),
    reason: t.exposeString("reason", { description: "Why it is not a figure." }),
  }),
});

const DraftResult = builder.objectRef<Draft & { yaml: string }>("Draft").implement({
  description:
    "A draft of a document's facts: its figures with proposals, its skipped numbers, and the facts file (seed format) that ingestDocument takes once settled.",
  fields: (t) => ({
    id: t.string({ description: "The document's id.", resolve: (d) => d.document.id }),
    date: t.string({ description: "Its date, from its header.", resolve: (d) => d.document.date }),
    language: t.field({
      type: Language,
      description: "Its language (given, or detected).",
      resolve: (d) => d.document.language,
    }),
    figures: t.field({
      type: [DraftedFigure],
      description: "Its figures, in order.",
      resolve: (d) =>
        d.figures.map((f, index) => ({ ...f, index, key: figureKey(d.document.id, index, f) })),
    }),
    skips: t.field({
      type: [DraftedSkip],
      description: "Its numbers that are not figures.",
      resolve: (d) => d.skips,
    }),
    yaml: t.exposeString("yaml", {
      description: "The draft as a facts file (seed format, with the proposals in comments).",
    }),
  }),
});

const DraftInput = builder.inputType("DraftInput", {
  description: "A new document to draft.",
  fields: (t) => ({
    id: t.string({ required: true, description: "Its id (a file name without .txt)." }),
    text: t.string({
      required: true,
      description:
        'Its whole text, starting with " date YYYY-MM-DD ", at most DRAFT_MAX_CHARS characters (20,000 by default).',
    }),
    language: t.field({
      type: Language,
      required: false,
      description: "Its language (detected when not given).",
    }),
  }),
});

const IngestInput = builder.inputType("IngestInput", {
  description: "A new document with its settled facts file, to write into the graph.",
  fields: (t) => ({
    id: t.string({ required: true, description: "Its id (a file name without .txt)." }),
    text: t.string({
      required: true,
      description: 'Its whole text, starting with " date YYYY-MM-DD ".',
    }),
    facts: t.string({
      required: true,
      description:
        "Its facts file in the seed format (YAML or JSON): documents, facts, corroborations, conflicts, skips...",
    }),
  }),
});

const IngestResult = builder
  .objectRef<{ document: string; facts: string[]; corroborated: string[] }>("IngestResult")
  .implement({
    description: "What an ingest wrote.",
    fields: (t) => ({
      document: t.field({
        type: Document,
        description: "The new document.",
        resolve: (r) => r.document,
      }),
      facts: t.field({ type: [Fact], description: "Its new facts.", resolve: (r) => r.facts }),
      corroborated: t.field({
        type: [Fact],
        description: "The graph's facts it cites anew.",
        resolve: (r) => r.corroborated,
      }),
    }),
  });

/** Whether the field being resolved selects `name` (through fragments too). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

builder.queryField("draft", (t) =>
  t.field({
    type: DraftResult,
    description:
      "Drafts the facts of a new document against the graph: every figure with its quote, proposed entity, variable, period, statistic and qualifier, and what the graph already says. Writes nothing. A curator's (bearer token): a text over DRAFT_MAX_CHARS characters is refused, a draft over its time budget (DRAFT_TIMEOUT_MS) is cancelled (code TIMEOUT), and a curator who drafts more than DRAFT_BURST at once or DRAFT_RATE_PER_MINUTE a minute is told when to retry (code RATE_LIMITED, retryAfterSeconds).",
    authScopes: { curator: true },
    args: { input: t.arg({ type: DraftInput, required: true }) },
    resolve: async (_root, { input }, ctx, info) => {
      const { maxChars } = ctx.cpu.limits;
      if (input.text.length > maxChars)
        throw inputError(
          "input.text",
          `must be at most ${maxChars} characters to draft (it has ${input.text.length})`,
        );
      const date = newDocumentDate(input);
      ctx.cpu.admitDraft(ctx.curator?.name ?? "");
      const graph = await readDraftGraph(ctx.db);
      const document = {
        id: input.id,
        date,
        text: input.text,
        language: input.language ?? undefined,
      };
      const yaml = selects(info, "yaml");
      return ctx.cpu.run("draft", { document, graph, yaml }, "input.text");
    },
  }),
);

builder.mutationField("ingestDocument", (t) =>
  t.field({
    type: IngestResult,
    description:
      "Writes a new document with its settled facts file, validated as npm run ingest validates it, in one write transaction recorded in the change log.",
    authScopes: { curator: true },
    args: { input: t.arg({ type: IngestInput, required: true }) },
    resolve: (_root, { input }, ctx) => ingestDocument(ctx.db, ctx.curator!, input, ctx.cpu),
  }),
);
