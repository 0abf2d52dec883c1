import type { ExportBody } from "./export-response.js";
import { exportFacts, graphqlName } from "./export-rows.js";

/** The columns of /export/facts.csv, in order. */
export const CSV_COLUMNS = [
  "fact",
  "value",
  "unit",
  "statistic",
  "variable",
  "variable_name",
  "about",
  "about_name",
  "scope",
  "period",
  "period_start",
  "period_end",
  "qualifiers",
  "garbled",
  "deprecated",
  "document",
  "document_date",
  "quote",
  "start",
  "end",
] as const;

/** One field of RFC 4180: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(",")}\r\n`;

/**
 * /export/facts.csv: RFC 4180 (CRLF line ends, a header row), UTF-8 without a byte order mark;
 * one row per fact and citation (a fact without a citation: one row with empty citation
 * columns). Enums as the API names them (COUNT, DAILY_AVERAGE, JUST_OVER); `start` and `end`
 * are the API's offsets (UTF-16 code units) into the document's text.
 */
export const factsCsv: ExportBody = async function* (reader, filter) {
  const unit = graphqlName("Unit");
  const statistic = graphqlName("Statistic");
  const qualifier = graphqlName("Qualifier");
  yield csvLine([...CSV_COLUMNS]);
  for await (const f of exportFacts(reader, filter)) {
    const fact = [
      f.key,
      f.value,
      unit(f.unit),
      statistic(f.statistic),
      f.variable?.key,
      f.variable?.name,
      f.about?.key,
      f.about?.name,
      f.scope?.key,
      f.period?.key,
      f.period?.start,
      f.period?.end,
      qualifier(f.qualifier),
      f.garbled === true,
      f.deprecated === true,
    ];
    if (f.citations.length === 0) yield csvLine([...fact, null, null, null, null, null]);
    let lines = "";
    for (const c of f.citations)
      lines += csvLine([...fact, c.document, c.date, c.quote, c.start, c.end]);
    if (lines) yield lines;
  }
};
