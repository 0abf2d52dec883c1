import { describe, expect, it } from "vitest";
import { inWriteSlot, WRITE_SLOTS } from "../src/curation/write-slots.js";

/** Curation writes run at most WRITE_SLOTS at a time, the others in the order they came. */
describe("write slots", () => {
  it("runs at most WRITE_SLOTS writes at once, then the waiting ones in order, even when some fail", async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const writes = Array.from({ length: WRITE_SLOTS * 3 }, (_, i) =>
      inWriteSlot(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((r) => releases.push(r));
        running -= 1;
        if (i % 5 === 0) throw new Error(`write ${i} failed`);
        return i;
      }),
    );
    const settled = Promise.allSettled(writes);
    // Release the running writes one at a time until every write has run.
    while (started.length < writes.length || releases.length > 0) {
      await new Promise((r) => setTimeout(r, 1));
      releases.shift()?.();
    }
    const results = await settled;
    expect(most).toBe(WRITE_SLOTS);
    expect(started).toEqual(writes.map((_, i) => i));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(3);
    // The slots are all free again: a new write runs at once.
    expect(await inWriteSlot(async () => "free")).toBe("free");
  });
});
