import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql ships CommonJS and ESM builds; one schema must see one of them only.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // One Neo4j for the whole run, started (or reached through NEO4J_URI) once.
    globalSetup: ["test/support/global-setup.ts"],
    // Files share that database; they run one after another so that the
    // round-trip counts and timings of one never disturb another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
