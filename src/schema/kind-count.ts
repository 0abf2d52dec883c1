import { builder } from "../builder.js";
import { EntityKind } from "./entity-kind.js";

export const KindCount = builder.objectRef<{ kind: string; count: number }>("KindCount").implement({
  description: "The number of entities of one kind.",
  fields: (t) => ({
    kind: t.field({ type: EntityKind, description: "The kind.", resolve: (r) => r.kind as never }),
    count: t.exposeInt("count", { description: "How many entities of that kind." }),
  }),
});
