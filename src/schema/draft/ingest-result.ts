import { builder } from "../../builder.js";
import { ingestDocument } from "../../curation/ingest.js";
import { Document, Fact } from "../refs.js";
import { IngestInput } from "./ingest-input.js";

const IngestResult = builder
  .objectRef<{ document: string; facts: string[]; corroborated: string[] }>("IngestResult")
  .implement({
    description: "What an ingest wrote.",
    fields: (t) => ({
      document: t.expose("document", { type: Document, description: "The new document." }),
      facts: t.expose("facts", { type: [Fact], description: "Its new facts." }),
      corroborated: t.expose("corroborated", {
        type: [Fact],
        description: "The graph's facts it cites anew.",
      }),
    }),
  });

builder.mutationField("ingestDocument", (t) =>
  t.withAuth({ curator: true }).field({
    type: IngestResult,
    description:
      "Writes a new document with its settled facts file, validated as npm run ingest validates it, in one write transaction recorded in the change log.",
    args: {
      input: t.arg({
        type: IngestInput,
        required: true,
        description: "The document (its id and text) and its settled facts file.",
      }),
    },
    resolve: (_root, { input }, ctx) => ingestDocument(ctx.db, ctx.curator, input, ctx.cpu),
  }),
);
