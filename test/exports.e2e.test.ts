import { parse } from "csv-parse/sync";
import jsonld from "jsonld";
import { Parser, type Quad } from "n3";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../src/export/facts-csv.js";
import { useTestServer } from "./support/http.js";

/**
 * The exports (/export/facts.csv, graph.jsonld, graph.ttl) read back with real parsers
 * (csv-parse, jsonld, n3) and compared with what the API says.
 */

const SCHEMA = "http://schema.org/";
const OA = "http://www.w3.org/ns/oa#";
const PROV = "http://www.w3.org/ns/prov#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

interface ApiFact {
  key: string;
  value: number | null;
  unit: string;
  statistic: string;
  qualifiers: string[];
  garbled: boolean;
  deprecated: boolean;
  variable: { key: string; name: string };
  about: { key: string; name: string };
  period: { key: string };
  citations: {
    quote: string;
    start: number;
    end: number;
    document: { key: string; date: string };
  }[];
}

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** No network: any context or document the JSON-LD processor would fetch is refused. */
const refuseEveryUrl = async (url: string): Promise<never> => {
  throw new Error(`the JSON-LD processor tried to fetch ${url}`);
};

describe("exports", () => {
  const running = useTestServer();

  async function apiFacts(filter: Record<string, unknown> = {}): Promise<ApiFact[]> {
    const facts: ApiFact[] = [];
    let after: string | null = null;
    type Page = {
      facts: { edges: { node: ApiFact }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    for (;;) {
      const { body }: { body: { data?: Page; errors?: unknown } } = await running.server.graphql<{
        facts: {
          edges: { node: ApiFact }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        `query ($filter: FactFilter, $after: String) {
          facts(filter: $filter, first: 100, after: $after) {
            edges { node { key value unit statistic qualifiers garbled deprecated
              variable { key name } about { key name } period { key }
              citations { quote start end document { key date } } } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { filter, after },
      );
      expect(body.errors).toBeUndefined();
      const page: Page["facts"] = body.data!.facts;
      facts.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return facts;
      after = page.pageInfo.endCursor;
    }
  }

  async function download(path: string): Promise<{ status: number; text: string; type: string }> {
    const response = await fetch(`${running.server.url}${path}`);
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get("content-type") ?? "",
    };
  }

  async function csvRows(query = ""): Promise<CsvRow[]> {
    const { status, text, type } = await download(`/export/facts.csv${query}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    expect(text.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    return parse(text, { columns: true, record_delimiter: "\r\n" }) as CsvRow[];
  }

  it("the CSV has every fact and citation of the seeds, with the API's values and quotes", async () => {
    const facts = await apiFacts();
    expect(facts.length).toBeGreaterThan(50);
    const rows = await csvRows();
    const byPair = new Map(rows.map((r) => [`${r.fact}|${r.document}|${r.start}`, r]));
    let citations = 0;
    for (const fact of facts) {
      expect(fact.citations.length).toBeGreaterThan(0);
      for (const c of fact.citations) {
        citations += 1;
        const row = byPair.get(`${fact.key}|${c.document.key}|${c.start}`);
        expect(row, `${fact.key} cites ${c.document.key} at ${c.start}`).toBeDefined();
        expect(row!.value === "" ? null : Number(row!.value)).toBe(fact.value);
        expect(row!.quote).toBe(c.quote);
        expect(Number(row!.end)).toBe(c.end);
        expect(row!.document_date).toBe(c.document.date);
        expect(row!.unit).toBe(fact.unit);
        expect(row!.statistic).toBe(fact.statistic);
        expect(row!.qualifiers).toBe(fact.qualifiers.join(";"));
        expect(row!.variable).toBe(fact.variable.key);
        expect(row!.variable_name).toBe(fact.variable.name);
        expect(row!.about).toBe(fact.about.key);
        expect(row!.about_name).toBe(fact.about.name);
        expect(row!.period).toBe(fact.period.key);
        expect(row!.garbled).toBe(String(fact.garbled));
        expect(row!.deprecated).toBe("false");
      }
    }
    expect(rows).toHaveLength(citations);
  });

  it("the JSON-LD expands with no network, and every TextPositionSelector gives its exact", async () => {
    const { status, text, type } = await download("/export/graph.jsonld");
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(text);
    expect(typeof doc["@context"]).toBe("object");
    const expanded = (await jsonld.expand(doc, {
      documentLoader: refuseEveryUrl as never,
    })) as Record<string, unknown>[];
    const nodes = new Map(expanded.map((n) => [n["@id"] as string, n]));
    const first = (n: Record<string, unknown>, p: string) =>
      (n[p] as Record<string, unknown>[] | undefined)?.[0];
    const typed = (t: string) =>
      expanded.filter((n) => ((n["@type"] as string[] | undefined) ?? []).includes(t));

    const annotations = typed(`${OA}Annotation`);
    const facts = await apiFacts();
    expect(annotations).toHaveLength(facts.reduce((n, f) => n + f.citations.length, 0));
    for (const annotation of annotations) {
      const target = first(annotation, `${OA}hasTarget`)!;
      const source = first(target, `${OA}hasSource`)!["@id"] as string;
      const documentText = first(nodes.get(source)!, `${SCHEMA}text`)!["@value"] as string;
      const selectors = target[`${OA}hasSelector`] as Record<string, unknown>[];
      const of = (t: string) => selectors.find((s) => (s["@type"] as string[]).includes(t))!;
      const position = of(`${OA}TextPositionSelector`);
      const quote = of(`${OA}TextQuoteSelector`);
      const start = Number(first(position, `${OA}start`)!["@value"]);
      const end = Number(first(position, `${OA}end`)!["@value"]);
      const exact = first(quote, `${OA}exact`)!["@value"];
      // Code points, as the Web Annotation model counts them.
      expect(Array.from(documentText).slice(start, end).join("")).toBe(exact);
      const prefix = first(quote, `${OA}prefix`)!["@value"] as string;
      expect(Array.from(documentText).slice(0, start).join("").endsWith(prefix)).toBe(true);
    }
    expect(typed(`${SCHEMA}Observation`)).toHaveLength(facts.length);
    expect(typed(`${SCHEMA}StatisticalVariable`).length).toBeGreaterThan(5);
    const documents = typed(`${SCHEMA}CreativeWork`);
    expect(documents).toHaveLength(2);
    for (const d of documents)
      expect(first(d, `${SCHEMA}sha256`)!["@value"]).toMatch(/^[0-9a-f]{64}$/);
    // Bilingual labels.
    const imss = [...nodes.values()].find((n) => String(n["@id"]).endsWith("/entity/imss"))!;
    const languages = new Set(
      (imss["http://www.w3.org/2000/01/rdf-schema#label"] as { "@language": string }[]).map(
        (l) => l["@language"],
      ),
    );
    expect([...languages].sort()).toEqual(["en", "es"]);
  });

  it("the Turtle parses with n3, has the JSON-LD's triples, and every fact a value, a variable and a derivation", async () => {
    const ttl = await download("/export/graph.ttl");
    expect(ttl.status).toBe(200);
    expect(ttl.type).toMatch(/^text\/turtle/);
    const quads: Quad[] = new Parser({ format: "text/turtle" }).parse(ttl.text);
    const json = JSON.parse((await download("/export/graph.jsonld")).text);
    const nquads = (await jsonld.toRDF(json, {
      format: "application/n-quads",
      documentLoader: refuseEveryUrl as never,
    })) as unknown as string;
    const fromJsonLd = nquads.split("\n").filter((line) => line.trim() !== "");
    expect(quads.length).toBe(fromJsonLd.length);
    // The same triples, blank nodes apart.
    const named = (lines: string[]) => lines.filter((l) => !l.includes("_:")).sort();
    const fromTurtle = new Parser({ format: "text/turtle" }).parse(ttl.text).map((q) => q);
    const { Writer } = await import("n3");
    const ntriples = await new Promise<string>((resolve, reject) => {
      const writer = new Writer({ format: "N-Triples" });
      writer.addQuads(fromTurtle);
      writer.end((error, result) => (error ? reject(error) : resolve(result)));
    });
    const turtleLines = ntriples.split("\n").filter((l) => l.trim() !== "");
    expect(named(turtleLines).length).toBe(named(fromJsonLd).length);

    const facts = quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SCHEMA}Observation`)
      .map((q) => q.subject.value);
    const api = await apiFacts();
    expect(facts).toHaveLength(api.length);
    const withValue = new Set(api.filter((f) => f.value !== null).map((f) => f.key));
    const of = (subject: string, predicate: string) =>
      quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate);
    for (const fact of facts) {
      const key = decodeURIComponent(fact.split("/facts/")[1] ?? "");
      if (withValue.has(key)) expect(of(fact, `${SCHEMA}value`), key).toHaveLength(1);
      expect(of(fact, `${SCHEMA}variableMeasured`), key).toHaveLength(1);
      expect(of(fact, `${PROV}wasDerivedFrom`).length, key).toBeGreaterThan(0);
    }
  });

  it("filters give the rows of facts(filter:), in every export", async () => {
    const [someFact] = await apiFacts();
    const filters: Record<string, string | boolean>[] = [
      { variable: someFact!.variable.key },
      { about: someFact!.about.key },
      { period: "year-2021" },
      { document: "002_09b982dd34e5a0da" },
      { statistic: "DAILY_AVERAGE" },
      { garbled: true },
      { garbled: false, statistic: "TOTAL" },
      { includeDeprecated: true },
    ];
    for (const filter of filters) {
      const query = `?${new URLSearchParams(
        Object.entries(filter).map(([k, v]) => [k, String(v)]),
      )}`;
      const expected = (await apiFacts(filter)).map((f) => f.key).sort();
      const rows = await csvRows(query);
      expect([...new Set(rows.map((r) => r.fact))].sort(), query).toEqual(expected);
      const graph = JSON.parse((await download(`/export/graph.jsonld${query}`)).text);
      const observations = (graph["@graph"] as Record<string, unknown>[])
        .filter((n) => n["@type"] === "schema:Observation")
        .map((n) => n["schema:identifier"])
        .sort();
      expect(observations, query).toEqual(expected);
    }
  });

  it("bad filter values get a 400 naming the parameter", async () => {
    const cases: [string, string][] = [
      ["statistic=SOMETIMES", "statistic"],
      ["garbled=maybe", "garbled"],
      ["includeDeprecated=1", "includeDeprecated"],
      ["variable=no-such-variable", "variable"],
      ["about=no-such-entity", "about"],
      ["document=no-such-document", "document"],
      ["period=", "period"],
      ["colour=blue", "colour"],
      ["variable=a&variable=b", "variable"],
    ];
    for (const path of ["/export/facts.csv", "/export/graph.jsonld", "/export/graph.ttl"]) {
      for (const [query, parameter] of cases) {
        const response = await fetch(`${running.server.url}${path}?${query}`);
        expect(response.status, `${path}?${query}`).toBe(400);
        const body = (await response.json()) as { error: string; parameter: string };
        expect(body.parameter).toBe(parameter);
        expect(body.error).toContain(`"${parameter}"`);
      }
    }
  });

  describe("a client that disconnects mid-export", () => {
    const FACTS = 60_000;

    it("stops the export and leaves no open transaction", async () => {
      const { driver } = running;
      const openTransactions = async () => {
        const { records } = await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery");
        return records.filter((r) => !String(r.get("currentQuery")).includes("SHOW TRANSACTIONS"))
          .length;
      };
      await driver.executeQuery(
        `UNWIND range(1, $n) AS i
         CREATE (:Fact {key: 'zz-export-test-' + toString(i), value: toFloat(i), unit: 'count',
                 statistic: 'total', qualifier: 'exact', garbled: false, deprecated: false,
                 variable: 'zz-export-test'})`,
        { n: FACTS },
      );
      try {
        const before = await openTransactions();
        const controller = new AbortController();
        const response = await fetch(`${running.server.url}/export/facts.csv`, {
          signal: controller.signal,
        });
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        const { value } = await reader.read();
        expect(value!.length).toBeGreaterThan(0);
        expect(await openTransactions()).toBe(before + 1);
        controller.abort();
        await reader.cancel().catch(() => {});
        await expect.poll(openTransactions, { timeout: 10_000, interval: 100 }).toBe(before);
        // The server still answers exports.
        expect((await csvRows("?statistic=DAILY_AVERAGE")).length).toBeGreaterThan(0);
      } finally {
        await driver.executeQuery(
          "MATCH (f:Fact) WHERE f.key STARTS WITH 'zz-export-test-' DETACH DELETE f",
        );
      }
    });
  });
});
