import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import { listOf } from "./request-loaders.js";

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

/** The changes of an entity or fact, newest first. */
export const changesOfTarget = (db: Db, key: string) =>
  listOf<ChangeRow>(db, "changes-of-targets", key);
