import { readFileSync } from "node:fs";
import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  validateSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
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
});
