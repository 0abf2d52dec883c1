import { builder } from "../builder.js";
import { type EntityRow, loadEntities } from "../loaders/entities.js";
import { Entity } from "./entity.js";

/**
 * One GraphQL object type per entity kind: a Relay node (global id from its key),
 * loaded in batches by key, implementing Entity.
 */
export function defineEntity(kind: string, description: string) {
  return builder.loadableNode(kind, {
    description,
    interfaces: [Entity],
    isTypeOf: (row) => (row as EntityRow).kind === kind,
    id: {
      resolve: (row: EntityRow) => row.key,
      description: "Global id (Relay): pass it to `node(id:)`, or wherever its key is taken.",
    },
    load: (keys: string[], ctx) => loadEntities(ctx.db, keys, kind),
    fields: () => ({}),
  });
}
