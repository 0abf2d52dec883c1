import { builder, type Types } from "../../builder.js";
import type { Candidate } from "../../draft/match.js";

/** A type of proposed keys; `extra` adds the field that resolves the key (entity, variable). */
export function candidateRef(
  name: string,
  description: string,
  extra?: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Candidate>) => Record<string, unknown>,
) {
  return builder.objectRef<Candidate>(name).implement({
    description,
    fields: (t) => ({
      key: t.exposeString("key", { description: "The proposed key." }),
      score: t.exposeFloat("score", { description: "How sure (0 to 1)." }),
      why: t.exposeString("why", { description: "What in the words led to it." }),
      ...(extra?.(t) ?? {}),
    }),
  });
}

export const DraftCandidate = candidateRef(
  "DraftCandidate",
  "A proposed key, with how sure the drafter is (0 to 1) and why.",
);
