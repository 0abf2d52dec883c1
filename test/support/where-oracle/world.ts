import type { SeedBundle } from "../../../src/model/bundle.js";
// The oracle shares with the server only the folding of text (what "case- and
// accent-insensitive" means), never the where compiler or its normaliser.
import { foldText } from "../../../src/text/fold.js";

/**
 * The seeded graph as plain data, read once from the seeds (not through the API), for the
 * where oracle to filter, sort and group in plain TypeScript. Values as the seeds write them
 * (`count`, `FacilityType`); the evaluator maps the API's enum names onto them.
 */

export interface OracleEntity {
  key: string;
  /** As the graph stores it: `FacilityType`, `TimePeriod`... */
  kind: string;
  /** The English preferred name. */
  name: string;
  /** Every label, either language, folded. */
  labels: string[];
  /** Every label as written (for the generator to draw words from). */
  written: string[];
  start?: string;
  end?: string;
}

export interface OracleCitation {
  document: string;
  /** Folded. */
  quote: string;
  /** As written. */
  written: string;
}

export interface OracleFact {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  qualifier: string;
  garbled: boolean;
  deprecated: boolean;
  variable: string;
  about: string;
  scope: string | null;
  period: string;
  citations: OracleCitation[];
}

export interface OracleVariable {
  key: string;
  labels: string[];
  written: string[];
  unit: string;
}

export interface OracleDocument {
  key: string;
  date: string;
  language: string;
}

export interface OracleRelation {
  from: string;
  type: string;
  to: string;
}

export interface World {
  facts: OracleFact[];
  entities: Map<string, OracleEntity>;
  variables: Map<string, OracleVariable>;
  documents: Map<string, OracleDocument>;
  /** Each structural link once (the graph MERGEs them). */
  relations: OracleRelation[];
  /** The periods each period lies within, at any depth (itself included). */
  within: Map<string, Set<string>>;
  /** The facts about or scoped to each entity. */
  factsOf: Map<string, OracleFact[]>;
}

/** The world of a bundle (what `readSeeds` returns). */
export function worldOf(bundle: SeedBundle): World {
  const entities = new Map(
    bundle.entities.map((e) => [
      e.key,
      {
        key: e.key,
        kind: e.kind,
        name: e.name,
        labels: e.labels.map((l) => foldText(l.text)),
        written: e.labels.map((l) => l.text),
        ...(e.start === undefined ? {} : { start: e.start, end: e.end }),
      },
    ]),
  );
  const variables = new Map(
    bundle.variables.map((v) => [
      v.key,
      {
        key: v.key,
        unit: v.unit,
        labels: v.labels.map((l) => foldText(l.text)),
        written: v.labels.map((l) => l.text),
      },
    ]),
  );
  const documents = new Map(
    bundle.documents.map((d) => [d.id, { key: d.id, date: d.date, language: d.language }]),
  );
  const seen = new Set<string>();
  const relations = bundle.relations
    .map((r) => ({ from: r.from, type: r.type, to: r.to }))
    .filter((r) => {
      const id = `${r.from} ${r.type} ${r.to}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
  const facts = bundle.facts.map((f) => ({
    key: f.key,
    value: f.value,
    unit: f.unit,
    statistic: f.statistic,
    qualifier: f.qualifier,
    garbled: f.citations.some((c) => c.garbled !== undefined),
    deprecated: f.deprecated !== undefined,
    variable: f.variable,
    about: f.about,
    scope: f.scope ?? null,
    period: f.period,
    citations: f.citations.map((c) => ({
      document: c.document,
      quote: foldText(c.quote),
      written: c.quote,
    })),
  }));
  const factsOf = new Map<string, OracleFact[]>();
  for (const f of facts)
    for (const e of new Set([f.about, f.scope ?? f.about]))
      factsOf.set(e, [...(factsOf.get(e) ?? []), f]);
  return {
    facts,
    entities,
    variables,
    documents,
    relations,
    within: withinClosure(relations),
    factsOf,
  };
}

/** For each entity, itself and every entity it lies WITHIN, following the links at any depth. */
function withinClosure(relations: readonly OracleRelation[]): Map<string, Set<string>> {
  const up = new Map<string, string[]>();
  for (const r of relations)
    if (r.type === "WITHIN") up.set(r.from, [...(up.get(r.from) ?? []), r.to]);
  const closure = new Map<string, Set<string>>();
  const ancestors = (key: string): Set<string> => {
    const known = closure.get(key);
    if (known) return known;
    const found = new Set([key]);
    closure.set(key, found);
    for (const parent of up.get(key) ?? []) for (const a of ancestors(parent)) found.add(a);
    return found;
  };
  for (const key of up.keys()) ancestors(key);
  return closure;
}
