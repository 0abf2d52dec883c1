import { builder } from "../../builder.js";
import { type Ingested, ingestDocument } from "../../curation/ingest.js";
import { Document, Entity, Fact } from "../refs.js";
import { IngestInput } from "./ingest-input.js";

const IngestResult = builder.objectRef<Ingested>("IngestResult").implement({
  description: "What an ingest wrote.",
  fields: (t) => ({
    document: t.expose("document", { type: Document, description: "The new document." }),
    facts: t.expose("facts", { type: [Fact], description: "Its new facts." }),
    entities: t.expose("entities", {
      type: [Entity],
      description:
        "The entities it adds: its new periods, and the new entities the curator accepted from the draft.",
    }),
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
