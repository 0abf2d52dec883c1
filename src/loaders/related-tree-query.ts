import { cypher, cypherSource, withoutComments } from "../db/cypher.js";
import { RELATION_TYPES } from "../seed/seed-format.js";
import type { RelationSpec } from "./entities.js";

/**
 * The text of related-entities-tree.cypher for the links its levels follow.
 *
 * The file expands, on each level, every structural relationship type in both directions and
 * keeps the links of the types and direction asked for (`$types<i>`, `$direction<i>`): one
 * text for every question. That costs Neo4j a read per candidate link (its type) and a second
 * expansion (the other direction), about a sixth of the three-level benchmark query at M and
 * more at L (bench/README.md). Cypher takes no relationship type from a parameter without
 * expanding every relationship of the node (its thousands of fact links included), so the
 * text itself must name the types: here, each level's block between `// expand <i>: begin`
 * and `// expand <i>: end` is replaced by the expansion of exactly that level's types, in its
 * direction.
 *
 * Nothing of the request is pasted: the types are the level's RelationType enum values, each
 * checked against RELATION_TYPES and written in that list's order, and the direction picks one
 * of three fixed patterns. Every other value stays a parameter.
 *
 * Each distinct text is a plan Neo4j compiles and caches (its cache holds 1,000). A client
 * could make many shapes (18 per level and three levels), so a process makes at most `limit`
 * texts, the first shapes it is asked for; past them a request gets the file's own text, which
 * answers the same (test/related-tree-query.test.ts compares them on every shape).
 */

/** Distinct specialised texts a process makes (each one plan in Neo4j's cache). */
export const SPECIALISED_TEXTS = 64;

/** The variables each level's block expands from and to, in related-entities-tree.cypher. */
const LEVEL_VARIABLES = [
  ["p", "n"],
  ["n", "m"],
  ["m", "o"],
] as const;

const NAME = "related-entities-tree";

/** The file as written, comments (the block markers) included: read once, when first needed. */
let fileSource: string | undefined;

export class RelatedTreeQueries {
  private readonly texts = new Map<string, string>();

  constructor(readonly limit = SPECIALISED_TEXTS) {}

  /** How many specialised texts this has made. */
  get size(): number {
    return this.texts.size;
  }

  /**
   * The text for a tree whose levels read follow `specs` (the first `specs.length` levels;
   * those below are not read, and keep the file's blocks).
   */
  text(specs: readonly RelationSpec[]): string {
    if (specs.length > LEVEL_VARIABLES.length || specs.some((s) => s.types?.length === 0)) {
      return cypher(NAME);
    }
    const key = specs.map((s) => `${s.direction}:${s.types ? typeList(s.types) : "*"}`).join(" ");
    let text = this.texts.get(key);
    if (text !== undefined) return text;
    if (this.texts.size >= this.limit) return cypher(NAME);
    text = specialised(specs);
    this.texts.set(key, text);
    return text;
  }
}

/** The process's texts. */
export const relatedTreeQueries = new RelatedTreeQueries();

/** The file with each level's block replaced by the expansion of `specs[i]`. */
export function specialised(specs: readonly RelationSpec[]): string {
  let source = (fileSource ??= cypherSource(NAME));
  specs.forEach((spec, i) => {
    const begin = `// expand ${i + 1}: begin`;
    const end = `// expand ${i + 1}: end`;
    const from = source.indexOf(begin);
    const to = source.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${NAME}.cypher has no block "${begin}"`);
    const lineStart = source.lastIndexOf("\n", from) + 1;
    const indent = source.slice(lineStart, from);
    const [a, b] = LEVEL_VARIABLES[i] as readonly [string, string];
    source =
      source.slice(0, lineStart) +
      expansion(spec, a, b, indent) +
      source.slice(source.indexOf("\n", to) + 1);
  });
  return withoutComments(source);
}

/** `types` as one Cypher type expression, in RELATION_TYPES order; throws on any other value. */
function typeList(types: readonly string[]): string {
  for (const type of types) {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) {
      throw new Error(`Not a relation type: ${JSON.stringify(type)}`);
    }
  }
  return RELATION_TYPES.filter((t) => types.includes(t)).join("|");
}

function expansion(spec: RelationSpec, a: string, b: string, indent: string): string {
  const types = typeList(spec.types ?? RELATION_TYPES);
  const out = `MATCH (${a})-[r:${types}]->(${b}:Entity)`;
  const inward = `MATCH (${a})<-[r:${types}]-(${b}:Entity)`;
  if (spec.direction === "OUT") return `${indent}${out}\n`;
  if (spec.direction === "IN") return `${indent}${inward}\n`;
  // Both ways, as the file does: a link from the entity to itself counts once each way.
  return [
    `CALL (${a}) {`,
    `  ${out}`,
    `  RETURN r, ${b}`,
    `  UNION ALL`,
    `  ${inward}`,
    `  RETURN r, ${b}`,
    `}`,
  ]
    .map((line) => `${indent}${line}\n`)
    .join("");
}
