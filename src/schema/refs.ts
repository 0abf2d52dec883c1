import { builder } from "../builder.js";
import {
  type DocumentRow,
  loadDocuments,
  loadVariables,
  type VariableRow,
} from "../loaders/documents.js";
import { type EntityRow, loadEntities } from "../loaders/entities.js";
import { type CitationRow, type FactRow, loadCitations, loadFacts } from "../loaders/facts.js";

/**
 * The types that other types name, declared before any is implemented: each type's file
 * implements its ref (`Fact.implement`), and any file may add fields to it
 * (`builder.objectField(Fact, ...)`), whatever the order in which ../schema.ts imports them.
 * Rows are cached by the request's Db (../db/db.ts): Pothos' loaders of these types only batch.
 */

const loaderOptions = { cache: false };

const GLOBAL_ID = "Global id (Relay): pass it to `node(id:)`, or wherever its key is taken.";

/** Every entity of the graph: a Relay node with a stable key. */
export const Entity = builder.loadableInterfaceRef<EntityRow, string>("Entity", {
  load: (keys, ctx) => loadEntities(ctx.db, keys),
  loaderOptions,
});

/** The object type of one entity kind (implemented by `defineEntity`). */
export function entityRef(kind: string) {
  return builder.loadableNodeRef<EntityRow, string>(kind, {
    id: { resolve: (row: EntityRow) => row.key, description: GLOBAL_ID },
    load: (keys: string[], ctx) => loadEntities(ctx.db, keys, kind),
    loaderOptions,
  });
}

export const TimePeriod = entityRef("TimePeriod");

export const Fact = builder.loadableNodeRef<FactRow, string>("Fact", {
  id: { resolve: (row: FactRow) => row.key, description: GLOBAL_ID },
  load: (keys: string[], ctx) => loadFacts(ctx.db, keys),
  loaderOptions,
});

export const Citation = builder.loadableNodeRef<CitationRow, string>("Citation", {
  id: { resolve: (row: CitationRow) => row.key, description: "Global id (Relay)." },
  load: (keys: string[], ctx) => loadCitations(ctx.db, keys),
  loaderOptions,
});

export const Document = builder.loadableNodeRef<DocumentRow, string>("Document", {
  id: { resolve: (row: DocumentRow) => row.id, description: GLOBAL_ID },
  load: (ids: string[], ctx) => loadDocuments(ctx.db, ids),
  loaderOptions,
});

export const Variable = builder.loadableNodeRef<VariableRow, string>("Variable", {
  id: { resolve: (row: VariableRow) => row.key, description: GLOBAL_ID },
  load: (keys: string[], ctx) => loadVariables(ctx.db, keys),
  loaderOptions,
});
