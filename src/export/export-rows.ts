import { type GraphQLEnumType, isEnumType } from "graphql";
import type { FactFilter } from "../loaders/facts.js";
import { schema } from "../schema.js";
import { factsQueryOf } from "./export-filter.js";
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

/** The facts a filter selects, in key order, as they arrive from Neo4j. */
export function exportFacts(
  reader: ExportReader,
  filter: FactFilter,
): AsyncGenerator<ExportFactRow> {
  const { name, source } = factsQueryOf(filter);
  return reader.records<ExportFactRow>(name, { ...filter, source });
}

/** The GraphQL name of an enum's internal value (`daily-average` → `DAILY_AVERAGE`), as the API gives it. */
export function graphqlName(
  enumName: "Unit" | "Statistic" | "Qualifier",
): (value: string) => string {
  const type = schema.getType(enumName);
  if (!type || !isEnumType(type)) throw new Error(`the schema has no enum ${enumName}`);
  const names = new Map(
    (type as GraphQLEnumType).getValues().map((v) => [v.value as string, v.name]),
  );
  return (value) => names.get(value) ?? value;
}
