import { builder } from "../builder.js";
import { ENTITY_KIND } from "../model/vocabulary.js";

export const EntityKind = builder.enumType("EntityKind", {
  description: "The kind of an entity.",
  values: ENTITY_KIND,
});

export const SearchKind = builder.enumType("SearchKind", {
  description:
    "What a search hit can be: an entity of some kind, a variable, or a source document.",
  values: {
    ...ENTITY_KIND,
    VARIABLE: { value: "Variable", description: "What facts measure (its names are searched)." },
    DOCUMENT: { value: "Document", description: "A source document (its full text is searched)." },
  },
});
