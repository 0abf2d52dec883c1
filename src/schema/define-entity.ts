import type { EntityRow } from "../loaders/entities.js";
import { Entity, entityRef } from "./refs.js";

/**
 * One GraphQL object type per entity kind: a Relay node (global id from its key), loaded in
 * batches by key, implementing Entity. `ref`: the kind's ref, when ./refs.ts declares it.
 */
export function defineEntity(kind: string, description: string, ref = entityRef(kind)) {
  ref.implement({
    description,
    interfaces: [Entity],
    isTypeOf: (row) => (row as EntityRow).kind === kind,
    fields: () => ({}),
  });
  return ref;
}
