import { Entity } from "../refs.js";
import { candidateRef } from "./candidate.js";

export const EntityCandidate = candidateRef("EntityCandidate", "A proposed entity.", (t) => ({
  entity: t.field({ type: Entity, description: "The entity.", resolve: (c) => c.key }),
}));
