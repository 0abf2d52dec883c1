import Cypher from "@neo4j/cypher-builder";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { anchorOf } from "../src/loaders/where/fact-anchor.js";
import { factCountQuery, factPageQuery } from "../src/loaders/where/fact-page.js";
import { factPredicate, matchFacts } from "../src/loaders/where/fact-where.js";
import type { FactWhere } from "../src/loaders/where/where.js";
import { whereSize } from "../src/plugins/use-limits.js";

/**
 * The fact compiler (src/loaders/where/): the Cypher it builds depends on the where's shape
 * only; every value the client gave is a parameter.
 */

const HOSTILE = "x' OR 1=1 //\"}) DETACH DELETE (n";

function built(where: FactWhere) {
  return factCountQuery(where);
}

const values = (params: Record<string, unknown>) => JSON.stringify(Object.values(params));

describe("the fact compiler", () => {
  it("puts every value in a parameter, never in the text", () => {
    const where: FactWhere = {
      key: { eq: HOSTILE, in: [HOSTILE] },
      value: { gte: 100, lt: 5000 },
      variable: { key: { in: [HOSTILE] }, name: { contains: HOSTILE } },
      scope: { key: { in: [HOSTILE] }, kind: { eq: "Program" } },
      period: {
        within: HOSTILE,
        start: { gte: "2021-01-01" },
        overlaps: { from: "2020-01-01", to: "2020-12-31" },
      },
      citations: { some: { quote: { startsWith: HOSTILE }, document: { key: { eq: HOSTILE } } } },
      OR: [{ about: { key: { eq: HOSTILE } } }, { NOT: { statistic: { eq: "stock" } } }],
    };
    const { cypher, params } = built(where);
    expect(cypher).not.toContain("OR 1=1");
    expect(cypher).not.toContain("2021-01-01");
    expect(cypher).not.toContain("5000");
    expect(values(params)).toContain("OR 1=1");
    expect(values(params)).toContain("2021-01-01");
  });

  it("builds the same text for the same shape with other values", () => {
    const a = built({
      value: { gt: 1 },
      about: { key: { eq: "a" } },
      period: { key: { in: ["p"] } },
    });
    const b = built({
      value: { gt: 9 },
      about: { key: { eq: "b" } },
      period: { key: { in: ["q"] } },
    });
    expect(a.cypher).toBe(b.cypher);
    expect(a.params).not.toEqual(b.params);
  });

  it("folds text values as the search does (case and accents)", () => {
    const { params } = built({ citations: { some: { quote: { contains: "LEÓN Hemodiálisis" } } } });
    expect(Object.values(params)).toContain("leon hemodialisis");
  });

  it("starts from the most selective anchor of the top-level conjuncts", () => {
    expect(anchorOf({ variable: { key: { eq: "v" } }, about: { key: { eq: "e" } } }).from).toBe(
      "ABOUT",
    );
    expect(anchorOf({ AND: [{ period: { within: "year-2021" } }] }).from).toBe("WITHIN");
    expect(anchorOf({ citations: { some: { document: { key: { eq: "d" } } } } }).from).toBe(
      "DOCUMENT",
    );
    expect(anchorOf({ OR: [{ about: { key: { eq: "e" } } }] }).from).toBe("ALL");
    expect(anchorOf({ NOT: { about: { key: { eq: "e" } } } }).from).toBe("ALL");
    const { cypher } = built({ about: { key: { eq: "e" }, kind: { eq: "Service" } } });
    expect(cypher).toMatch(/^MATCH \(\w+:Entity \{ key: \$\w+ \}\)<-\[:ABOUT\]-\(f:Fact\)/);
    // The anchor's own condition is not checked again; the rest of `about` is.
    expect(cypher.match(/\[:ABOUT\]/g)).toHaveLength(2);
    expect(cypher).toContain(".kind = $");
    expect(built({ variable: { key: { eq: "v" } } }).cypher).toMatch(
      /^MATCH \(f:Fact\)\nWHERE \(f\.variable = \$\w+ AND/,
    );
  });

  it("leaves deprecated facts out unless the top level says something about them", () => {
    expect(built({}).cypher).toContain("NOT (coalesce(f.deprecated, false))");
    expect(matchFacts(null).clause.build().cypher).toContain("NOT (coalesce(f.deprecated, false))");
    const lifted = built({ deprecated: {} }).cypher;
    expect(lifted).not.toContain("deprecated");
    expect(built({ deprecated: { eq: true } }).cypher).toMatch(
      /coalesce\(f\.deprecated, false\) = \$/,
    );
    expect(built({ AND: [{ deprecated: { eq: true } }] }).cypher).toContain(
      "NOT (coalesce(f.deprecated, false))",
    );
  });

  it("reads an empty OR as false, an empty AND as true, NOT of nothing as false", () => {
    const f = new Cypher.NamedNode("f");
    const text = (w: FactWhere) => {
      const p = factPredicate(w, f);
      return p && new Cypher.Match(new Cypher.Pattern(f)).where(p).build();
    };
    // A parameter, not a literal false: the planner must not fold it away (see scalars.ts).
    expect(text({ OR: [] })).toEqual({
      cypher: "MATCH (f)\nWHERE $param0",
      params: { param0: false },
    });
    expect(text({ AND: [] })).toBeUndefined();
    expect(text({ NOT: {} })).toEqual({
      cypher: "MATCH (f)\nWHERE $param0",
      params: { param0: false },
    });
  });

  it("pages after a position under several sort keys, without a skip", () => {
    const { cypher, params } = factPageQuery({
      where: { about: { key: { eq: "e" } } },
      sort: [
        { field: "value", direction: "DESC" },
        { field: "periodStart", direction: "ASC" },
      ],
      limit: 21,
      after: { values: [HOSTILE, "2021-01-01"], key: HOSTILE },
      links: false,
    });
    expect(cypher).not.toContain("SKIP");
    expect(cypher).not.toContain("OR 1=1");
    expect(cypher).toMatch(/ORDER BY sort\[0\] DESC, sort\[1\] ASC, key ASC/);
    expect(cypher).toMatch(/sort\[0\] < \$\w+ OR \(sort\[0\] = \$\w+ AND \(sort\[1\] > \$\w+/);
    expect(values(params)).toContain("OR 1=1");
  });

  it("reads key order along the key index when no entity or document anchors the list", () => {
    const page = (where: FactWhere, sort: "ASC" | "DESC" = "ASC") =>
      factPageQuery({
        where,
        sort: [{ field: "key", direction: sort }],
        limit: 21,
        after: { values: [], key: "k" },
        links: false,
      }).cypher;
    expect(page({ statistic: { eq: "total" } })).toMatch(
      /^MATCH \(f:Fact\) USING INDEX f:Fact\(key\)\nWHERE \(f\.key > \$/,
    );
    expect(page({ statistic: { eq: "total" } }, "DESC")).toMatch(/f\.key < \$/);
    // A variable's facts: along the index of (variable, key), ordered by both.
    const ofVariable = page({ variable: { key: { eq: "v" } } });
    expect(ofVariable).toMatch(
      /^MATCH \(f:Fact\) USING INDEX f:Fact\(variable, key\)\nWHERE \(f\.variable = \$\w+ AND f\.key > \$/,
    );
    expect(ofVariable).toMatch(/ORDER BY f\.variable ASC, f\.key ASC/);
    expect(page({ variable: { key: { eq: "v" } } }, "DESC")).toMatch(/f\.key < \$/);
    expect(page({ about: { key: { eq: "e" } } })).toMatch(/:ABOUT/);
  });
});

describe("the cost of a where written in a document", () => {
  it("is one per condition, a list or a variable counting one", () => {
    const document = parse(`query ($v: String) {
      a: facts(where: { value: { gt: 1, lt: 9 }, OR: [{ key: { in: ["a", "b"] } }, { about: { key: { eq: $v } } }] }) { totalCount }
      b: facts(where: { garbled: { eq: null } }, first: 3) { totalCount }
      c: facts { totalCount }
    }`);
    expect(whereSize(document)).toBe(4);
  });
});
