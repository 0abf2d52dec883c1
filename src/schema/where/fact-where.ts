import { builder } from "../../builder.js";
import { inputError } from "../../input-error.js";
import type {
  CitationWhere as CitationWhereShape,
  DocumentWhere,
  TextFilters,
  FactSortField,
  FactWhere as FactWhereShape,
  PeriodWhere as PeriodWhereShape,
  Sort,
} from "../../loaders/where/where.js";
import { entityWhereOf } from "./entity-where.js";
import { checkWhereLimits } from "./limits.js";
import { compact, dateFilters, day, each, given, keyFilters, keyOf, scalars } from "./normalise.js";
import { EntityWhere, FactWhere, type FactWhereInput, type InputObject } from "./refs.js";
import {
  BooleanScalarFilters,
  DateScalarFilters,
  FloatScalarFilters,
  KeyScalarFilters,
  LanguageEnumScalarFilters,
  QualifierEnumScalarFilters,
  SortDirection,
  StatisticEnumScalarFilters,
  TextScalarFilters,
  UnitEnumScalarFilters,
} from "./scalars.js";
import { sortOf } from "./sort.js";

/** `FactWhere` and the inputs under it, with `FactSort`, and their normalising. */

const VariableWhere = builder.inputType("VariableWhere", {
  description: "Conditions on the variable a fact measures.",
  fields: (t) => ({
    key: t.field({ type: KeyScalarFilters, required: false, description: "The variable's key." }),
    name: t.field({
      type: TextScalarFilters,
      required: false,
      description: "Any of its names, in either language.",
    }),
    unit: t.field({ type: UnitEnumScalarFilters, required: false, description: "Its unit." }),
  }),
});

const PeriodOverlap = builder.inputType("PeriodOverlap", {
  description: "A span of days, both ends included.",
  fields: (t) => ({
    from: t.string({ required: true, description: "The first day (YYYY-MM-DD)." }),
    to: t.string({ required: true, description: "The last day (YYYY-MM-DD)." }),
  }),
});

const PeriodWhere = builder.inputType("PeriodWhere", {
  description: "Conditions on the period a fact is of.",
  fields: (t) => ({
    key: t.field({ type: KeyScalarFilters, required: false, description: "The period's key." }),
    within: t.string({
      required: false,
      description: "The key (or id) of a period: the fact's period is it or lies within it.",
    }),
    start: t.field({ type: DateScalarFilters, required: false, description: "Its first day." }),
    end: t.field({ type: DateScalarFilters, required: false, description: "Its last day." }),
    overlaps: t.field({
      type: PeriodOverlap,
      required: false,
      description: "It shares at least one day with this span.",
    }),
  }),
});

const DocumentWhere = builder.inputType("DocumentWhere", {
  description: "Conditions on a source document.",
  fields: (t) => ({
    key: t.field({ type: KeyScalarFilters, required: false, description: "The document's id." }),
    date: t.field({ type: DateScalarFilters, required: false, description: "Its date." }),
    language: t.field({
      type: LanguageEnumScalarFilters,
      required: false,
      description: "Its language.",
    }),
  }),
});

const CitationWhere = builder.inputType("CitationWhere", {
  description: "Conditions on one citation of a fact.",
  fields: (t) => ({
    document: t.field({
      type: DocumentWhere,
      required: false,
      description: "The document it quotes.",
    }),
    quote: t.field({ type: TextScalarFilters, required: false, description: "The words quoted." }),
  }),
});

const CitationListWhere = builder.inputType("CitationListWhere", {
  description: "Conditions on a fact's citations.",
  fields: (t) => ({
    some: t.field({ type: CitationWhere, required: false, description: "At least one matches." }),
    all: t.field({
      type: CitationWhere,
      required: false,
      description: "Every one matches (a fact without citations does).",
    }),
    none: t.field({ type: CitationWhere, required: false, description: "None matches." }),
  }),
});

FactWhere.implement({
  description:
    "Which facts: every field given must hold. Deprecated facts are left out unless `deprecated` is given at the top level.",
  fields: (t) => ({
    AND: t.field({
      type: [FactWhere],
      required: false,
      description: "Every one of these holds (an empty list always holds).",
    }),
    OR: t.field({
      type: [FactWhere],
      required: false,
      description: "At least one of these holds (an empty list never holds).",
    }),
    NOT: t.field({ type: FactWhere, required: false, description: "This does not hold." }),
    key: t.field({ type: KeyScalarFilters, required: false, description: "The fact's key." }),
    value: t.field({
      type: FloatScalarFilters,
      required: false,
      description: "Its value (garbled facts have none and match no value filter).",
    }),
    unit: t.field({ type: UnitEnumScalarFilters, required: false, description: "Its unit." }),
    statistic: t.field({
      type: StatisticEnumScalarFilters,
      required: false,
      description: "What kind of statistic it is.",
    }),
    qualifier: t.field({
      type: QualifierEnumScalarFilters,
      required: false,
      description: "How exactly the source states it.",
    }),
    garbled: t.field({
      type: BooleanScalarFilters,
      required: false,
      description: "Whether a citation of it is garbled.",
    }),
    deprecated: t.field({
      type: BooleanScalarFilters,
      required: false,
      description:
        "Whether it is deprecated. Given at the top level (even empty), it decides; absent, deprecated facts are left out.",
    }),
    variable: t.field({ type: VariableWhere, required: false, description: "What it measures." }),
    about: t.field({ type: EntityWhere, required: false, description: "The entity it is about." }),
    scope: t.field({
      type: EntityWhere,
      required: false,
      description: "The program or organization it is scoped to (a fact without one matches none).",
    }),
    period: t.field({ type: PeriodWhere, required: false, description: "The period it is of." }),
    citations: t.field({
      type: CitationListWhere,
      required: false,
      description: "Its citations.",
    }),
  }),
});

export const FactSort = builder.inputType("FactSort", {
  description:
    "One sort key: give exactly one field. Ties are broken by key (ascending); facts without the value sort last.",
  fields: (t) => ({
    key: t.field({ type: SortDirection, required: false, description: "By key." }),
    value: t.field({ type: SortDirection, required: false, description: "By value." }),
    periodStart: t.field({
      type: SortDirection,
      required: false,
      description: "By the first day of the fact's period.",
    }),
    periodEnd: t.field({
      type: SortDirection,
      required: false,
      description: "By the last day of the fact's period.",
    }),
    documentDate: t.field({
      type: SortDirection,
      required: false,
      description: "By the earliest date of the documents its citations quote.",
    }),
    aboutName: t.field({
      type: SortDirection,
      required: false,
      description: "By the English name of the entity it is about.",
    }),
  }),
});

function periodWhereOf(input: InputObject, path: string): PeriodWhereShape {
  const overlaps = input.overlaps as { from: string; to: string } | null | undefined;
  return compact({
    key: keyFilters(input.key as InputObject, "period", `${path}.key`),
    within: given(input.within)
      ? keyOf(input.within as string, "period", `${path}.within`)
      : undefined,
    start: dateFilters(input.start as InputObject, `${path}.start`),
    end: dateFilters(input.end as InputObject, `${path}.end`),
    overlaps: given(overlaps)
      ? {
          from: day(overlaps.from, `${path}.overlaps.from`),
          to: day(overlaps.to, `${path}.overlaps.to`),
        }
      : undefined,
  });
}

function citationWhereOf(input: InputObject, path: string): CitationWhereShape {
  const document = input.document as InputObject | null | undefined;
  return compact({
    document: given(document)
      ? compact({
          key: keyFilters(document.key as InputObject, "document", `${path}.document.key`),
          date: dateFilters(document.date as InputObject, `${path}.document.date`),
          language: scalars<DocumentWhere["language"]>(document.language as InputObject),
        })
      : undefined,
    quote: scalars<TextFilters>(input.quote as InputObject),
  });
}

/** A FactWhere input (at `path`, e.g. `where`) as the loaders take it. */
export function factWhereOf(input: FactWhereInput, path: string): FactWhereShape {
  const variable = input.variable;
  const citations = input.citations;
  const list = (field: "some" | "all" | "none") => {
    const w = citations?.[field] as InputObject | null | undefined;
    return given(w) ? citationWhereOf(w, `${path}.citations.${field}`) : undefined;
  };
  return compact({
    AND: each(input.AND, `${path}.AND`, factWhereOf),
    OR: each(input.OR, `${path}.OR`, factWhereOf),
    NOT: given(input.NOT) ? factWhereOf(input.NOT, `${path}.NOT`) : undefined,
    key: keyFilters(input.key, "fact", `${path}.key`),
    value: scalars<FactWhereShape["value"]>(input.value),
    unit: scalars<FactWhereShape["unit"]>(input.unit),
    statistic: scalars<FactWhereShape["statistic"]>(input.statistic),
    qualifier: scalars<FactWhereShape["qualifier"]>(input.qualifier),
    garbled: scalars<FactWhereShape["garbled"]>(input.garbled),
    deprecated: scalars<FactWhereShape["deprecated"]>(input.deprecated),
    variable: given(variable)
      ? compact({
          key: keyFilters(variable.key as InputObject, "variable", `${path}.variable.key`),
          name: scalars<TextFilters>(variable.name as InputObject),
          unit: scalars<FactWhereShape["unit"]>(variable.unit as InputObject),
        })
      : undefined,
    about: given(input.about) ? entityWhereOf(input.about, `${path}.about`) : undefined,
    scope: given(input.scope) ? entityWhereOf(input.scope, `${path}.scope`) : undefined,
    period: given(input.period) ? periodWhereOf(input.period, `${path}.period`) : undefined,
    citations: given(citations)
      ? compact({ some: list("some"), all: list("all"), none: list("none") })
      : undefined,
  });
}

/** The `where` and `sort` arguments of a list of facts, checked (limits) and normalised. */
export function factListOf(args: {
  where?: FactWhereInput | null;
  sort?: readonly Partial<Record<FactSortField, "ASC" | "DESC" | null>>[] | null;
}): { where: FactWhereShape | null; sort: Sort<FactSortField> } {
  if (given(args.where)) checkWhereLimits(args.where as InputObject, "where");
  return {
    where: given(args.where) ? factWhereOf(args.where, "where") : null,
    sort: sortOf(args.sort),
  };
}

/** Both the old argument and its replacement given: BAD_USER_INPUT naming the old one. */
export function refuseBoth(old: string, replacement: string, both: boolean): void {
  if (both)
    throw inputError(
      old,
      `is deprecated and cannot be given with \`${replacement}\`: give \`${replacement}\` only`,
    );
}
