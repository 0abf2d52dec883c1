import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUseOf, startDatabaseLock, takeDatabaseLock } from "./support/database-lock.js";

/** The lock through which the e2e files share the run's Neo4j (test/support/database-lock.ts). */
describe("the database lock of the e2e files", () => {
  let lock: Awaited<ReturnType<typeof startDatabaseLock>>;
  beforeAll(async () => {
    lock = await startDatabaseLock();
  });
  afterAll(() => lock.close());

  /** Whether `taken` is granted within a few event-loop turns of the keeper. */
  const grantedSoon = (taken: Promise<unknown>) =>
    Promise.race([taken.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);

  it("lets shared holders in together, and an exclusive one only when they are gone", async () => {
    const first = await takeDatabaseLock(lock.port, "shared");
    const second = await takeDatabaseLock(lock.port, "shared");
    const exclusive = takeDatabaseLock(lock.port, "exclusive");
    expect(await grantedSoon(exclusive)).toBe(false);
    first();
    expect(await grantedSoon(exclusive)).toBe(false);
    second();
    expect(await grantedSoon(exclusive)).toBe(true);
    (await exclusive)();
  });

  it("keeps everyone out while an exclusive holder runs, and lets a waiting exclusive one go before later shared ones", async () => {
    const shared = await takeDatabaseLock(lock.port, "shared");
    const exclusive = takeDatabaseLock(lock.port, "exclusive");
    const later = takeDatabaseLock(lock.port, "shared");
    expect(await grantedSoon(later)).toBe(false);
    shared();
    expect(await grantedSoon(exclusive)).toBe(true);
    expect(await grantedSoon(later)).toBe(false);
    (await exclusive)();
    expect(await grantedSoon(later)).toBe(true);
    (await later)();
  });

  it("takes the lock back from a holder whose connection closes, and from a waiter's", async () => {
    const exclusive = await takeDatabaseLock(lock.port, "exclusive");
    const waiter = takeDatabaseLock(lock.port, "exclusive");
    const shared = takeDatabaseLock(lock.port, "shared");
    exclusive();
    (await waiter)();
    expect(await grantedSoon(shared)).toBe(true);
    (await shared)();
  });

  it("treats a file it does not list as exclusive, and the listed ones as listed", () => {
    expect(databaseUseOf("test/a-new-file.e2e.test.ts")).toBe("exclusive");
    expect(databaseUseOf(`${process.cwd()}/test/api.e2e.test.ts`)).toBe("shared");
    expect(databaseUseOf("test/main.e2e.test.ts")).toBe("none");
  });
});
