import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { type CompileDecision, compiledSize } from "../src/plugins/use-compiled-execution.js";
import { schema } from "../src/schema.js";
import { createApp } from "../src/server.js";
import { useTestDriver } from "./support/neo4j.js";

/**
 * graphql-jit writes the code of a field on an abstract type once per possible type, so a
 * document's code grows eightfold with each nested level of relations (`Entity` has eight
 * types): compiled as it came, a query of 778 bytes took the server 36 s and 2.6 GB and then
 * failed. Documents are compiled only within a budget of fields, and only so many are kept.
 */

/** `levels` nested relation fields under entity(key), with two aliased copies on `aliased` levels. */
function nestedRelations(levels: number, aliased: number[] = []): string {
  let inner = "key";
  for (let level = levels; level >= 1; level -= 1) {
    const field = (alias: string) => `${alias}relations(first: 1) { edges { node { ${inner} } } }`;
    inner = aliased.includes(level) ? `key ${field("a: ")} ${field("b: ")}` : `key ${field("")}`;
  }
  return `{ entity(key: "imss") { ${inner} } }`;
}

const size = (query: string, limit = 1_000_000) => compiledSize(schema, parse(query), null, limit);

describe("compiledSize: the fields graphql-jit writes code for", () => {
  it("counts each field once per type it can be selected on", () => {
    // entity, then key on each of the eight entity types.
    expect(size(`{ entity(key: "imss") { key } }`)).toBe(1 + 8);
    expect(size(`{ institute { key name } }`)).toBe(3);
  });

  it("grows about eightfold with each level of nested relations", () => {
    const sizes = [1, 2, 3, 4].map((levels) => size(nestedRelations(levels)));
    for (let i = 1; i < sizes.length; i += 1) {
      expect((sizes[i] as number) / (sizes[i - 1] as number)).toBeGreaterThan(7);
    }
    expect(sizes[3]).toBeGreaterThan(50_000);
  });

  it("counts fragments as the fields they hold, where their type applies", () => {
    const inline = size(`{ entity(key: "imss") { ... on Program { key name } } }`);
    const named = size(`{ entity(key: "imss") { ...P } } fragment P on Program { key name }`);
    expect(inline).toBe(1 + 2);
    expect(named).toBe(inline);
    expect(size(`{ entity(key: "imss") { ... on Entity { key } } }`)).toBe(1 + 8);
  });

  it("stops counting past its limit", () => {
    expect(size(nestedRelations(4, [2, 3, 4]), 1_500)).toBeLessThanOrEqual(1_501);
  });
});

describe("which documents the server compiles", () => {
  const neo4j = useTestDriver();

  function app(options: { budget?: number; keep?: number } = {}) {
    const decisions: CompileDecision[] = [];
    const yoga = createApp({
      driver: neo4j.driver,
      database: neo4j.database,
      compile: { ...options, onDecision: (d) => decisions.push(d) },
    });
    const ask = async (query: string) => {
      const response = await yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data;
    };
    return { ask, decisions };
  }

  it("compiles a document within the budget the second time it runs, and keeps it", async () => {
    const { ask, decisions } = app();
    const query = nestedRelations(1);
    const first = await ask(query);
    expect(decisions).toEqual([]);
    expect(await ask(query)).toEqual(first);
    expect(decisions).toEqual([{ outcome: "compiled", size: size(query) }]);
    expect(await ask(query)).toEqual(first);
    expect(decisions).toHaveLength(1);
  });

  it("runs a document over the budget in graphql-js, with the same answer, every time", async () => {
    const { ask, decisions } = app();
    // Four levels, aliased on three: about 400,000 fields as graphql-jit would write them.
    const query = nestedRelations(4, [2, 3, 4]);
    const first = await ask(query);
    expect(JSON.stringify(first)).toContain('"a":{"edges"');
    expect(await ask(query)).toEqual(first);
    expect(decisions).toEqual([{ outcome: "too-large", size: expect.any(Number) as number }]);
    expect((decisions[0] as { size: number }).size).toBeGreaterThan(1_500);
    expect(await ask(query)).toEqual(first);
    expect(decisions).toHaveLength(1);
  });

  it("keeps compiled documents within `keep` fields, dropping the least recently used", async () => {
    const one = nestedRelations(1);
    const two = `{ institute { key name } }`;
    const { ask, decisions } = app({ keep: size(one) });
    for (const query of [one, one, two, two, one, one]) await ask(query);
    expect(decisions.map((d) => d.outcome)).toEqual(["compiled", "compiled", "compiled"]);
  });
});
