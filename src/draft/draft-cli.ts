import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../cli/run-cli.js";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { HEADER } from "../model/document-header.js";
import type { Language } from "../model/vocabulary.js";
import { detectLanguage } from "./detect-language.js";
import { draftDocument } from "./draft.js";
import { readDraftGraph } from "./draft-graph.js";
import { draftYaml } from "./draft-yaml.js";
import { Db } from "../db/db.js";

/**
 * `npm run --silent draft -- --document new.txt [--language es|en]`
 *
 * Prints on stdout a draft facts file for a new document (first line ` date YYYY-MM-DD `; its
 * file name, without .txt, is its id), drafted against the graph (src/draft/draft.ts), in the
 * seed format that `npm run ingest` takes once a curator has settled it. Reads the graph in one
 * read transaction; writes nothing. The language is detected when not given.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { document: { type: "string" }, language: { type: "string" } },
  });
  if (!values.document) throw new ConfigError("--document", "need --document <file.txt>");
  if (!values.document.endsWith(".txt")) throw new ConfigError("--document", "must be a .txt file");
  if (values.language !== undefined && values.language !== "en" && values.language !== "es")
    throw new ConfigError("--language", `must be en or es (got "${values.language}")`);
  const text = await readFile(values.document, "utf8");
  const header = HEADER.exec(text);
  if (!header)
    throw new ConfigError(
      "--document",
      `${values.document} does not start with " date YYYY-MM-DD " (it starts with ${JSON.stringify(text.slice(0, 20))})`,
    );
  const detected = detectLanguage(text);
  const language = (values.language as Language | undefined) ?? detected.language;
  const log = (line: string) => console.error(line);
  log(
    values.language
      ? `Drafting in ${language} (as asked).`
      : `Drafting in ${language} (detected: ${detected.es} Spanish and ${detected.en} English small words).`,
  );
  const database = await openDatabase(loadConfig(), log);
  try {
    const started = performance.now();
    const graph = await readDraftGraph(new Db(database.driver, database.database));
    const read = performance.now();
    const draft = draftDocument(
      { id: basename(values.document, ".txt"), date: header[1] as string, language, text },
      graph,
    );
    const drafted = performance.now();
    process.stdout.write(draftYaml(draft));
    log(
      `Read the graph in ${(read - started).toFixed(0)} ms; drafted ${draft.figures.length} figures and ${draft.skips.length} skips in ${(drafted - read).toFixed(0)} ms.`,
    );
  } finally {
    await database.close();
  }
}

runCli(run, [ConfigError]);
