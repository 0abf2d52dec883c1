import type DataLoader from "dataloader";
import type { Db } from "./db/db.js";

/**
 * What every resolver gets: the request's data-access handle, and the request's
 * own DataLoaders (created on first use, dropped with the request).
 */
export interface Context {
  db: Db;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}
