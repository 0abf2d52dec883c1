import { builder } from "../builder.js";
import { type CitationRow, loadCitations } from "../loaders/facts.js";
import { Document } from "./document.js";
import { Fact } from "./fact.js";

export const Citation = builder.loadableNodeRef<CitationRow, string>("Citation", {
  id: { resolve: (row: CitationRow) => row.key, description: "Global id (Relay)." },
  load: (keys: string[], ctx) => loadCitations(ctx.db, keys),
});

Citation.implement({
  description:
    "The verbatim words of a source document that state a fact, at their character offsets: " +
    "`document.text` sliced from `start` to `end` is exactly `quote`.",
  fields: (t) => ({
    quote: t.exposeString("quote", { description: "The exact words of the source." }),
    start: t.exposeInt("start", {
      description: "Offset of the quote's first character in the document's text (UTF-16).",
    }),
    end: t.exposeInt("end", { description: "Offset just past the quote's last character." }),
    document: t.field({
      type: Document,
      description: "The source document.",
      resolve: (c) => c.document,
    }),
    fact: t.field({ type: Fact, description: "The fact it states.", resolve: (c) => c.fact }),
    garbled: t.string({
      nullable: true,
      description:
        "When the words are garbled: what is wrong with them, and what (if anything) settles it.",
      resolve: (c) => c.garbled,
    }),
    note: t.string({ nullable: true, description: "A curator's note.", resolve: (c) => c.note }),
  }),
});
