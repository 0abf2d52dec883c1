import type { Credentials } from "./auth/curator-from-request.js";
import type { Db } from "./db/db.js";
import type { CpuWork } from "./workers/cpu-work.js";

/**
 * What every resolver gets: the request's data-access handle, which is also the one home of
 * the request's state (its loaders and the plans of its fields, dropped with the request), the
 * server's worker pool, and who is asking.
 */
export interface Context extends Credentials {
  db: Db;
  /** The worker pool of CPU-heavy work (drafts, facts checks), with its limits. */
  cpu: CpuWork;
}
