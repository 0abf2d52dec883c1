import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Document, parseDocument } from "yaml";
import { type SeedBundle, SeedError, type SeedProblem, type SourceText } from "../model/bundle.js";
import { checkSeeds } from "../model/check/check-seeds.js";
import { ENTITY_KINDS, type EntityKind } from "../model/vocabulary.js";
import { HEADER } from "../model/document-header.js";

/**
 * Reads and checks the seeds: the source documents (seeds/documents/*.txt) and
 * the curated YAML (seeds/curated/*.yaml, merged in file-name order).
 *
 * Every problem is collected before anything is thrown, so one run lists them
 * all; each names the file, the entry (e.g. `facts[12] (key: umf-count)`), the
 * field path and the reason. The checks are those of `../model/check/`.
 */

/** Reads seeds/documents/*.txt and seeds/curated/*.yaml under `dir` and checks them. */
export async function readSeeds(dir = "seeds"): Promise<SeedBundle> {
  const problems: SeedProblem[] = [];
  const documents: SourceText[] = [];
  const docDir = join(dir, "documents");
  for (const name of (await readdir(docDir)).filter((n) => n.endsWith(".txt")).sort()) {
    const file = join(docDir, name);
    const text = await readFile(file, "utf8");
    const header = HEADER.exec(text);
    if (!header) {
      problems.push({
        file,
        entry: "(document)",
        path: "header",
        reason: `the document does not start with " date YYYY-MM-DD " (it starts with ${JSON.stringify(text.slice(0, 20))})`,
      });
      continue;
    }
    documents.push({ id: name.slice(0, -".txt".length), date: header[1] as string, text, file });
  }

  const files: { file: string; data: unknown }[] = [];
  const curatedDir = join(dir, "curated");
  for (const name of (await readdir(curatedDir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = join(curatedDir, name);
    const doc = parseDocument(await readFile(file, "utf8"), {
      uniqueKeys: true,
      prettyErrors: true,
    });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        problems.push({
          file,
          entry: "(file)",
          path: pos ? `line ${pos.line}, column ${pos.col}` : "",
          reason: `invalid YAML: ${err.message.split("\n")[0]}`,
        });
      }
      continue;
    }
    const read = yamlData(doc);
    if ("reason" in read) problems.push({ file, entry: "(file)", path: "", reason: read.reason });
    else files.push({ file, data: read.data });
  }

  let bundle: SeedBundle;
  try {
    bundle = checkSeeds(documents, files);
  } catch (e) {
    if (e instanceof SeedError) throw new SeedError([...problems, ...e.problems]);
    throw e;
  }
  if (problems.length > 0) throw new SeedError(problems);
  return bundle;
}

/**
 * How much a YAML file's aliases (`*name`) may expand: a few repeated entries are fine, an alias
 * bomb (aliases of aliases, billions of entries from a few lines) is refused before it expands.
 */
export const MAX_YAML_ALIASES = 100;

/** A parsed YAML document's data, its aliases expanded within MAX_YAML_ALIASES; or why not. */
export function yamlData(doc: Document): { data: unknown } | { reason: string } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    // The yaml package throws a ReferenceError for an alias bomb or an alias of nothing.
    if (error instanceof ReferenceError)
      return {
        reason: `its aliases (*name) expand too much or name no anchor (at most ${MAX_YAML_ALIASES} expansions): ${error.message}`,
      };
    throw error;
  }
}

/** How much the bundle holds. */
export function seedCounts(bundle: SeedBundle) {
  const entitiesByKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<
    EntityKind,
    number
  >;
  for (const e of bundle.entities) entitiesByKind[e.kind] += 1;
  const citations = bundle.facts.flatMap((f) => f.citations);
  return {
    documents: bundle.documents.length,
    entities: bundle.entities.length,
    entitiesByKind,
    variables: bundle.variables.length,
    relations: bundle.relations.length,
    relationsWithSource: bundle.relations.filter((r) => r.source).length,
    facts: bundle.facts.length,
    citations: citations.length,
    garbledCitations: citations.filter((c) => c.garbled !== undefined).length,
    conflicts: bundle.conflicts.length,
    checks: bundle.checks.length,
  };
}
