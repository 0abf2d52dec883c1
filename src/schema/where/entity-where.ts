import type { EntityWhere as EntityWhereShape } from "../../loaders/where/where.js";
import { compact, each, given, keyFilters, scalars } from "./normalise.js";
import { EntityWhere, type EntityWhereInput, type InputObject } from "./refs.js";
import { EntityKindEnumScalarFilters, KeyScalarFilters } from "./scalars.js";

/**
 * STAND-IN (core's branch): the entities helper owns this file (EntityWhere with name,
 * relatedTo and facts, RelatedToWhere, RelationWhere, FactListWhere, EntitySort and their
 * normalising). This one has AND, OR, NOT, key and kind only, so that FactWhere's `about` and
 * `scope` exist meanwhile. The owner's file wins at merge.
 */
EntityWhere.implement({
  description: "Which entities: every field given must hold.",
  fields: (t) => ({
    AND: t.field({ type: [EntityWhere], required: false, description: "Every one holds." }),
    OR: t.field({ type: [EntityWhere], required: false, description: "At least one holds." }),
    NOT: t.field({ type: EntityWhere, required: false, description: "This does not hold." }),
    key: t.field({ type: KeyScalarFilters, required: false, description: "The entity's key." }),
    kind: t.field({
      type: EntityKindEnumScalarFilters,
      required: false,
      description: "Its kind.",
    }),
  }),
});

/** An EntityWhere input (at `path`) as the loaders take it. */
export function entityWhereOf(input: EntityWhereInput, path: string): EntityWhereShape {
  return compact({
    AND: each(input.AND as EntityWhereInput[], `${path}.AND`, entityWhereOf),
    OR: each(input.OR as EntityWhereInput[], `${path}.OR`, entityWhereOf),
    NOT: given(input.NOT) ? entityWhereOf(input.NOT as EntityWhereInput, `${path}.NOT`) : undefined,
    key: keyFilters(input.key as InputObject, "entity", `${path}.key`),
    kind: scalars<EntityWhereShape["kind"]>(input.kind as InputObject),
  });
}
