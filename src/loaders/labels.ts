import type { LabelKind, LabelSource, Language } from "../model/vocabulary.js";

/** A label as the API gives it (see cypher/seed/02-entities.cypher for how it is stored). */
export interface LabelRow {
  text: string;
  language: Language;
  kind: LabelKind;
  source: LabelSource;
  /** The id of the first document that has the words, for a label from the text. */
  document: string | null;
}

/** The parallel label lists of an entity or variable row. */
export interface LabelRows {
  labelTexts?: string[] | null;
  labelLanguages?: Language[] | null;
  labelKinds?: LabelKind[] | null;
  labelSources?: LabelSource[] | null;
  labelDocuments?: string[] | null;
}

/** The labels of a row, in the seeds' order. */
export function labelsOf(row: LabelRows): LabelRow[] {
  return (row.labelTexts ?? []).map((text, i) => ({
    text,
    language: row.labelLanguages?.[i] ?? "en",
    kind: row.labelKinds?.[i] ?? "alias",
    source: row.labelSources?.[i] ?? "curated",
    document: row.labelDocuments?.[i] || null,
  }));
}
