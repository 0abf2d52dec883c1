import type { Credentials } from "./auth/curator-from-request.js";
import type { Db } from "./db/db.js";
import type { RequestLoaders } from "./loaders/request-loaders.js";
import type { CpuWork } from "./workers/cpu-work.js";

/**
 * What every resolver gets: the request's data-access handle (with its row cache), the
 * request's own loaders and per-field answers (created with the context, dropped with the
 * request), the server's worker pool, and who is asking.
 */
export interface Context extends Credentials {
  db: Db;
  loaders: RequestLoaders;
  /** The worker pool of CPU-heavy work (drafts, facts checks), with its limits. */
  cpu: CpuWork;
}
