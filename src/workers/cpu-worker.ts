import { parentPort } from "node:worker_threads";
import { TASKS, type TaskName } from "./tasks.js";

/**
 * A worker of the pool (pool.ts): says it is ready, then runs one task at a time and answers with
 * its result or error.
 */

interface Request {
  id: number;
  task: TaskName;
  input: unknown;
}

parentPort?.on("message", ({ id, task, input }: Request) => {
  try {
    const run = TASKS[task] as (input: unknown) => unknown;
    parentPort?.postMessage({ id, ok: true, value: run(input) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ id, ok: false, message: e.message, stack: e.stack });
  }
});
parentPort?.postMessage({ ready: true });
