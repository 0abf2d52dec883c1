import { Variable } from "../refs.js";
import { candidateRef } from "./candidate.js";

export const VariableCandidate = candidateRef("VariableCandidate", "A proposed variable.", (t) => ({
  variable: t.field({ type: Variable, description: "The variable.", resolve: (c) => c.key }),
}));
