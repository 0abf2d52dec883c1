import { builder } from "../../builder.js";
import { newDocumentDate } from "../../curation/ingest.js";
import type { Draft } from "../../draft/draft.js";
import { readDraftGraph } from "../../draft/draft-graph.js";
import { figureKey } from "../../draft/figure-edit.js";
import { inputError } from "../../input-error.js";
import { Language } from "../language.js";
import { type SelectionQuestion, selects } from "../plan/selection.js";
import { DraftInput } from "./draft-input.js";
import { DraftedFigure } from "./figure.js";
import "./percent-of.js";
import { DraftedSkip } from "./skip.js";

/**
 * Drafting: `draft` proposes the facts of a new document (src/draft/draft.ts; nothing is
 * written), `ingestDocument` writes a settled facts file with its document, as `npm run ingest`.
 * Both are a curator's; their CPU work runs in the server's worker pool (src/workers/), within a
 * time budget, and drafts within each curator's rate.
 */

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
        d.figures.map((f, index) => ({
          ...f,
          index,
          key: figureKey(d.document.id, index, f.about[0]?.key),
        })),
    }),
    skips: t.expose("skips", {
      type: [DraftedSkip],
      description: "Its numbers that are not figures.",
    }),
    yaml: t.exposeString("yaml", {
      description: "The draft as a facts file (seed format, with the proposals in comments).",
    }),
  }),
});

/** Whether a draft's selection asks for its facts file (written only then). */
const YAML: SelectionQuestion = {
  name: "draft-yaml",
  path: [],
  type: "Draft",
  wanted: (field) => field === "yaml",
};

builder.queryField("draft", (t) =>
  t.withAuth({ curator: true }).field({
    type: DraftResult,
    description:
      "Drafts the facts of a new document against the graph: every figure with its quote, proposed entity, variable, period, statistic and qualifier, and what the graph already says. Writes nothing. A curator's (bearer token): a text over DRAFT_MAX_CHARS characters is refused, a draft over its time budget (DRAFT_TIMEOUT_MS) is cancelled (code TIMEOUT), and a curator who drafts more than DRAFT_BURST at once or DRAFT_RATE_PER_MINUTE a minute is told when to retry (code RATE_LIMITED, retryAfterSeconds).",
    args: {
      input: t.arg({
        type: DraftInput,
        required: true,
        description:
          "The document to draft: its id, text (at most DRAFT_MAX_CHARS characters) and language.",
      }),
    },
    resolve: async (_root, { input }, ctx, info) => {
      const { maxChars } = ctx.cpu.limits;
      if (input.text.length > maxChars)
        throw inputError(
          "input.text",
          `must be at most ${maxChars} characters to draft (it has ${input.text.length})`,
        );
      const date = newDocumentDate(input);
      ctx.cpu.admitDraft(ctx.curator.name);
      const graph = await readDraftGraph(ctx.db);
      const document = {
        id: input.id,
        date,
        text: input.text,
        language: input.language ?? undefined,
      };
      const yaml = selects(ctx, info, YAML);
      return ctx.cpu.run("draft", { document, graph, yaml }, "input.text");
    },
  }),
);
