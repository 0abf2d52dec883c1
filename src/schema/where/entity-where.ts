import { builder } from "../../builder.js";
import type {
  EntitySortField,
  EntityWhere as EntityWhereShape,
  RelationWhere as RelationWhereShape,
  Sort,
  SortDirection as Direction,
  TextFilters,
} from "../../loaders/where/where.js";
import { RelationDirection } from "../relation-direction.js";
import { factWhereOf } from "./fact-where.js";
import { checkWhereLimits } from "./limits.js";
import { compact, each, given, keyFilters, scalars } from "./normalise.js";
import { EntityWhere, type EntityWhereInput, FactWhere, type InputObject } from "./refs.js";
import {
  EntityKindEnumScalarFilters,
  KeyScalarFilters,
  RelationTypeEnumScalarFilters,
  SortDirection,
  TextScalarFilters,
} from "./scalars.js";
import { sortOf } from "./sort.js";

/** `EntityWhere` and the inputs under it, with `EntitySort`, and their normalising. */

const RelationWhere = builder.inputType("RelationWhere", {
  description: "Conditions on one structural link of an entity and on the entity at its other end.",
  fields: (t) => ({
    relation: t.field({
      type: RelationTypeEnumScalarFilters,
      required: false,
      description: "The link's type.",
    }),
    direction: t.field({
      type: RelationDirection,
      required: false,
      defaultValue: "BOTH",
      description:
        "Which way it points, seen from the entity filtered (OUT: from it to the other; as a relation field's `direction`).",
    }),
    entity: t.field({
      type: EntityWhere,
      required: false,
      description: "The entity at the other end.",
    }),
  }),
});

const RelatedToWhere = builder.inputType("RelatedToWhere", {
  description: "Conditions on an entity's structural links (RUNS, OPERATES, PROVIDES...).",
  fields: (t) => ({
    some: t.field({ type: RelationWhere, required: false, description: "At least one matches." }),
    none: t.field({ type: RelationWhere, required: false, description: "None matches." }),
  }),
});

const FactListWhere = builder.inputType("FactListWhere", {
  description:
    "Conditions on the facts about an entity or scoped to it (deprecated ones only when the FactWhere gives `deprecated`).",
  fields: (t) => ({
    some: t.field({ type: FactWhere, required: false, description: "At least one matches." }),
    none: t.field({ type: FactWhere, required: false, description: "None matches." }),
  }),
});

EntityWhere.implement({
  description: "Which entities: every field given must hold.",
  fields: (t) => ({
    AND: t.field({
      type: [EntityWhere],
      required: false,
      description: "Every one of these holds (an empty list always holds).",
    }),
    OR: t.field({
      type: [EntityWhere],
      required: false,
      description: "At least one of these holds (an empty list never holds).",
    }),
    NOT: t.field({ type: EntityWhere, required: false, description: "This does not hold." }),
    key: t.field({ type: KeyScalarFilters, required: false, description: "The entity's key." }),
    kind: t.field({ type: EntityKindEnumScalarFilters, required: false, description: "Its kind." }),
    name: t.field({
      type: TextScalarFilters,
      required: false,
      description:
        "Any of its labels (names, aliases, acronyms) in either language: one label must match.",
    }),
    relatedTo: t.field({
      type: RelatedToWhere,
      required: false,
      description: "Its structural links to other entities.",
    }),
    facts: t.field({
      type: FactListWhere,
      required: false,
      description: "The facts about it or scoped to it.",
    }),
  }),
});

export const EntitySort = builder.inputType("EntitySort", {
  description: "One sort key: give exactly one field. Ties are broken by key (ascending).",
  fields: (t) => ({
    key: t.field({ type: SortDirection, required: false, description: "By key." }),
    name: t.field({
      type: SortDirection,
      required: false,
      description: "By English name, case-insensitively.",
    }),
    kind: t.field({ type: SortDirection, required: false, description: "By kind." }),
    factCount: t.field({
      type: SortDirection,
      required: false,
      description: "By the number of facts about it or scoped to it (not deprecated).",
    }),
  }),
});

function relationWhereOf(input: InputObject, path: string): RelationWhereShape {
  return compact({
    relation: scalars<RelationWhereShape["relation"]>(input.relation as InputObject),
    direction: (input.direction as RelationWhereShape["direction"] | null) ?? undefined,
    entity: given(input.entity)
      ? entityWhereOf(input.entity as InputObject, `${path}.entity`)
      : undefined,
  });
}

/** The `some` and `none` of a list input, each normalised with its path. */
function someNone<T>(
  input: InputObject | null | undefined,
  path: string,
  normalise: (item: InputObject, path: string) => T,
): { some?: T; none?: T } | undefined {
  if (!given(input)) return undefined;
  const field = (name: "some" | "none") => {
    const item = input[name] as InputObject | null | undefined;
    return given(item) ? normalise(item, `${path}.${name}`) : undefined;
  };
  return compact({ some: field("some"), none: field("none") });
}

/** An EntityWhere input (at `path`, e.g. `where.about`) as the loaders take it. */
export function entityWhereOf(input: EntityWhereInput, path: string): EntityWhereShape {
  return compact({
    AND: each(input.AND as EntityWhereInput[], `${path}.AND`, entityWhereOf),
    OR: each(input.OR as EntityWhereInput[], `${path}.OR`, entityWhereOf),
    NOT: given(input.NOT) ? entityWhereOf(input.NOT as EntityWhereInput, `${path}.NOT`) : undefined,
    key: keyFilters(input.key as InputObject, "entity", `${path}.key`),
    kind: scalars<EntityWhereShape["kind"]>(input.kind as InputObject),
    name: scalars<TextFilters>(input.name as InputObject),
    relatedTo: someNone(input.relatedTo as InputObject, `${path}.relatedTo`, relationWhereOf),
    facts: someNone(input.facts as InputObject, `${path}.facts`, factWhereOf),
  });
}

/**
 * A `where: EntityWhere` argument (named `path`), checked (limits) and normalised; null when
 * not given.
 */
export function entityWhereArg(
  input: EntityWhereInput | null | undefined,
  path = "where",
): EntityWhereShape | null {
  if (!given(input)) return null;
  checkWhereLimits(input, path);
  return entityWhereOf(input, path);
}

/** The `sort: [EntitySort!]` argument, checked and normalised. */
export function entitySortArg(
  input: readonly Partial<Record<EntitySortField, Direction | null>>[] | null | undefined,
): Sort<EntitySortField> {
  return sortOf<EntitySortField>(input);
}
