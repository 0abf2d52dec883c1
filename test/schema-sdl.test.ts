import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaSdl } from "../src/print-schema.js";

describe("schema/schema.graphql", () => {
  it("is the printed Pothos schema (run `npm run schema` after changing a type)", () => {
    expect(readFileSync("schema/schema.graphql", "utf8")).toBe(schemaSdl());
  });

  it("describes every type and field", () => {
    const sdl = schemaSdl();
    // Every object/interface/enum/input type carries a description ("""...""" before it).
    const undocumented = [...sdl.matchAll(/(^|\n)(type|interface|enum|input|union) (\w+)/g)]
      .filter((m) => {
        const before = sdl.slice(0, m.index + m[1].length).trimEnd();
        return !before.endsWith('"""') && !before.endsWith('"');
      })
      .map((m) => m[3])
      .filter((name) => name !== "Query");
    expect(undocumented).toEqual([]);
  });
});
