import type { FactFilter } from "../loaders/facts.js";
import { QUALIFIER, STATISTIC, UNIT } from "../model/vocabulary.js";
import type { ExportReader } from "./export-reader.js";

/** A fact as export-facts*.cypher return it: its fields, links and citations in one row. */
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

/** Which file reads the facts of a filter in key order, and where its candidates come from. */
export function factsQueryOf(filter: FactFilter): { name: string; source: string } {
  if (filter.about) return { name: "export-facts", source: "ABOUT" };
  if (filter.scope) return { name: "export-facts", source: "SCOPE" };
  if (filter.document) return { name: "export-facts", source: "DOCUMENT" };
  return { name: "export-facts-by-key", source: filter.period ? "PERIOD" : "VARIABLE" };
}

/** The facts a filter selects, in key order, as they arrive from Neo4j. */
export function exportFacts(
  reader: ExportReader,
  filter: FactFilter,
): AsyncGenerator<ExportFactRow> {
  const { name, source } = factsQueryOf(filter);
  return reader.records<ExportFactRow>(name, { ...filter, source });
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
