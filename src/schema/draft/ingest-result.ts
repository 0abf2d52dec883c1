import { builder } from "../../builder.js";
import { ingestDocument } from "../../curation/curate.js";
import { Document, Fact } from "../refs.js";
import { IngestInput } from "./ingest-input.js";

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

builder.mutationField("ingestDocument", (t) =>
  t.withAuth({ curator: true }).field({
    type: IngestResult,
    description:
      "Writes a new document with its settled facts file, validated as npm run ingest validates it, in one write transaction recorded in the change log.",
    args: { input: t.arg({ type: IngestInput, required: true }) },
    resolve: (_root, { input }, ctx) => ingestDocument(ctx.db, ctx.curator, input, ctx.cpu),
  }),
);
