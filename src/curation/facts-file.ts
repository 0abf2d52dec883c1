import { parseDocument } from "yaml";
import { inputError } from "../input-error.js";
import { yamlData } from "../seed/read-seeds.js";

/** The sections a facts file given to ingestDocument may hold (the seed format's, but changes). */
export const SECTIONS_OF_INGEST = [
  "documents",
  "entities",
  "variables",
  "relations",
  "facts",
  "corroborations",
  "conflicts",
  "checks",
  "skips",
];

/** A facts file's sections: each a list of mappings (entries), as the seed format has them. */
export type FactsFile = Record<string, Record<string, unknown>[] | null | undefined>;

function kindOf(x: unknown): string {
  if (x === null) return "null";
  return Array.isArray(x) ? "a list" : typeof x;
}

/**
 * Reads the facts file of an ingest (YAML or JSON, argument `input.facts`): a mapping of known
 * sections, each a list of mappings. Its aliases are expanded within a bound (an alias bomb is
 * refused). Anything else is refused with where it is: the line, or the entry (`facts[0]`).
 */
export function parseFactsFile(facts: string): FactsFile {
  const parsed = parseDocument(facts, { uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    const at = e?.linePos?.[0];
    throw inputError(
      "input.facts",
      `is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ""}: ${e?.message.split("\n")[0]}`,
    );
  }
  const read = yamlData(parsed);
  if ("reason" in read) throw inputError("input.facts", `cannot be read: ${read.reason}`);
  const data = read.data;
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw inputError("input.facts", "must be a mapping of seed sections (documents, facts, ...)");
  const sections = data as Record<string, unknown>;
  const unknown = Object.keys(sections).filter((k) => !SECTIONS_OF_INGEST.includes(k));
  if (unknown.length > 0)
    throw inputError(
      "input.facts",
      `has unknown sections: ${unknown.join(", ")} (expected ${SECTIONS_OF_INGEST.join(", ")})`,
    );
  for (const [name, entries] of Object.entries(sections)) {
    if (entries === null || entries === undefined) continue;
    if (!Array.isArray(entries))
      throw inputError("input.facts", `${name} must be a list (it is ${kindOf(entries)})`);
    entries.forEach((entry: unknown, i) => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry))
        throw inputError(
          "input.facts",
          `${name}[${i}] must be a mapping (an entry with its fields); it is ${kindOf(entry)}`,
        );
    });
  }
  return sections as FactsFile;
}
