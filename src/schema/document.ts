import { builder } from "../builder.js";
import { keyFrom, keyOrId } from "../global-id.js";
import { notFound } from "../input-error.js";
import { allDocuments, type DocumentRow, loadDocuments } from "../loaders/documents.js";
import { Document } from "./refs.js";
import { documentCiteAs, PUBLISHER } from "./cite-as.js";
import { factsField } from "./fact-connection.js";
import { Label } from "./label.js";
import { Language } from "./language.js";

Document.implement({
  description: "A source document (an IMSS press release), with its full text.",
  fields: (t) => ({
    key: t.exposeString("id", {
      description: "The document's id (its file name in seeds/documents).",
    }),
    date: t.exposeString("date", { description: "Publication date (YYYY-MM-DD)." }),
    title: t.exposeString("title", { description: "A title." }),
    language: t.expose("language", {
      type: Language,
      description: "The language it is written in (its numbers are read in it).",
    }),
    publisher: t.string({
      description: "Who published it: the Institute.",
      resolve: () => PUBLISHER,
    }),
    sha256: t.string({
      nullable: true,
      description:
        "SHA-256 of the text (its UTF-8 bytes, hex): the text the citations' offsets point into.",
      resolve: (d) => d.sha256 ?? null,
    }),
    citeAs: t.string({
      description: "A ready-to-paste citation line: publisher, date, title, id and SHA-256.",
      resolve: (d) => documentCiteAs(d),
    }),
    text: t.exposeString("text", { description: "The full text; citation offsets point into it." }),
    length: t.exposeInt("length", { description: "Length of the text in UTF-16 code units." }),
    facts: factsField<DocumentRow>(
      t,
      "The facts this document supports (one of their citations quotes it).",
      "DOCUMENT",
      (d: DocumentRow) => d.id,
    ),
  }),
});

builder.queryFields((t) => ({
  documents: t.field({
    type: [Document],
    description: "The source documents, oldest first.",
    resolve: (_root, _args, ctx) => allDocuments(ctx.db),
  }),
  document: t.field({
    type: Document,
    nullable: true,
    description:
      "The document with this key (or global id); null, with a NOT_FOUND error, if none has it.",
    args: {
      key: t.arg.string({ required: true, description: "The document's key (or global id)." }),
    },
    resolve: async (_root, args, ctx) => {
      const key = keyFrom(args.key, "document");
      const [row] = await loadDocuments(ctx.db, [key]);
      if (!row || row instanceof Error)
        throw notFound("key", `no document has ${keyOrId(args.key, key)}`);
      return row;
    },
  }),
}));

builder.objectField(Label, "document", (t) =>
  t.field({
    type: Document,
    nullable: true,
    description: "For words of a source: the first document that has them.",
    resolve: (l) => l.document,
  }),
);
