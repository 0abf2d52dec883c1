import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { runCli, TOOL_ERRORS } from "../cli/run-cli.js";
import { openDatabase } from "../db/open-database.js";
import { BackupDirNotEmpty, backupCounts, readBackup, writeBackup } from "./backup.js";
import { readSeeds } from "./read-seeds.js";
import { SeedError } from "../model/bundle.js";

/**
 * `npm run backup -- --to <dir>`: writes the whole graph in the seed format into `<dir>` (new or
 * empty): `documents/*.txt` and `curated/*.yaml`, deprecations and the change log included, read
 * in one read transaction; then checks it as the seeds are checked (readSeeds), so that
 * `npm run seed -- --from <dir>` loads it into an empty database.
 *
 * Without NEO4J_URI it works beside a running server, as `npm run ingest` does: it uses the
 * local Neo4j the server runs, and leaves it running.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  if (!values.to) throw new ConfigError("arguments", "need --to <dir> (a new or empty directory)");
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.log(line));
  let backup;
  try {
    backup = await readBackup(db.driver, db.database);
  } catch (error) {
    throw db.explain(error);
  } finally {
    await db.close();
  }
  await writeBackup(values.to, backup);
  try {
    await readSeeds(values.to);
  } catch (error) {
    if (error instanceof SeedError)
      throw new SeedError([
        {
          file: values.to,
          entry: "(backup)",
          path: "",
          reason: "the backup was written but does not pass the seed check; its problems follow",
        },
        ...error.problems,
      ]);
    throw error;
  }
  const counts = Object.entries(backupCounts(backup))
    .map(([name, n]) => `${n} ${name}`)
    .join(", ");
  console.log(`Backed up the graph into ${values.to}: ${counts}. It passes the seed check.`);
}

runCli(run, [...TOOL_ERRORS, BackupDirNotEmpty]);
