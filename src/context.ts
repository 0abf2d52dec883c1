import type DataLoader from "dataloader";
import type { Credentials } from "./auth/curator-from-request.js";
import type { Db } from "./db/db.js";

/**
 * What every resolver gets: the request's data-access handle, the request's own
 * DataLoaders (created on first use, dropped with the request), and who is asking.
 */
export interface Context extends Credentials {
  db: Db;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}
