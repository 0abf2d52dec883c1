import { builder } from "../../builder.js";
import type { PercentOf } from "../../draft/percents.js";
import { Fact } from "../refs.js";
import { DraftedFigure } from "./figure.js";

/** `DraftFigure.percentOf`: what a drafted percent is a percent of, where its words say so. */

const DraftPercentOf = builder.objectRef<PercentOf>("DraftPercentOf").implement({
  description:
    "What a drafted percent is a percent of: another figure of the same draft, or a fact of the graph.",
  fields: (t) => ({
    figure: t.int({
      nullable: true,
      description:
        "The index of the figure of this draft it is a percent of (the target, the total).",
      resolve: (p) => p.figure,
    }),
    fact: t.field({
      type: Fact,
      nullable: true,
      description: "The graph's fact it is a percent of, when no figure of the draft is.",
      resolve: (p) => p.fact,
    }),
    words: t.exposeString("words", {
      description: 'The words that say so ("de la meta anual", "of the consultations").',
    }),
  }),
});

builder.objectField(DraftedFigure, "percentOf", (t) =>
  t.field({
    type: DraftPercentOf,
    nullable: true,
    description:
      "For a percent (unit PERCENT): what it is a percent of, where the words say so; null otherwise.",
    resolve: (f) => f.percentOf,
  }),
);
