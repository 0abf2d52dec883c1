import { afterAll, beforeAll, inject } from "vitest";
import { databaseUseOf, takeDatabaseLock } from "./database-lock.js";

/**
 * Set-up file of the e2e project: every file takes the database lock (database-lock.ts) as its
 * list says, before its own hooks run, and gives it back after them.
 */

let release: (() => void) | undefined;

// A file may wait for the other worker's file to be done: up to the longest file's run.
// Vitest reads the first argument's pattern for the fixtures a hook uses: this one uses none.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  const use = databaseUseOf(suite.file.filepath);
  if (use !== "none") release = await takeDatabaseLock(inject("databaseLock"), use);
}, 600_000);

afterAll(() => {
  release?.();
});
