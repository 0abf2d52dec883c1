import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Cypher from "@neo4j/cypher-builder";

/**
 * Cypher lives in `cypher/*.cypher`, one query per file, loaded by name.
 * Queries take parameters only: nothing is ever pasted into their text.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** `cypher/` at the repository root, from src/db (tsx) or dist/src/db (built). */
export const CYPHER_DIR = [resolve(here, "../../cypher"), resolve(here, "../../../cypher")].find(
  (dir) => {
    try {
      readdirSync(dir);
      return true;
    } catch {
      return false;
    }
  },
) as string;

const cache = new Map<string, string>();

/**
 * The text of `cypher/<name>.cypher` (name may include a sub-folder, e.g. `schema/constraints`),
 * without its comment lines: they are for readers, and every query would otherwise carry
 * them to Neo4j.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`Bad Cypher file name: ${name}`);
    text = withoutComments(readFileSync(join(CYPHER_DIR, `${name}.cypher`), "utf8"));
    cache.set(name, text);
  }
  return text;
}

/**
 * `cypher/<name>.cypher` with its slots (`{{where}}`...) filled, for a query whose shape a
 * `where` or a sort decides: each slot by what @neo4j/cypher-builder compiles (values only as
 * parameters) or by fixed text of ours (`ASC`, `DESC`...), never by a client's text. Run it
 * with `Db.readComposed`.
 */
export function composedCypher(name: string, slots: Record<string, Cypher.Expr | string>) {
  return new Cypher.Raw((ctx) =>
    cypher(name).replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
      const filler = slots[slot];
      if (filler === undefined) throw new Error(`${name}.cypher: no filler for {{${slot}}}`);
      return typeof filler === "string" ? filler : ctx.compile(filler);
    }),
  );
}

/** Splits a file of several statements (separated by `;` at a line end) into single statements. */
export function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => withoutComments(s).trim())
    .filter((s) => s.length > 0);
}

/** The text without its whole-line `//` comments. */
function withoutComments(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
}
