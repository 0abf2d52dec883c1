import { builder } from "../../builder.js";

export const CitationInput = builder.inputType("CitationInput", {
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
