import type { Db } from "../db/db.js";
import type { Unit } from "../seed/seed-format.js";
import { byKeys, NotFoundError } from "./request-loaders.js";

export interface DocumentRow {
  id: string;
  date: string;
  title: string;
  text: string;
  length: number;
}

export interface VariableRow {
  key: string;
  name: string;
  unit: Unit;
  description: string;
}

export async function loadDocuments(
  db: Db,
  ids: readonly string[],
): Promise<(DocumentRow | Error)[]> {
  const rows = await db.read<{ document: DocumentRow }>("documents-by-id", { keys: ids });
  return byKeys(
    ids,
    rows,
    (r) => r.document.id,
    (r) => r.document,
    (k) => new NotFoundError(`No document with id "${k}"`),
  );
}

export async function allDocuments(db: Db): Promise<DocumentRow[]> {
  return (await db.read<{ document: DocumentRow }>("documents-all")).map((r) => r.document);
}

export async function loadVariables(
  db: Db,
  keys: readonly string[],
): Promise<(VariableRow | Error)[]> {
  const rows = await db.read<{ variable: VariableRow }>("variables-by-key", { keys });
  return byKeys(
    keys,
    rows,
    (r) => r.variable.key,
    (r) => r.variable,
    (k) => new NotFoundError(`No variable with key "${k}"`),
  );
}

export async function allVariables(db: Db): Promise<VariableRow[]> {
  return (await db.read<{ variable: VariableRow }>("variables-all")).map((r) => r.variable);
}
