import { builder } from "../../builder.js";
import { Language } from "../language.js";

export const DraftInput = builder.inputType("DraftInput", {
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
