import Cypher from "@neo4j/cypher-builder";
import { cypher } from "../db/cypher.js";
import { matchFacts } from "../loaders/where/fact-where.js";
import type { FactWhere } from "../loaders/where/where.js";
import { QUALIFIER, STATISTIC, UNIT } from "../model/vocabulary.js";
import type { BuiltQuery, ExportReader } from "./export-reader.js";

/** A fact as export-fact-rows.cypher returns it: its fields, links and citations in one row. */
export interface ExportFactRow {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  qualifier: string;
  garbled: boolean | null;
  deprecated: boolean;
  variable: { key: string; name: string } | null;
  about: { key: string; name: string } | null;
  scope: { key: string; name: string } | null;
  period: { key: string; name: string; start: string | null; end: string | null } | null;
  comparedTo: { key: string } | null;
  /** For a percent: the fact it is a percent of. */
  percentOf: { key: string } | null;
  /** The facts it conflicts with (either way), with what each conflict's note says. */
  conflicts: { fact: string; note: string | null }[];
  citations: {
    key: string;
    quote: string;
    start: number;
    end: number;
    /** When the cited words are garbled: what is wrong with them. */
    garbled: string | null;
    document: string;
    date: string;
  }[];
}

/**
 * A query over the facts a where selects: the clause of `matchFacts(where)` (every value of the
 * where a parameter), its fact named `f`, then the fixed Cypher of `cypher/<file>.cypher`.
 */
export function queryOverFacts(where: FactWhere, file: string): BuiltQuery {
  const { f, clause } = matchFacts(where);
  return Cypher.utils
    .concat(clause, new Cypher.With([f, new Cypher.NamedNode("f")]), new Cypher.Raw(cypher(file)))
    .build();
}

/** The facts a where selects, in key order, as they arrive from Neo4j. */
export function exportFacts(reader: ExportReader, where: FactWhere): AsyncGenerator<ExportFactRow> {
  return reader.records<ExportFactRow>(queryOverFacts(where, "export-fact-rows"));
}

/** The API name of each value of the vocabularies the exports print, from the model. */
const API_NAMES = new Map(
  [UNIT, STATISTIC, QUALIFIER].flatMap((v) =>
    Object.entries(v).map(([name, e]) => [e.value, name]),
  ),
);

/** The GraphQL name of a vocabulary's value (`daily-average` → `DAILY_AVERAGE`), as the API gives it. */
export function graphqlName(value: string): string {
  return API_NAMES.get(value) ?? value;
}
