import type { Db } from "../db/db.js";
import type { Language, Unit } from "../model/vocabulary.js";
import type { LabelRows } from "./labels.js";
import { loadRows, rowsByKey } from "./request-loaders.js";

export interface DocumentRow {
  id: string;
  date: string;
  title: string;
  text: string;
  length: number;
  language: Language;
  /** SHA-256 of the text (hex); null only in a graph not loaded since documents had one. */
  sha256: string | null;
}

export interface VariableRow extends LabelRows {
  key: string;
  name: string;
  nameEs: string;
  unit: Unit;
  description: string;
}

export function loadDocuments(db: Db, ids: readonly string[]): Promise<(DocumentRow | Error)[]> {
  const rows = rowsByKey<DocumentRow>(db, "documents-by-id", "document", (row) => row.id);
  return loadRows(rows, ids, (id) => `No document with id "${id}"`);
}

export async function allDocuments(db: Db): Promise<DocumentRow[]> {
  return (await db.read<{ document: DocumentRow }>("documents-all")).map((r) => r.document);
}

export function loadVariables(db: Db, keys: readonly string[]): Promise<(VariableRow | Error)[]> {
  const rows = rowsByKey<VariableRow>(db, "variables-by-key", "variable", (row) => row.key);
  return loadRows(rows, keys, (key) => `No variable with key "${key}"`);
}

export async function allVariables(db: Db): Promise<VariableRow[]> {
  return (await db.read<{ variable: VariableRow }>("variables-all")).map((r) => r.variable);
}
