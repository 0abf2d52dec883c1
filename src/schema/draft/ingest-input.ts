import { builder } from "../../builder.js";

export const IngestInput = builder.inputType("IngestInput", {
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
