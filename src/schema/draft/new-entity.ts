import { builder } from "../../builder.js";
import type { NewEntityProposal } from "../../draft/draft.js";
import { EntityKind } from "../entity-kind.js";

const ProposedLabels = builder.objectRef<NewEntityProposal["labels"]>("ProposedLabels").implement({
  description:
    "The drafter's guesses at an entity's preferred labels, for the curator to confirm or edit (never facts).",
  fields: (t) => ({
    en: t.exposeString("en", { description: "In English." }),
    es: t.exposeString("es", { description: "In Spanish." }),
  }),
});

export const NewEntity = builder.objectRef<NewEntityProposal>("NewEntity").implement({
  description:
    "An entity the graph lacks, proposed for a figure that none of the graph's entities fits (e.g. a new kind of facility), for the curator to accept, edit or reject.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "A proposed key." }),
    kind: t.expose("kind", { type: EntityKind, description: "Its kind." }),
    labels: t.expose("labels", {
      type: ProposedLabels,
      description: "Its labels in both languages: guesses for the curator to confirm.",
    }),
    words: t.exposeString("words", { description: "The words of the text it comes from." }),
    start: t.exposeInt("start", { description: "Where those words start in the text (UTF-16)." }),
    end: t.exposeInt("end", { description: "Where they end." }),
  }),
});
