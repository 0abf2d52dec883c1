import { builder } from "../builder.js";
import { inputError } from "../input-error.js";
import { type SearchRow, searchCount, searchPage, searchWords } from "../loaders/search.js";
import { pageQuery, toPage, countAll } from "../pagination.js";
import { SearchKind } from "./entity-kind.js";
import { Language } from "./language.js";
import { Document, Entity, Variable } from "./refs.js";

const MAX_SEARCH_LENGTH = 200;

const SearchHit = builder.objectRef<SearchRow>("SearchHit").implement({
  description:
    "An entity, variable or document that matches a search, with its kind and relevance score.",
  fields: (t) => ({
    kind: t.expose("kind", { type: SearchKind, description: "What was hit." }),
    score: t.exposeFloat("score", {
      description: "Relevance (higher is better), from the full-text index.",
    }),
    entity: t.field({
      type: Entity,
      nullable: true,
      description: "The entity hit (null for a variable or a document).",
      resolve: (h) => (h.kind === "Document" || h.kind === "Variable" ? null : h.key),
    }),
    variable: t.field({
      type: Variable,
      nullable: true,
      description: "The variable hit (null for an entity or a document).",
      resolve: (h) => (h.kind === "Variable" ? h.key : null),
    }),
    document: t.field({
      type: Document,
      nullable: true,
      description: "The document hit (null for an entity or a variable).",
      resolve: (h) => (h.kind === "Document" ? h.key : null),
    }),
  }),
});

const SearchConnection = builder.connectionObject(
  {
    type: SearchHit,
    name: "SearchConnection",
    description: "A page of search hits, best first.",
    edgesField: { description: "The hits of this page." },
    fields: (t) => ({
      totalCount: t.int({
        description: "How many hits match, over all pages.",
        resolve: countAll,
      }),
    }),
  },
  {
    name: "SearchHitEdge",
    description: "A search hit in a page.",
    nodeField: { description: "The hit." },
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this hit.",
      }),
    }),
  },
);

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnection,
    nullable: true,
    description:
      "Full-text search, in English and Spanish, over the names of entities and variables (every label), " +
      "entities' descriptions and the documents' text. Case and accents do not matter (\"Nuevo Leon\" finds Nuevo León) " +
      'and words are stemmed in each language ("hospitales rurales" finds Rural Hospital). ' +
      "Every word must match; the last one also matches as a prefix. A hit in a name ranks before a hit in a text; " +
      "ties are broken by key.",
    args: {
      text: t.arg.string({ required: true, description: "The words to find." }),
      kinds: t.arg({
        type: [SearchKind],
        required: false,
        description: "Only hits of these kinds.",
      }),
      language: t.arg({
        type: Language,
        required: false,
        description:
          "Only this language's index: its stemming, and its texts (names are in both). Default: both.",
      }),
      first: t.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: t.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx) => {
      const text = args.text.trim();
      if (!text) throw inputError("text", "must not be empty");
      if (searchWords(text).length === 0)
        throw inputError("text", "must contain a letter or a digit to search for");
      if (text.length > MAX_SEARCH_LENGTH)
        throw inputError("text", `must be at most ${MAX_SEARCH_LENGTH} characters`);
      const kinds = args.kinds ?? null;
      const language = args.language ?? null;
      const page = pageQuery(args, {
        list: "search",
        filter: [searchWords(text), kinds, language],
      });
      const rows = await searchPage(ctx.db, text, language, kinds, page);
      const result = toPage(
        rows,
        page,
        (r) => ({ value: r.score, key: r.key }),
        (r) => r,
      );
      return { ...result, count: () => searchCount(ctx.db, text, language, kinds) };
    },
  }),
);
