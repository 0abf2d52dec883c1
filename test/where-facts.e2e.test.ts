import { describe, expect, it } from "vitest";
import { foldText } from "../src/text/fold.js";
import { useTestServer } from "./support/http.js";

/**
 * `facts(where:, sort:)` against the seeded graph: each filter and sort compared with the same
 * condition applied in plain TypeScript to every fact, read once by plain Cypher; every list
 * read page by page equals it read at once.
 */

const http = useTestServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

interface Seeded {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  qualifier: string;
  garbled: boolean;
  deprecated: boolean;
  variable: string;
  variableNames: string[];
  about: { key: string; kind: string; name: string };
  scope: { key: string; kind: string } | null;
  period: { key: string; start: string | null; end: string | null; within: string[] };
  citations: { quote: string; document: { id: string; date: string | null; language: string } }[];
}

const SEEDED = `
MATCH (f:Fact)-[:ABOUT]->(a:Entity), (f)-[:DURING]->(p:Entity)
OPTIONAL MATCH (f)-[:SCOPE]->(s:Entity)
OPTIONAL MATCH (v:Variable {key: f.variable})
RETURN f {.key, .value, .unit, .statistic, .qualifier, .garbled, .variable,
  deprecated: coalesce(f.deprecated, false),
  variableNames: split(coalesce(v.searchNames, ''), ' | '),
  about: a {.key, .kind, .name},
  scope: CASE WHEN s IS NULL THEN null ELSE s {.key, .kind} END,
  period: p {.key, .start, .end, within: [(p)-[:WITHIN*0..5]->(w) | w.key]},
  citations: [(f)-[:CITED_IN]->(c)-[:QUOTES]->(d:Document) |
    {quote: c.quote, document: d {.id, .date, .language}}]
} AS fact`;

let seeded: Seeded[] | undefined;
async function facts(): Promise<Seeded[]> {
  if (!seeded) {
    const result = await http.driver.executeQuery(SEEDED);
    seeded = result.records.map((r) => r.get("fact") as Seeded);
  }
  return seeded;
}

async function gql(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await http.server.graphql<Any>(query, variables);
  expect(status).toBeLessThan(500);
  return body;
}

const PAGE = `query ($where: FactWhere, $sort: [FactSort!], $first: Int, $after: String) {
  facts(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Every key of the list, read `size` at a time, with its totalCount. */
async function pages(where: unknown, sort: unknown = null, size = 100) {
  const keys: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 200; i += 1) {
    const body = await gql(PAGE, { where, sort, first: size, after });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const c = body.data.facts;
    total = c.totalCount;
    keys.push(...c.edges.map((e: Any) => e.node.key));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { keys, total };
}

/** The list equals the seeded facts that `holds` selects (in key order), with its totalCount. */
async function expectSelects(where: unknown, holds: (f: Seeded) => boolean, hidden = true) {
  const expected = (await facts())
    .filter((f) => (!hidden || !f.deprecated) && holds(f))
    .map((f) => f.key)
    .sort();
  const { keys, total } = await pages(where);
  expect(keys).toEqual(expected);
  expect(total).toBe(expected.length);
  return expected.length;
}

const fold = (s: string) => foldText(s);
const docDate = (f: Seeded) =>
  f.citations
    .map((c) => c.document.date)
    .filter((d): d is string => d !== null)
    .sort()[0] ?? null;

describe("facts(where:)", { timeout: 180_000 }, () => {
  it("filters on the fact's own fields, each operator", async () => {
    const all = await facts();
    const some = all[3]!;
    expect(await expectSelects({ key: { eq: some.key } }, (f) => f.key === some.key)).toBe(1);
    await expectSelects(
      { key: { in: [all[0]!.key, "no-such-fact"] } },
      (f) => f.key === all[0]!.key,
    );
    await expectSelects({ value: { eq: some.value } }, (f) => f.value === some.value);
    await expectSelects({ value: { in: [80, 19] } }, (f) => f.value === 80 || f.value === 19);
    await expectSelects(
      { value: { gte: 100, lt: 5000 } },
      (f) => f.value !== null && f.value >= 100 && f.value < 5000,
    );
    await expectSelects(
      { value: { gt: 100, lte: 5000 } },
      (f) => f.value !== null && f.value > 100 && f.value <= 5000,
    );
    await expectSelects({ unit: { eq: "PEOPLE" } }, (f) => f.unit === "people");
    await expectSelects({ unit: { in: ["COUNT", "PEOPLE"] } }, (f) =>
      ["count", "people"].includes(f.unit),
    );
    await expectSelects({ statistic: { eq: "TOTAL" } }, (f) => f.statistic === "total");
    await expectSelects({ qualifier: { in: ["EXACT"] } }, (f) => f.qualifier === "exact");
    await expectSelects({ garbled: { eq: true } }, (f) => f.garbled);
    await expectSelects({ deprecated: { eq: false } }, (f) => !f.deprecated, false);
    await expectSelects({ deprecated: {} }, () => true, false);
  });

  it("filters on the variable, the entities and the period", async () => {
    await expectSelects(
      { variable: { key: { eq: "facility-count" } } },
      (f) => f.variable === "facility-count",
    );
    await expectSelects({ variable: { name: { contains: "UNIDADES MÉDICAS" } } }, (f) =>
      f.variableNames.some((n) => n.includes(fold("unidades medicas"))),
    );
    await expectSelects({ variable: { unit: { eq: "COUNT" } } }, (f) => f.unit === "count");
    await expectSelects({ about: { kind: { in: ["FACILITY_TYPE", "SERVICE"] } } }, (f) =>
      ["FacilityType", "Service"].includes(f.about.kind),
    );
    await expectSelects(
      { scope: { key: { eq: "imss-bienestar" } } },
      (f) => f.scope?.key === "imss-bienestar",
    );
    await expectSelects({ scope: {} }, (f) => f.scope !== null);
    await expectSelects({ period: { key: { in: ["year-2021", "year-2022"] } } }, (f) =>
      ["year-2021", "year-2022"].includes(f.period.key),
    );
    expect(
      await expectSelects({ period: { within: "year-2022" } }, (f) =>
        f.period.within.includes("year-2022"),
      ),
    ).toBeGreaterThan(1);
    await expectSelects(
      { period: { start: { gte: "2022-01-01" }, end: { lt: "2023-01-01" } } },
      (f) =>
        f.period.start !== null &&
        f.period.start >= "2022-01-01" &&
        f.period.end !== null &&
        f.period.end < "2023-01-01",
    );
    await expectSelects(
      { period: { overlaps: { from: "2021-06-01", to: "2021-06-30" } } },
      (f) =>
        f.period.start !== null &&
        f.period.end !== null &&
        f.period.start <= "2021-06-30" &&
        f.period.end >= "2021-06-01",
    );
  });

  it("filters on the citations: some, all, none", async () => {
    const doc = (await facts())[0]!.citations[0]!.document;
    await expectSelects({ citations: { some: { document: { key: { eq: doc.id } } } } }, (f) =>
      f.citations.some((c) => c.document.id === doc.id),
    );
    await expectSelects({ citations: { all: { document: { date: { gt: "2022-03-01" } } } } }, (f) =>
      f.citations.every((c) => c.document.date !== null && c.document.date > "2022-03-01"),
    );
    await expectSelects({ citations: { none: { document: { language: { eq: "ES" } } } } }, (f) =>
      f.citations.every((c) => c.document.language !== "es"),
    );
    const quote = (await facts())[5]!.citations[0]!.quote;
    const word = quote.split(/\s+/).find((w) => w.length > 5) ?? quote;
    await expectSelects({ citations: { some: { quote: { contains: word.toUpperCase() } } } }, (f) =>
      f.citations.some((c) => fold(c.quote).includes(fold(word))),
    );
    await expectSelects(
      { citations: { some: { quote: { startsWith: quote.slice(0, 8) } } } },
      (f) => f.citations.some((c) => fold(c.quote).startsWith(fold(quote.slice(0, 8)))),
    );
    await expectSelects({ citations: { some: { quote: { eq: quote } } } }, (f) =>
      f.citations.some((c) => fold(c.quote) === fold(quote)),
    );
  });

  it("combines with AND, OR and NOT (the issue's question)", async () => {
    const where = {
      variable: { key: { eq: "facility-count" } },
      value: { gte: 100, lt: 5000 },
      OR: [
        { scope: { key: { eq: "imss-bienestar" } } },
        { about: { kind: { in: ["FACILITY_TYPE"] } } },
      ],
    };
    expect(
      await expectSelects(
        where,
        (f) =>
          f.variable === "facility-count" &&
          f.value !== null &&
          f.value >= 100 &&
          f.value < 5000 &&
          (f.scope?.key === "imss-bienestar" || f.about.kind === "FacilityType"),
      ),
    ).toBeGreaterThan(0);
    await expectSelects(
      { NOT: { garbled: { eq: false } }, AND: [{ unit: { eq: "COUNT" } }] },
      (f) => f.garbled && f.unit === "count",
    );
    await expectSelects(
      { NOT: { value: { gt: 100 } } },
      (f) => !(f.value !== null && f.value > 100),
    );
    await expectSelects({ OR: [] }, () => false);
    await expectSelects({ AND: [] }, () => true);
  });
});

type Field = "key" | "value" | "periodStart" | "periodEnd" | "documentDate" | "aboutName";
const SORT_VALUE: Record<Field, (f: Seeded) => string | number | null> = {
  key: (f) => f.key,
  value: (f) => f.value,
  periodStart: (f) => f.period.start,
  periodEnd: (f) => f.period.end,
  documentDate: docDate,
  aboutName: (f) => f.about.name,
};

/** The order of a one-key sort, nulls last either way, ties by key. */
function sorted(list: Seeded[], field: Field, direction: "ASC" | "DESC"): string[] {
  const sign = direction === "ASC" ? 1 : -1;
  return [...list]
    .sort((a, b) => {
      const x = SORT_VALUE[field](a);
      const y = SORT_VALUE[field](b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * sign;
      }
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    })
    .map((f) => f.key);
}

describe("facts(sort:)", { timeout: 120_000 }, () => {
  for (const field of Object.keys(SORT_VALUE) as Field[]) {
    for (const direction of ["ASC", "DESC"] as const) {
      it(`by ${field} ${direction}: pages of 7 joined are one sorted read`, async () => {
        const where = { unit: { in: ["COUNT", "PEOPLE", "PESOS"] } };
        const sort = [{ [field]: direction }];
        const whole = await pages(where, sort, 100);
        const paged = await pages(where, sort, 7);
        expect(paged.keys).toEqual(whole.keys);
        expect(new Set(paged.keys).size).toBe(paged.keys.length);
        const list = (await facts()).filter(
          (f) => !f.deprecated && ["count", "people", "pesos"].includes(f.unit),
        );
        expect(whole.keys).toEqual(sorted(list, field, direction));
      });
    }
  }

  it("by two keys, each its own way, paged", async () => {
    const sort = [{ periodStart: "DESC" }, { value: "ASC" }];
    const whole = await pages(null, sort, 100);
    const paged = await pages(null, sort, 6);
    expect(paged.keys).toEqual(whole.keys);
    expect(whole.keys.length).toBe((await facts()).filter((f) => !f.deprecated).length);
  });
});
