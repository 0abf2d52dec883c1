import { builder } from "../../builder.js";
import type { FactWhere as PlainFactWhere } from "../../loaders/where/where.js";

/**
 * STAND-IN written on the groups branch until core's input types are merged; core's file
 * replaces it whole. `FactWhere` here takes `variable.key.eq` only.
 */

export const SortDirection = builder.enumType("SortDirection", {
  description: "The direction of a sort.",
  values: {
    ASC: { value: "ASC", description: "Smallest first." },
    DESC: { value: "DESC", description: "Largest first." },
  } as const,
});

const KeyFilters = builder.inputType("KeyScalarFilters", {
  description: "Conditions on a key.",
  fields: (t) => ({ eq: t.string({ required: false, description: "Equal to this key." }) }),
});

const VariableWhere = builder.inputType("VariableWhere", {
  description: "Conditions on a variable.",
  fields: (t) => ({ key: t.field({ type: KeyFilters, required: false, description: "Its key." }) }),
});

export const FactWhere = builder.inputType("FactWhere", {
  description: "Conditions on facts.",
  fields: (t) => ({
    variable: t.field({ type: VariableWhere, required: false, description: "Its variable." }),
  }),
});

/** The plain where of a `FactWhere` argument. */
export function factWhereFrom(
  input: (typeof FactWhere)["$inferInput"] | null | undefined,
): PlainFactWhere | null {
  const eq = input?.variable?.key?.eq;
  return eq ? { variable: { key: { eq } } } : null;
}
