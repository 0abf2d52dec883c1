import { builder } from "../../builder.js";
import type { Db } from "../../db/db.js";
import { addFact, deprecateFact, linkEntities, upsertEntity } from "../../curation/curate.js";
import { loadEntities } from "../../loaders/entities.js";
import { Entity, Fact } from "../refs.js";
import { EntityInput } from "./entity-input.js";
import { FactInput } from "./fact-input.js";
import { LinkInput } from "./link-input.js";

/**
 * Curation mutations. Each needs a curator's bearer token, is validated exactly
 * as the seed loader validates seeds, runs in one write transaction (a failure
 * writes nothing) and records who made it and when (`changes`, `history`).
 * Racing writes are never merged (src/curation/curate.ts): of racing creates of one key, one
 * succeeds and the others get a CONFLICT error; racing updates are written one after another.
 */

builder.mutationType({
  description:
    "Curation: changes to the graph. Each needs a curator's bearer token and is recorded.",
});

builder.mutationFields((t) => ({
  upsertEntity: t.withAuth({ curator: true }).field({
    type: Entity,
    description:
      "Adds an entity, or updates the name, aliases and description of an existing one. Of racing adds of one new key, one creates it and the others get a CONFLICT error (nothing changed).",
    args: {
      input: t.arg({
        type: EntityInput,
        required: true,
        description:
          "The entity: its key, kind, names and description (an existing key updates that entity).",
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const key = await upsertEntity(ctx.db, ctx.curator, input);
      return loadOne(ctx.db, key);
    },
  }),
  addFact: t.withAuth({ curator: true }).field({
    type: Fact,
    description:
      "Adds a fact with its citations (each quote must stand at its offset and state the value). A key that exists, or that a racing add takes first, gets a CONFLICT error (nothing changed).",
    args: {
      input: t.arg({
        type: FactInput,
        required: true,
        description:
          "The new fact: its key, figure, variable, entity, period and the citations that state it.",
      }),
    },
    resolve: (_root, { input }, ctx) => addFact(ctx.db, ctx.curator, input),
  }),
  linkEntities: t.withAuth({ curator: true }).field({
    type: Entity,
    description:
      "Links two entities; returns the entity the link starts from. On a link that exists, it updates it: what the input sets (fact, period, role, source) replaces what the link held, and what it leaves out is kept (nothing is erased). Racing changes of one entity's links are written one after another.",
    args: {
      input: t.arg({
        type: LinkInput,
        required: true,
        description:
          "The link: from, type and to, and what it carries (fact, period, role, source).",
      }),
    },
    resolve: async (_root, { input }, ctx) =>
      loadOne(ctx.db, await linkEntities(ctx.db, ctx.curator, input)),
  }),
  deprecateFact: t.withAuth({ curator: true }).field({
    type: Fact,
    description:
      "Deprecates a fact with a reason: it stays (and can be read with includeDeprecated), hidden by default.",
    args: {
      key: t.arg.string({ required: true, description: "The fact's key." }),
      reason: t.arg.string({ required: true, description: "Why it is deprecated." }),
    },
    resolve: (_root, { key, reason }, ctx) => deprecateFact(ctx.db, ctx.curator, key, reason),
  }),
}));

async function loadOne(db: Db, key: string) {
  const [row] = await loadEntities(db, [key]);
  if (!row || row instanceof Error)
    throw new Error(`The entity ${key} was written but cannot be read back`);
  return row;
}
