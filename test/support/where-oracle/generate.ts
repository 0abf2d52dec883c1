import fc, { type Arbitrary } from "fast-check";
import {
  ENTITY_KIND,
  LANGUAGE,
  QUALIFIER,
  RELATION_TYPE,
  STATISTIC,
  UNIT,
} from "../../../src/model/vocabulary.js";
import {
  type CitationWhereIn,
  type EntityWhereIn,
  FACT_SORT_FIELDS,
  type FactSortIn,
  type FactWhereIn,
  GROUP_BY,
  type GroupBy,
  type RelationWhereIn,
} from "./input.js";
import type { World } from "./world.js";

/**
 * Random wheres, sorts and groupings (fast-check), their keys, numbers, dates and words drawn
 * from the world (so that most filters select something) with a few that name nothing. Nesting
 * is bounded by a budget (each AND/OR/NOT, about/scope, relatedTo, entity and facts spends one),
 * so that every where stays within the API's limits (depth 6, lists of 20, 50 conditions).
 */

/** Keys that name nothing: an unknown key is no match, never an error. */
const UNKNOWN = ["no-such-key", "zz-unknown"];

type Field<W> = Arbitrary<[keyof W, W[keyof W]]>;
const field = <W, K extends keyof W>(name: K, value: Arbitrary<W[K]>): Field<W> =>
  value.map((v) => [name, v] as [keyof W, W[keyof W]]);

/** An object of one or two of `fields` (a later duplicate wins). */
const objectOf = <W>(fields: Field<W>[]): Arbitrary<W> =>
  fc
    .array(fc.oneof(...fields), { minLength: 1, maxLength: 2 })
    .map((entries) => Object.fromEntries(entries) as W);

const listOf = <T>(a: Arbitrary<T>, max = 3) => fc.array(a, { minLength: 1, maxLength: max });

function pools(world: World) {
  const entities = [...world.entities.values()];
  const periods = entities.filter((e) => e.kind === "TimePeriod");
  const dates = [
    ...periods.flatMap((p) => [p.start!, p.end!]),
    ...[...world.documents.values()].map((d) => d.date),
  ];
  const day = fc
    .date({ min: new Date("2020-06-01"), max: new Date("2023-06-30"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  /** A piece of one of `texts`, in upper case or without its accents at times. */
  const words = (texts: string[]) =>
    fc
      .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 12 }), fc.nat(2))
      .map(([text, at, length, form]) => {
        const start = at % text.length;
        const piece = text.slice(start, start + length).trim() || text;
        if (form === 1) return piece.toUpperCase();
        if (form === 2) return piece.normalize("NFD").replace(/\p{M}+/gu, "");
        return piece;
      });
  const keyOf = (keys: string[]) => fc.constantFrom(...keys, ...UNKNOWN);
  return {
    factKey: keyOf(world.facts.map((f) => f.key)),
    entityKey: keyOf(entities.map((e) => e.key)),
    periodKey: keyOf(periods.map((p) => p.key)),
    variableKey: keyOf([...world.variables.keys()]),
    documentKey: keyOf([...world.documents.keys()]),
    number: fc.oneof(
      fc.constantFrom(...world.facts.flatMap((f) => (f.value === null ? [] : [f.value]))),
      fc.integer({ min: -10, max: 200_000 }),
    ),
    date: fc.oneof(
      { arbitrary: fc.constantFrom(...dates), weight: 3 },
      { arbitrary: day, weight: 1 },
    ),
    name: words(entities.flatMap((e) => e.written)),
    variableName: words([...world.variables.values()].flatMap((v) => v.written)),
    quote: words(world.facts.flatMap((f) => f.citations.map((c) => c.written))),
  };
}

type Pools = ReturnType<typeof pools>;

const keyFilter = (key: Arbitrary<string>) =>
  fc.oneof(
    key.map((eq) => ({ eq })),
    listOf(key, 4).map((keys) => ({ in: keys })),
  );

const enumFilter = (vocabulary: Readonly<Record<string, unknown>>) => {
  const name = fc.constantFrom(...Object.keys(vocabulary));
  return fc.oneof(
    name.map((eq) => ({ eq })),
    listOf(name, 3).map((names) => ({ in: names })),
  );
};

const rangeOf = <T, O extends string>(value: Arbitrary<T>, ops: readonly O[]) =>
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...ops), value), {
      minLength: 1,
      maxLength: 2,
      selector: ([op]) => op,
    })
    .map((pairs) => Object.fromEntries(pairs) as Partial<Record<O, T>>);

const textFilter = (words: Arbitrary<string>) =>
  rangeOf(words, ["eq", "contains", "startsWith"] as const);

const dateFilter = (p: Pools) => rangeOf(p.date, ["eq", "lt", "lte", "gt", "gte"] as const);

function numberFilter(p: Pools) {
  return fc.oneof(
    rangeOf(p.number, ["eq", "lt", "lte", "gt", "gte"] as const),
    listOf(p.number, 4).map((values) => ({ in: values })),
  );
}

function citationWhere(p: Pools): Arbitrary<CitationWhereIn> {
  const document = objectOf<NonNullable<CitationWhereIn["document"]>>([
    field("key", keyFilter(p.documentKey)),
    field("date", dateFilter(p)),
    field("language", enumFilter(LANGUAGE)),
  ]);
  return objectOf<CitationWhereIn>([
    field("document", document),
    field("quote", textFilter(p.quote)),
  ]);
}

/** The arbitraries of the world: wheres within a nesting budget, sorts, groupings. */
export function arbitraries(world: World) {
  const p = pools(world);
  const facts = new Map<number, Arbitrary<FactWhereIn>>();
  const entities = new Map<number, Arbitrary<EntityWhereIn>>();

  function factWhere(budget: number): Arbitrary<FactWhereIn> {
    const known = facts.get(budget);
    if (known) return known;
    const fields: Field<FactWhereIn>[] = [
      field("key", keyFilter(p.factKey)),
      field("value", numberFilter(p)),
      field("unit", enumFilter(UNIT)),
      field("statistic", enumFilter(STATISTIC)),
      field("qualifier", enumFilter(QUALIFIER)),
      field(
        "garbled",
        fc.boolean().map((eq) => ({ eq })),
      ),
      field(
        "deprecated",
        fc.boolean().map((eq) => ({ eq })),
      ),
      field(
        "variable",
        objectOf<NonNullable<FactWhereIn["variable"]>>([
          field("key", keyFilter(p.variableKey)),
          field("name", textFilter(p.variableName)),
          field("unit", enumFilter(UNIT)),
        ]),
      ),
      field(
        "period",
        objectOf<NonNullable<FactWhereIn["period"]>>([
          field("key", keyFilter(p.periodKey)),
          field("within", p.periodKey),
          field("start", dateFilter(p)),
          field("end", dateFilter(p)),
          field(
            "overlaps",
            fc
              .tuple(p.date, p.date)
              .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
          ),
        ]),
      ),
      field(
        "citations",
        objectOf<NonNullable<FactWhereIn["citations"]>>([
          field("some", citationWhere(p)),
          field("all", citationWhere(p)),
          field("none", citationWhere(p)),
        ]),
      ),
    ];
    if (budget > 0) {
      const inner = factWhere(budget - 1);
      fields.push(
        field("AND", listOf(inner)),
        field("OR", listOf(inner)),
        field("NOT", inner),
        field("about", entityWhere(budget - 1)),
        field("scope", entityWhere(budget - 1)),
      );
    }
    const made = objectOf(fields);
    facts.set(budget, made);
    return made;
  }

  function entityWhere(budget: number): Arbitrary<EntityWhereIn> {
    const known = entities.get(budget);
    if (known) return known;
    const fields: Field<EntityWhereIn>[] = [
      field("key", keyFilter(p.entityKey)),
      field("kind", enumFilter(ENTITY_KIND)),
      field("name", textFilter(p.name)),
    ];
    if (budget > 0) {
      const inner = entityWhere(budget - 1);
      const relation = objectOf<RelationWhereIn>([
        field("relation", enumFilter(RELATION_TYPE)),
        field("direction", fc.constantFrom("OUT" as const, "IN" as const, "BOTH" as const)),
        ...(budget > 1
          ? [field<RelationWhereIn, "entity">("entity", entityWhere(budget - 2))]
          : []),
      ]);
      fields.push(
        field("AND", listOf(inner)),
        field("OR", listOf(inner)),
        field("NOT", inner),
        field(
          "relatedTo",
          objectOf<NonNullable<EntityWhereIn["relatedTo"]>>([
            field("some", relation),
            field("none", relation),
          ]),
        ),
        field(
          "facts",
          objectOf<NonNullable<EntityWhereIn["facts"]>>([
            field("some", factWhere(budget - 1)),
            field("none", factWhere(budget - 1)),
          ]),
        ),
      );
    }
    const made = objectOf(fields);
    entities.set(budget, made);
    return made;
  }

  const sort: Arbitrary<FactSortIn[]> = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...FACT_SORT_FIELDS), fc.constantFrom("ASC", "DESC")), {
      minLength: 1,
      maxLength: 3,
      selector: ([f]) => f,
    })
    .map((elements) => elements.map(([f, d]) => ({ [f]: d }) as FactSortIn));

  const groupBy: Arbitrary<GroupBy[]> = fc.uniqueArray(fc.constantFrom(...GROUP_BY), {
    minLength: 1,
    maxLength: 3,
  });

  return {
    /** A where within the API's limits (at most 40 fields in all, counted generously). */
    where: (budget: number) => factWhere(budget).filter((w) => fieldsIn(w) <= 40),
    sort,
    groupBy,
  };
}

/** Every field of every object of an input, at any depth. */
export function fieldsIn(input: unknown): number {
  if (Array.isArray(input)) return input.reduce((n: number, x) => n + fieldsIn(x), 0);
  if (typeof input !== "object" || input === null) return 0;
  return Object.values(input).reduce((n: number, x) => n + 1 + fieldsIn(x), 0);
}
