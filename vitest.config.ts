import { defineConfig } from "vitest/config";
import OwnNeo4jFirst from "./test/support/sequencer.js";

/**
 * Two projects: `unit` (no Neo4j, no build of the web app) and `e2e` (*.e2e.test.ts: one Neo4j
 * and the built explorer for the run, from test/support/global-setup.ts). e2e files run two at a
 * time and share that Neo4j through the lock of test/support/database-lock.ts.
 */
export default defineConfig({
  // graphql ships CommonJS and ESM builds; one schema must see one of them only.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // Two workers whatever the machine (vitest's default is one fewer than its cores).
    maxWorkers: 2,
    sequence: { sequencer: OwnNeo4jFirst },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.e2e.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/**/*.e2e.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/database-lock-hooks.ts"],
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
