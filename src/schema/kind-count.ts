import { builder } from "../builder.js";
import type { EntityKind as EntityKindName } from "../model/vocabulary.js";
import { EntityKind } from "./entity-kind.js";

export const KindCount = builder
  .objectRef<{ kind: EntityKindName; count: number }>("KindCount")
  .implement({
    description: "The number of entities of one kind.",
    fields: (t) => ({
      kind: t.expose("kind", { type: EntityKind, description: "The kind." }),
      count: t.exposeInt("count", { description: "How many entities of that kind." }),
    }),
  });
