import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { runCli, TOOL_ERRORS } from "../cli/run-cli.js";
import { openDatabase } from "../db/open-database.js";
import { DatabaseNotEmpty, graphCounts, loadSeeds } from "./load-seeds.js";
import { formatFilledStart } from "../model/bundle.js";
import { readSeeds } from "./read-seeds.js";

/**
 * `npm run seed [dir]`: validates the seeds (default ./seeds) and loads them, in
 * one transaction, into NEO4J_URI's database or the local one: the one already running for
 * a live process (the server), used and left running, or one started for the run. Loading
 * MERGEs by key: loading twice changes nothing.
 *
 * `npm run seed -- --from <dir> [--replace]`: loads a backup (`npm run backup -- --to <dir>`)
 * into an EMPTY database, and refuses, writing nothing, when the database holds anything;
 * with --replace, deletes everything it holds and loads the backup, in one transaction.
 */
async function run(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { from: { type: "string" }, replace: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (values.from && positionals.length > 0)
    throw new ConfigError("arguments", "give either --from <dir> or a seeds directory, not both");
  if (values.replace && !values.from)
    throw new ConfigError(
      "--replace",
      "replaces the graph with a backup: use it with --from <dir>",
    );
  const dir = values.from ?? positionals[0] ?? "seeds";
  const config = loadConfig();
  const bundle = await readSeeds(dir); // fails here, before any connection, on a bad seed
  for (const filled of bundle.filledStarts) console.log(formatFilledStart(filled));
  const db = await openDatabase(config, (line) => console.log(line));
  try {
    const before = await graphCounts(db.driver, db.database);
    await loadSeeds(db.driver, db.database, bundle, [], {
      into: values.from ? (values.replace ? "replace" : "empty") : "merge",
    });
    const after = await graphCounts(db.driver, db.database);
    console.log(
      `Loaded ${bundle.documents.length} documents, ${bundle.entities.length} entities, ` +
        `${bundle.facts.length} facts, ${bundle.changes.length} changes from ${dir}. ` +
        `Graph: ${before.nodes} -> ${after.nodes} nodes, ` +
        `${before.relationships} -> ${after.relationships} relationships.`,
    );
  } catch (error) {
    throw db.explain(error);
  } finally {
    await db.close();
  }
}

runCli(run, [...TOOL_ERRORS, DatabaseNotEmpty]);
