import { builder } from "../../builder.js";
import type { GraphMatch } from "../../draft/draft.js";
import { Document, Fact, TimePeriod } from "../refs.js";
import { GraphMatchKind } from "./graph-match-kind.js";

/** A field of the graph's fact, null for a new figure. */
const ofFact =
  <T>(field: (g: Exclude<GraphMatch, { kind: "new" }>) => T) =>
  (g: GraphMatch): T | null =>
    g.kind === "new" ? null : field(g);

export const DraftGraphMatch = builder.objectRef<GraphMatch>("DraftGraphMatch").implement({
  description:
    "What the graph already says about a drafted figure, with the fact it says it in: its value, period and " +
    "source, given directly (for RESTATES and CHANGED, the earlier value the figure restates or changes from).",
  fields: (t) => ({
    kind: t.expose("kind", {
      type: GraphMatchKind,
      description: "New, or how it relates to a fact.",
    }),
    fact: t.field({
      type: Fact,
      nullable: true,
      description: "The graph's fact (null for a new figure).",
      resolve: ofFact((g) => g.fact),
    }),
    value: t.float({
      nullable: true,
      description: "The graph's fact's value (null for a new figure or a fact without one).",
      resolve: ofFact((g) => g.value),
    }),
    period: t.field({
      type: TimePeriod,
      nullable: true,
      description: "The graph's fact's period (null for a new figure).",
      resolve: ofFact((g) => g.period),
    }),
    document: t.field({
      type: Document,
      nullable: true,
      description: "The document of the graph's fact's first citation (null for a new figure).",
      resolve: ofFact((g) => g.document || null),
    }),
    quote: t.string({
      nullable: true,
      description: "The words of the graph's fact's first citation (null for a new figure).",
      resolve: ofFact((g) => g.quote || null),
    }),
  }),
});
