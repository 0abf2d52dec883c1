import { builder } from "../../builder.js";

export const SourceInput = builder.inputType("SourceInput", {
  description: "The verbatim words of a document that state a link.",
  fields: (t) => ({
    document: t.string({ required: true, description: "The document's id." }),
    quote: t.string({ required: true, description: "The exact words." }),
    start: t.int({ required: true, description: "Offset of the quote in the document's text." }),
  }),
});
