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
  "compared_to",
  "qualifiers",
  "garbled",
  "deprecated",
  "conflicts_with",
  "percent_of",
  "document",
  "document_date",
  "quote",
  "start",
  "end",
  "citation_garbled",
  "citation_garbled_note",
] as const;

/**
 * What a spreadsheet reads as a formula when a cell starts with it (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field of RFC 4180: quoted (quotes doubled) when it holds a comma, a quote or a line break.
 * A text that starts as a formula would (a name such as `=HYPERLINK(...)`, a quote that starts
 * with "-") is neutralised as OWASP recommends: prefixed with a single quote and quoted, so that
 * a spreadsheet shows it as text and runs nothing. Numbers are written as numbers (a negative
 * value stays a number): only text is neutralised.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && FORMULA_START.test(value))
    return `"'${value.replaceAll('"', '""')}"`;
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(",")}\r\n`;

/**
 * /export/facts.csv: RFC 4180 (CRLF line ends, a header row), UTF-8 without a byte order mark;
 * one row per fact and citation (a fact without a citation: one row with empty citation
 * columns). Enums as the API names them (COUNT, DAILY_AVERAGE, JUST_OVER); `start` and `end`
 * are the API's offsets (UTF-16 code units) into the document's text. `compared_to` is the
 * entity a change is measured against, `conflicts_with` the keys of the facts it conflicts
 * with (`;` between them), `percent_of` the fact a percent (unit PERCENT) is a percent of,
 * and `citation_garbled` whether this citation's words are garbled
 * (`citation_garbled_note`: what is wrong with them); `garbled` says whether any of the fact's
 * citations is.
 */
export const factsCsv: ExportBody = async function* (reader, where) {
  yield csvLine([...CSV_COLUMNS]);
  for await (const f of exportFacts(reader, where)) {
    const fact = [
      f.key,
      f.value,
      graphqlName(f.unit),
      graphqlName(f.statistic),
      f.variable?.key,
      f.variable?.name,
      f.about?.key,
      f.about?.name,
      f.scope?.key,
      f.period?.key,
      f.period?.start,
      f.period?.end,
      f.comparedTo?.key,
      graphqlName(f.qualifier),
      f.garbled === true,
      f.deprecated === true,
      f.conflicts.map((c) => c.fact).join(";"),
      f.percentOf?.key,
    ];
    if (f.citations.length === 0)
      yield csvLine([...fact, null, null, null, null, null, null, null]);
    let lines = "";
    for (const c of f.citations)
      lines += csvLine([
        ...fact,
        c.document,
        c.date,
        c.quote,
        c.start,
        c.end,
        c.garbled !== null && c.garbled !== undefined,
        c.garbled,
      ]);
    if (lines) yield lines;
  }
};
