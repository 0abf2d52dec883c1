import { GraphQLError } from "graphql";
import { DEFAULT_DRAFT_LIMITS, type DraftLimits } from "../config.js";
import { CpuPool, PoolBusy, PoolClosed, TaskTimeout } from "./pool.js";
import {
  bundleOf,
  factsFileOf,
  TASKS,
  type TaskInput,
  type TaskName,
  type TaskOutput,
} from "./tasks.js";
import type { FactsFile } from "../curation/facts-file.js";
import type { checkSeeds } from "../model/check/check-seeds.js";
import type { SeedBundle } from "../model/bundle.js";

/**
 * The CPU-heavy work of requests as the server does it: in its worker pool, within a time budget,
 * and (for drafts) within each curator's rate. Errors are GraphQL errors a client can act on:
 * TIMEOUT (the work was cancelled), RATE_LIMITED (retry later, `retryAfterSeconds`),
 * SERVER_STOPPING. `IN_THREAD` does the same work in the caller's thread (command-line tools).
 */

/** What curation needs done off the event loop. */
export interface FactsWork {
  /** parseFactsFile; throws its error. */
  parseFacts(text: string): Promise<FactsFile>;
  /** checkSeeds; throws its SeedError. */
  checkSeeds(...args: Parameters<typeof checkSeeds>): Promise<SeedBundle>;
}

/** The work in the caller's thread, for the command-line tools. */
export const IN_THREAD: FactsWork = {
  parseFacts: async (text) => factsFileOf(TASKS.parseFacts(text)),
  checkSeeds: async (...args) => bundleOf(TASKS.checkSeeds(args)),
};

/** A per-key token bucket: `burst` at once, refilled at `perMinute`. */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** Takes a token for `key`: 0 when taken, else the seconds until one is there. */
  take(key: string, now = Date.now()): number {
    const perMs = this.perMinute / 60_000;
    const old = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, old.tokens + (now - old.at) * perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > 10_000) this.prune(now);
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.ceil((1 - tokens) / perMs / 1000);
  }

  /** Forgets full buckets (they are what a new key gets). */
  private prune(now: number): void {
    const perMs = this.perMinute / 60_000;
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * perMs >= this.burst) this.buckets.delete(key);
  }
}

export class CpuWork implements FactsWork {
  private readonly pool: CpuPool;
  private readonly rate: RateLimiter;

  constructor(readonly limits: DraftLimits = DEFAULT_DRAFT_LIMITS) {
    this.pool = new CpuPool({ size: limits.workers, maxQueue: 8 * limits.workers });
    this.rate = new RateLimiter(limits.perMinute, limits.burst);
  }

  /** Throws RATE_LIMITED when `curator` has started too many drafts lately. */
  admitDraft(curator: string): void {
    const wait = this.rate.take(curator);
    if (wait > 0)
      throw new GraphQLError(
        `Too many drafts: a curator may start ${this.limits.burst} at once and ${this.limits.perMinute} a minute; retry in ${wait} s`,
        { extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } },
      );
  }

  /** Runs a task in the pool; `argument` is what a cancelled task names (the input that made it long). */
  async run<K extends TaskName>(
    task: K,
    input: TaskInput<K>,
    argument: string,
  ): Promise<TaskOutput<K>> {
    try {
      return await this.pool.run(task, input, this.limits.timeoutMs);
    } catch (error) {
      if (error instanceof TaskTimeout)
        throw new GraphQLError(
          `Argument "${argument}": the work on it took more than its time budget of ${error.timeoutMs} ms and was cancelled; send a shorter text`,
          { extensions: { code: "TIMEOUT", argument, timeoutMs: error.timeoutMs } },
        );
      if (error instanceof PoolBusy)
        throw new GraphQLError(
          `The server is busy with ${error.queued} other documents; retry in a few seconds`,
          { extensions: { code: "RATE_LIMITED", retryAfterSeconds: 5 } },
        );
      if (error instanceof PoolClosed)
        throw new GraphQLError("The server is stopping; retry when it is back", {
          extensions: { code: "SERVER_STOPPING" },
        });
      throw error;
    }
  }

  async parseFacts(text: string): Promise<FactsFile> {
    return factsFileOf(await this.run("parseFacts", text, "input.facts"));
  }

  async checkSeeds(...args: Parameters<typeof checkSeeds>): Promise<SeedBundle> {
    return bundleOf(await this.run("checkSeeds", args, "input.facts"));
  }

  /** Terminates the workers; what runs or waits fails with SERVER_STOPPING. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
