import { builder } from "../../builder.js";
import type { GraphMatch } from "../../draft/draft.js";
import { Fact } from "../refs.js";
import { GraphMatchKind } from "./graph-match-kind.js";

export const DraftGraphMatch = builder.objectRef<GraphMatch>("DraftGraphMatch").implement({
  description: "What the graph already says about a drafted figure, with the fact it says it in.",
  fields: (t) => ({
    kind: t.expose("kind", {
      type: GraphMatchKind,
      description: "New, or how it relates to a fact.",
    }),
    fact: t.field({
      type: Fact,
      nullable: true,
      description: "The graph's fact (null for a new figure).",
      resolve: (g) => (g.kind === "new" ? null : g.fact),
    }),
  }),
});
