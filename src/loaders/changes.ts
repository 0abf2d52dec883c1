import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { listsOf } from "./request-loaders.js";

export interface ChangeRow {
  key: string;
  at: string;
  by: string;
  action: string;
  target: string;
  summary: string;
}

export async function changesPage(
  db: Db,
  target: string | null,
  page: PageQuery,
): Promise<{ change: ChangeRow; sort: string }[]> {
  return db.read("changes-page", { target, ...pageParams(page) });
}

export function changesOfTargets(db: Db, keys: readonly string[]): Promise<ChangeRow[][]> {
  return listsOf(db, "changes-of-targets", keys);
}
