import {
  ENTITY_KIND,
  LANGUAGE,
  QUALIFIER,
  STATISTIC,
  UNIT,
} from "../../../src/model/vocabulary.js";
// Shared with the server on purpose: what "case- and accent-insensitive" means (see world.ts).
import { foldText } from "../../../src/text/fold.js";
import type {
  CitationWhereIn,
  DateIn,
  EntityWhereIn,
  EnumIn,
  FactWhereIn,
  KeyIn,
  NumberIn,
  PeriodWhereIn,
  RelationWhereIn,
  TextIn,
} from "./input.js";
import type { OracleEntity, OracleFact, World } from "./world.js";

/**
 * The meaning of a where in plain TypeScript, two-valued: a condition on something a fact lacks
 * (a value, a scope) is false, and NOT of it true. Every field given must hold; `AND: []` holds,
 * `OR: []` does not.
 */

type Vocabulary = Readonly<Record<string, { value: string }>>;
/** The graph's value of an API enum name (`FACILITY_TYPE` → `FacilityType`). */
const valueOf = (vocabulary: Vocabulary, name: string) => vocabulary[name]?.value ?? `?${name}`;

const all = (checks: readonly (() => boolean)[]) => checks.every((check) => check());

export function keyMatches(f: KeyIn, key: string | null): boolean {
  if (key === null) return false;
  return (f.eq === undefined || f.eq === key) && (f.in === undefined || f.in.includes(key));
}

function enumMatches(f: EnumIn, vocabulary: Vocabulary | null, value: string): boolean {
  const v = (name: string) => (vocabulary ? valueOf(vocabulary, name) : name);
  return (
    (f.eq === undefined || v(f.eq) === value) &&
    (f.in === undefined || f.in.some((name) => v(name) === value))
  );
}

export function numberMatches(f: NumberIn, n: number | null): boolean {
  if (n === null) return false;
  return (
    (f.eq === undefined || n === f.eq) &&
    (f.in === undefined || f.in.includes(n)) &&
    (f.lt === undefined || n < f.lt) &&
    (f.lte === undefined || n <= f.lte) &&
    (f.gt === undefined || n > f.gt) &&
    (f.gte === undefined || n >= f.gte)
  );
}

export function dateMatches(f: DateIn, d: string | undefined): boolean {
  if (d === undefined) return false;
  return (
    (f.eq === undefined || d === f.eq) &&
    (f.lt === undefined || d < f.lt) &&
    (f.lte === undefined || d <= f.lte) &&
    (f.gt === undefined || d > f.gt) &&
    (f.gte === undefined || d >= f.gte)
  );
}

/** Whether a folded text matches (its filter's words folded too). */
export function textMatches(f: TextIn, folded: string): boolean {
  return (
    (f.eq === undefined || folded === foldText(f.eq)) &&
    (f.contains === undefined || folded.includes(foldText(f.contains))) &&
    (f.startsWith === undefined || folded.startsWith(foldText(f.startsWith)))
  );
}

export function factMatches(w: FactWhereIn, f: OracleFact, world: World): boolean {
  const variable = world.variables.get(f.variable);
  const period = world.entities.get(f.period);
  const scope = f.scope === null ? undefined : world.entities.get(f.scope);
  const about = world.entities.get(f.about);
  return all([
    () => (w.AND ?? []).every((x) => factMatches(x, f, world)),
    () => w.OR === undefined || w.OR.some((x) => factMatches(x, f, world)),
    () => w.NOT === undefined || !factMatches(w.NOT, f, world),
    () => w.key === undefined || keyMatches(w.key, f.key),
    () => w.value === undefined || numberMatches(w.value, f.value),
    () => w.unit === undefined || enumMatches(w.unit, UNIT, f.unit),
    () => w.statistic === undefined || enumMatches(w.statistic, STATISTIC, f.statistic),
    () => w.qualifier === undefined || enumMatches(w.qualifier, QUALIFIER, f.qualifier),
    () => w.garbled?.eq === undefined || w.garbled.eq === f.garbled,
    () => w.deprecated?.eq === undefined || w.deprecated.eq === f.deprecated,
    () =>
      w.variable === undefined ||
      (variable !== undefined &&
        (w.variable.key === undefined || keyMatches(w.variable.key, variable.key)) &&
        (w.variable.unit === undefined || enumMatches(w.variable.unit, UNIT, variable.unit)) &&
        (w.variable.name === undefined ||
          variable.labels.some((l) => textMatches(w.variable!.name!, l)))),
    () => w.about === undefined || (about !== undefined && entityMatches(w.about, about, world)),
    () => w.scope === undefined || (scope !== undefined && entityMatches(w.scope, scope, world)),
    () =>
      w.period === undefined || (period !== undefined && periodMatches(w.period, period, world)),
    () => w.citations === undefined || citationsMatch(w.citations, f, world),
  ]);
}

function periodMatches(w: PeriodWhereIn, p: OracleEntity, world: World): boolean {
  return all([
    () => w.key === undefined || keyMatches(w.key, p.key),
    () => w.within === undefined || (world.within.get(p.key) ?? new Set([p.key])).has(w.within),
    () => w.start === undefined || dateMatches(w.start, p.start),
    () => w.end === undefined || dateMatches(w.end, p.end),
    () =>
      w.overlaps === undefined ||
      (p.start !== undefined &&
        p.end !== undefined &&
        p.start <= w.overlaps.to &&
        p.end >= w.overlaps.from),
  ]);
}

function citationsMatch(
  w: NonNullable<FactWhereIn["citations"]>,
  f: OracleFact,
  world: World,
): boolean {
  const one = (c: CitationWhereIn) => (x: OracleFact["citations"][number]) => {
    const d = world.documents.get(x.document);
    return all([
      () => c.quote === undefined || textMatches(c.quote, x.quote),
      () =>
        c.document === undefined ||
        (d !== undefined &&
          (c.document.key === undefined || keyMatches(c.document.key, d.key)) &&
          (c.document.date === undefined || dateMatches(c.document.date, d.date)) &&
          (c.document.language === undefined ||
            enumMatches(c.document.language, LANGUAGE, d.language))),
    ]);
  };
  return all([
    () => w.some === undefined || f.citations.some(one(w.some)),
    () => w.all === undefined || f.citations.every(one(w.all)),
    () => w.none === undefined || !f.citations.some(one(w.none)),
  ]);
}

export function entityMatches(w: EntityWhereIn, e: OracleEntity, world: World): boolean {
  const facts = world.factsOf.get(e.key) ?? [];
  return all([
    () => (w.AND ?? []).every((x) => entityMatches(x, e, world)),
    () => w.OR === undefined || w.OR.some((x) => entityMatches(x, e, world)),
    () => w.NOT === undefined || !entityMatches(w.NOT, e, world),
    () => w.key === undefined || keyMatches(w.key, e.key),
    () => w.kind === undefined || enumMatches(w.kind, ENTITY_KIND, e.kind),
    () => w.name === undefined || e.labels.some((l) => textMatches(w.name!, l)),
    () => w.relatedTo?.some === undefined || related(w.relatedTo.some, e, world),
    () => w.relatedTo?.none === undefined || !related(w.relatedTo.none, e, world),
    () => w.facts?.some === undefined || facts.some((f) => factMatches(w.facts!.some!, f, world)),
    () => w.facts?.none === undefined || !facts.some((f) => factMatches(w.facts!.none!, f, world)),
  ]);
}

/** Whether a link of `e` matches: its type, its direction seen from `e`, the entity at its other end. */
function related(w: RelationWhereIn, e: OracleEntity, world: World): boolean {
  const direction = w.direction ?? "BOTH";
  return world.relations.some((r) => {
    const other =
      (direction !== "IN" && r.from === e.key && r.to) ||
      (direction !== "OUT" && r.to === e.key && r.from);
    if (!other) return false;
    const entity = world.entities.get(other);
    return (
      entity !== undefined &&
      (w.relation === undefined || enumMatches(w.relation, null, r.type)) &&
      (w.entity === undefined || entityMatches(w.entity, entity, world))
    );
  });
}
