import { builder } from "../builder.js";
import { loadDocuments, loadVariables } from "../loaders/documents.js";
import { citationsOfFact, factLinks } from "../loaders/facts.js";
import { factCiteAs } from "./cite-as.js";
import { Citation, Document, Fact } from "./refs.js";

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
    document: t.expose("document", { type: Document, description: "The source document." }),
    fact: t.expose("fact", { type: Fact, description: "The fact it states." }),
    garbled: t.string({
      nullable: true,
      description:
        "When the words are garbled: what is wrong with them, and what (if anything) settles it.",
      resolve: (c) => c.garbled,
    }),
    note: t.string({ nullable: true, description: "A curator's note.", resolve: (c) => c.note }),
  }),
});

/** A fact's citations, and the citation line made from them: both read them once per request. */
builder.objectFields(Fact, (t) => ({
  citations: t.field({
    type: [Citation],
    description: "The quotes that state this fact (two when both sources agree).",
    resolve: (f, _args, ctx) => citationsOfFact(ctx.db, f.key),
  }),
  citeAs: t.string({
    description:
      "A ready-to-paste citation line: what the fact states and, for each citation, the document, " +
      "the offsets and the quote.",
    resolve: async (f, _args, ctx) => {
      const citations = await citationsOfFact(ctx.db, f.key);
      const [links, [variable], documents] = await Promise.all([
        factLinks(ctx.db, f),
        loadVariables(ctx.db, [f.variable]),
        loadDocuments(ctx.db, [...new Set(citations.map((c) => c.document))]),
      ]);
      const byId = new Map(
        documents.flatMap((d) => (d instanceof Error ? [] : [[d.id, d] as const])),
      );
      return factCiteAs({
        key: f.key,
        value: f.value,
        unit: f.unit,
        variableName: variable && !(variable instanceof Error) ? variable.name : f.variable,
        aboutName: links.about.name,
        periodName: links.period.name,
        citations: citations.map((c) => ({ ...c, document: byId.get(c.document) ?? null })),
      });
    },
  }),
}));
