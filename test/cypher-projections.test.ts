import { describe, expect, it } from "vitest";
import { cypher } from "../src/db/cypher.js";
import { RELATION_TYPES } from "../src/model/vocabulary.js";

/**
 * Page queries return whole rows so that the by-key loaders serve them without a
 * second query (the row cache of src/db/db.ts): their projections must stay exactly
 * those of the by-key queries, or a primed row would differ from a loaded one.
 */

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The map projection `<variable> {...}` that starts at `start`, braces balanced. */
function projectionAt(text: string, start: number): string {
  let depth = 0;
  for (let i = text.indexOf("{", start); i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    if (text[i] === "}") depth -= 1;
    if (depth === 0) return squash(text.slice(start, i + 1));
  }
  throw new Error("unbalanced projection");
}

function factProjection(name: string): string {
  const text = cypher(name);
  const start = text.indexOf("f {\n");
  expect(start, `${name} has a fact projection`).toBeGreaterThan(0);
  expect(squash(text)).toContain(
    squash("[(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]]"),
  );
  return projectionAt(text, start);
}

function entityProjection(name: string, variable: string): string {
  const text = cypher(name);
  const start = text.indexOf(`${variable} {.key`);
  expect(start, `${name} has an entity projection`).toBeGreaterThan(0);
  return projectionAt(text, start).replace(/^\w+ /, "");
}

describe("rows primed by page queries", () => {
  it("facts: every page query projects a fact as facts-by-key does", () => {
    const byKey = factProjection("facts-by-key");
    for (const name of ["facts-page-rows"]) {
      expect(factProjection(name), name).toBe(byKey);
    }
  });

  it("entities: search and entity pages project an entity as entities-by-key does", () => {
    const byKey = entityProjection("entities-by-key", "n");
    expect(entityProjection("entities-page", "n")).toBe(byKey);
    expect(entityProjection("search", "node")).toBe(byKey);
  });

  it("related pages give the key, kind and name only (the details are read when asked for)", () => {
    const text = squash(cypher("related-entities-tree"));
    // Each of the three levels, with and without the link.
    for (const [node, children] of [
      ["n", "children"],
      ["m", "children"],
      ["o", "null"],
    ]) {
      expect(text).toContain(
        `THEN [${node}.key, ${node}.kind, ${node}.name, ${children}, type(r),`,
      );
      expect(text).toContain(`ELSE [${node}.key, ${node}.kind, ${node}.name, ${children}] END`);
    }
    expect(entityProjection("entities-by-key", "n")).toMatch(/^\{\.key, \.kind, \.name, /);
  });

  it("related entities: the types expanded are exactly the structural relation types", () => {
    for (const name of ["related-entities-tree", "related-entities-count"]) {
      for (const match of cypher(name).matchAll(/\[r:([A-Z_|]+)\]/g)) {
        expect((match[1] as string).split("|").sort(), name).toEqual([...RELATION_TYPES].sort());
      }
    }
  });
});
