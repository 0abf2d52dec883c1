import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type * as Esbuild from "esbuild";
import type { TaskInput, TaskName, TaskOutput } from "./tasks.js";

/**
 * A small pool of worker threads for the CPU-heavy work of requests (tasks.ts), so that the event
 * loop keeps answering while it runs. Every task has a time budget, counted from when a worker
 * takes it: a task over it is cancelled (its worker terminated, and replaced on demand) and
 * rejected with a TaskTimeout. The queue is bounded (so is the wait in it: each task before runs
 * within its budget): a task beyond it is rejected with PoolBusy. Workers start on demand, and
 * take tasks once started; `close` terminates them and rejects what is pending.
 *
 * The worker runs the compiled cpu-worker.js beside this file under `npm start`; from source
 * (tsx, vitest), cpu-worker.ts bundled by esbuild (startWorker).
 */

export class TaskTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the work took more than its time budget of ${timeoutMs} ms and was cancelled`);
    this.name = "TaskTimeout";
  }
}

export class PoolBusy extends Error {
  constructor(readonly queued: number) {
    super(`${queued} tasks are waiting already`);
    this.name = "PoolBusy";
  }
}

export class PoolClosed extends Error {
  constructor() {
    super("the server is stopping");
    this.name = "PoolClosed";
  }
}

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Started: its message handler is listening. */
  ready: boolean;
  job?: Job;
}

const FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * A new worker: cpu-worker.js beside this file; from source, cpu-worker.ts bundled once per
 * process with esbuild (a development dependency), as tsx's loader does not reach worker threads
 * in every Node.js version the project supports.
 */
function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL("./cpu-worker.js", import.meta.url));
  sourceBundle ??= bundleFromSource();
  return new Worker(sourceBundle, { eval: true });
}

let sourceBundle: string | undefined;

function bundleFromSource(): string {
  const require = createRequire(import.meta.url);
  const esbuild = require("esbuild") as typeof Esbuild;
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL("./cpu-worker.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

export interface PoolOptions {
  /** How many worker threads at most. */
  size: number;
  /** How many tasks may wait for a worker. */
  maxQueue: number;
}

export class CpuPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Runs `task` in a worker; rejects with TaskTimeout after `timeoutMs`, PoolBusy, PoolClosed or the task's error. */
  run<K extends TaskName>(task: K, input: TaskInput<K>, timeoutMs: number): Promise<TaskOutput<K>> {
    if (this.closed) return Promise.reject(new PoolClosed());
    if (this.queue.length >= this.options.maxQueue)
      return Promise.reject(new PoolBusy(this.queue.length));
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        task,
        input,
        timeoutMs,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminates every worker; pending tasks are rejected with PoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new PoolClosed());
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.settle(slot.job, new PoolClosed());
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** How many tasks run and wait (for tests and metrics). */
  get load(): { running: number; queued: number; workers: number } {
    return {
      running: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      workers: this.slots.length,
    };
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        const starting = this.slots.filter((s) => !s.ready).length;
        if (starting < this.queue.length && this.slots.length < this.options.size) this.spawn();
        return;
      }
      const job = this.queue.shift() as Job;
      slot.job = job;
      job.timer = setTimeout(() => this.expire(slot, job), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input });
    }
  }

  private spawn(): Slot {
    const worker = startWorker();
    // An idle pool does not keep the process alive; a request waiting for it does.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    worker.on(
      "message",
      (message: {
        id: number;
        ok: boolean;
        value?: unknown;
        message?: string;
        stack?: string;
        ready?: true;
      }) => {
        if (message.ready) {
          slot.ready = true;
          this.dispatch();
          return;
        }
        const job = slot.job;
        if (!job || job.id !== message.id) return;
        slot.job = undefined;
        if (message.ok) this.settle(job, undefined, message.value);
        else {
          const error = new Error(message.message);
          error.stack = message.stack;
          this.settle(job, error);
        }
        this.dispatch();
      },
    );
    worker.on("error", (error) => this.lose(slot, error));
    worker.on("exit", () => this.lose(slot, new Error("a worker stopped")));
    this.slots.push(slot);
    return slot;
  }

  /** A worker that failed or exited: its task fails, it leaves the pool. */
  private lose(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (slot.job) this.settle(slot.job, error);
    slot.job = undefined;
    if (!this.closed) this.dispatch();
  }

  private expire(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    // The only way to stop synchronous work: terminate its thread.
    slot.job = undefined;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
    this.settle(job, new TaskTimeout(job.timeoutMs));
    this.dispatch();
  }

  private settle(job: Job, error?: Error, value?: unknown): void {
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(value);
  }
}
