import { GraphQLError } from "graphql";

/**
 * How many curation write transactions one server runs at once; the others wait their turn
 * before their transaction begins, so that its time limit is not spent waiting. Writes of shared
 * keys serialise in Neo4j anyway (locks, unique constraints): more at once only adds contention
 * and, on a busy or cold database, makes them all run out of time together. Racing writes are
 * still decided by the database (curate.ts), whichever server or process sends them.
 */
export const WRITE_SLOTS = 4;

/** How long a write waits for its turn before it is refused (nothing is written). */
export const WRITE_WAIT_MS = 15_000;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `write` when one of WRITE_SLOTS is free; refused (503, WRITES_BUSY) after WRITE_WAIT_MS. */
export async function inWriteSlot<T>(write: () => Promise<T>): Promise<T> {
  if (running >= WRITE_SLOTS) {
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = waiting.indexOf(turn);
        if (at >= 0) waiting.splice(at, 1);
        reject(
          new GraphQLError(
            `Too many curation writes at once: this one waited ${WRITE_WAIT_MS / 1000} s for its turn; nothing was changed. Try again shortly.`,
            { extensions: { code: "WRITES_BUSY", http: { status: 503 } } },
          ),
        );
      }, WRITE_WAIT_MS);
      waiting.push(turn);
    });
  } else running += 1;
  try {
    return await write();
  } finally {
    // The slot passes to the next writer, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
