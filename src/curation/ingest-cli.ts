import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { runCli, TOOL_ERRORS } from "../cli/run-cli.js";
import { openDatabase } from "../db/open-database.js";
import { Neo4jError } from "neo4j-driver";
import { loadSeeds } from "../seed/load-seeds.js";
import { formatFilledStart } from "../model/bundle.js";
import { readSeeds } from "../seed/read-seeds.js";
import { factSummary } from "./curate.js";

/**
 * `npm run ingest -- --document new.txt --facts new.yaml [--by name] [--seeds dir]`
 *
 * Ingests a new source document (first line ` date YYYY-MM-DD `; its file name,
 * without .txt, is its id) with its curated facts file (the seed format). Both
 * are validated together with the repository's seeds, exactly as the seed
 * loader validates (so the facts may refer to any seeded entity); then
 * everything is loaded in one write transaction, recording one change per new
 * fact. A bad file fails with the file, the entry and the reason, and writes nothing.
 * A quote's start may be left out: it is filled in (and reported) where the quote occurs
 * once in the document.
 *
 * Without NEO4J_URI it works beside a running server: when the local Neo4j of the same
 * folder is running for a live process, it uses that Neo4j, and leaves it running (see
 * LocalNeo4j); the server reads the new facts at once.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      document: { type: "string" },
      facts: { type: "string" },
      by: { type: "string", default: process.env.USER ?? "cli" },
      seeds: { type: "string", default: "seeds" },
    },
  });
  if (!values.document || !values.facts) {
    throw new ConfigError("arguments", "need --document <file.txt> and --facts <file.yaml>");
  }
  const documentFile = basename(values.document);
  if (!documentFile.endsWith(".txt")) throw new ConfigError("--document", "must be a .txt file");

  // The new files beside a copy of the seeds, so that one validation covers them all.
  const work = await mkdtemp(join(tmpdir(), "imss-ingest-"));
  try {
    await cp(values.seeds, work, { recursive: true });
    const existing = await readSeeds(work);
    const newId = documentFile.replace(/\.txt$/, "");
    if (existing.documents.some((d) => d.id === newId)) {
      throw new ConfigError("--document", `a document with id ${newId} is already in the seeds`);
    }
    await writeFile(join(work, "documents", documentFile), await readFile(values.document, "utf8"));
    const factsCopy = join(work, "curated", `zz-ingest-${basename(values.facts)}`);
    await writeFile(factsCopy, await readFile(values.facts, "utf8"));
    const bundle = await readSeeds(work);
    // The starts left out of the facts file, and where its quotes were found.
    for (const filled of bundle.filledStarts) {
      const file = filled.file === factsCopy ? values.facts : filled.file;
      console.log(formatFilledStart({ ...filled, file }));
    }
    const known = new Set(existing.facts.map((f) => f.key));
    const added = bundle.facts.filter((f) => !known.has(f.key));
    // Its new entities (periods, accepted proposals) are claimed: a key the graph holds is refused.
    const entities = bundle.entities.filter((e) => e.file === factsCopy);
    const corroborated = [...new Set(bundle.corroborations.map((c) => c.fact))];

    const db = await openDatabase(loadConfig(), (line) => console.log(line));
    try {
      await loadSeeds(
        db.driver,
        db.database,
        bundle,
        [
          ...entities.map((e) => ({
            by: values.by as string,
            action: "create-entity",
            target: e.key,
            summary: `added with ${newId}: ${e.kind} "${e.name}"`,
          })),
          ...added.map((f) => ({
            by: values.by as string,
            action: "add-fact",
            target: f.key,
            summary: `ingested with ${newId}: ${factSummary(f)}`,
          })),
          ...corroborated.map((key) => ({
            by: values.by as string,
            action: "add-citation",
            target: key,
            summary: `corroborated by ${newId}`,
          })),
        ],
        {
          claim: {
            documents: [newId],
            entities: entities.map((e) => e.key),
            facts: added.map((f) => f.key),
          },
        },
      );
    } catch (error) {
      if (
        error instanceof Neo4jError &&
        error.code === "Neo.ClientError.Schema.ConstraintValidationFailed"
      )
        throw new ConfigError(
          "--document",
          `the graph already holds ${newId} or one of its new facts or entities (${error.message.split("\n")[0]}); nothing was written`,
        );
      throw db.explain(error);
    } finally {
      await db.close();
    }
    console.log(
      `Ingested ${newId}: ${added.length} new facts and ${corroborated.length} new citations of the graph's facts, recorded as changes by ${values.by}.`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

runCli(run, TOOL_ERRORS);
