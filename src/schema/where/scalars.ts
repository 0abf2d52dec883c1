import type { EnumRef } from "@pothos/core";
import { builder, type Types } from "../../builder.js";
import { EntityKind } from "../entity-kind.js";
import { Qualifier, Statistic, Unit } from "../fact-enums.js";
import { Language } from "../language.js";
import { RelationType } from "../relation-type.js";

/**
 * The scalar filters of every `where` (the names and operators of @neo4j/graphql): keys and
 * enums `{ eq, in }`, numbers `{ eq, in, lt, lte, gt, gte }`, dates `{ eq, lt, lte, gt, gte }`,
 * text `{ eq, contains, startsWith }`, booleans `{ eq }`. All operators given must hold.
 */

export const SortDirection = builder.enumType("SortDirection", {
  description: "The direction of a sort key.",
  values: {
    ASC: { value: "ASC", description: "Smallest (or earliest, or first in the alphabet) first." },
    DESC: { value: "DESC", description: "Largest (or latest, or last in the alphabet) first." },
  },
});

export const KeyScalarFilters = builder.inputType("KeyScalarFilters", {
  description:
    "Conditions on a key; keys and global ids are both taken. A key that names nothing matches nothing.",
  fields: (t) => ({
    eq: t.string({ required: false, description: "Equal to this key (or id)." }),
    in: t.stringList({ required: false, description: "One of these keys (or ids)." }),
  }),
});

export const FloatScalarFilters = builder.inputType("FloatScalarFilters", {
  description: "Conditions on a number; a missing number (a garbled figure) matches none.",
  fields: (t) => ({
    eq: t.float({ required: false, description: "Equal to." }),
    in: t.floatList({ required: false, description: "One of." }),
    lt: t.float({ required: false, description: "Less than." }),
    lte: t.float({ required: false, description: "Less than or equal to." }),
    gt: t.float({ required: false, description: "Greater than." }),
    gte: t.float({ required: false, description: "Greater than or equal to." }),
  }),
});

export const DateScalarFilters = builder.inputType("DateScalarFilters", {
  description: "Conditions on a day, written YYYY-MM-DD; a missing date matches none.",
  fields: (t) => ({
    eq: t.string({ required: false, description: "On this day." }),
    lt: t.string({ required: false, description: "Before this day." }),
    lte: t.string({ required: false, description: "On or before this day." }),
    gt: t.string({ required: false, description: "After this day." }),
    gte: t.string({ required: false, description: "On or after this day." }),
  }),
});

export const TextScalarFilters = builder.inputType("TextScalarFilters", {
  description:
    "Conditions on text, ignoring case and accents (as the search does: `leon` matches `León`).",
  fields: (t) => ({
    eq: t.string({ required: false, description: "The whole text is this." }),
    contains: t.string({ required: false, description: "The text contains this." }),
    startsWith: t.string({ required: false, description: "The text starts with this." }),
  }),
});

export const BooleanScalarFilters = builder.inputType("BooleanScalarFilters", {
  description: "A condition on a yes-or-no field.",
  fields: (t) => ({
    eq: t.boolean({ required: false, description: "Equal to." }),
  }),
});

/** `{ eq, in }` on an enum, named `<Enum>EnumScalarFilters`. */
function enumFilters<T extends string>(name: string, type: EnumRef<Types, T, T>, what: string) {
  return builder.inputType(`${name}EnumScalarFilters`, {
    description: `Conditions on ${what}.`,
    fields: (t) => ({
      eq: t.field({ type, required: false, description: "Equal to." }),
      in: t.field({ type: [type], required: false, description: "One of." }),
    }),
  });
}

export const StatisticEnumScalarFilters = enumFilters(
  "Statistic",
  Statistic,
  "a kind of statistic",
);
export const UnitEnumScalarFilters = enumFilters("Unit", Unit, "a unit");
export const QualifierEnumScalarFilters = enumFilters("Qualifier", Qualifier, "a qualifier");
export const EntityKindEnumScalarFilters = enumFilters(
  "EntityKind",
  EntityKind,
  "a kind of entity",
);
export const LanguageEnumScalarFilters = enumFilters("Language", Language, "a language");
export const RelationTypeEnumScalarFilters = enumFilters(
  "RelationType",
  RelationType,
  "a type of link",
);
