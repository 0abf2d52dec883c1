import { readdirSync, readFileSync } from "node:fs";
import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  validateSchema,
} from "graphql";
import { describe, expect, it, vi } from "vitest";
import { schemaSdl } from "../src/print-schema.js";
import { schema } from "../src/schema.js";

describe("schema/schema.graphql", () => {
  it("is the printed Pothos schema (run `npm run schema` after changing a type)", () => {
    expect(readFileSync("schema/schema.graphql", "utf8")).toBe(schemaSdl());
  });

  it("is a valid GraphQL schema", () => {
    expect(validateSchema(schema).map((e) => e.message)).toEqual([]);
  });

  it("describes every type and field", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
      if (!type.description && type.name !== "Query") missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("is the same whichever type file loads first (fields defined apart included)", async () => {
    const expected = schemaSdl();
    // The files that implement or add fields to the types of src/schema/refs.ts.
    const files = readdirSync("src/schema").filter(
      (file) =>
        file.endsWith(".ts") &&
        readFileSync(`src/schema/${file}`, "utf8").includes('from "./refs.js"'),
    );
    expect(files).toContain("citation.ts"); // adds Fact.citations and Fact.citeAs
    for (const file of files) {
      vi.resetModules();
      const module = `../src/schema/${file}`;
      await import(/* @vite-ignore */ module);
      const { schemaSdl: printed } = await import("../src/print-schema.js");
      expect(printed(), file).toBe(expected);
    }
  }, 60_000);
});
