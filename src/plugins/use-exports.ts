import type { ServerResponse } from "node:http";
import { assertInputType } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import type { WhereReading } from "../export/export-filter.js";
import { schema } from "../schema.js";
import type { FactWhereInput } from "../schema/where/refs.js";
import { factListOf } from "../schema/where/fact-where.js";
import { type ExportFile, exportResponse } from "../export/export-response.js";
import { factsCsv } from "../export/facts-csv.js";
import { graphJsonLd } from "../export/graph-jsonld.js";
import { graphTurtle } from "../export/graph-turtle.js";

/** The exports, by path (src/export/). */
const EXPORTS = new Map<string, ExportFile>([
  [
    "/export/facts.csv",
    {
      filename: "facts.csv",
      contentType: "text/csv; charset=utf-8; header=present",
      body: factsCsv,
    },
  ],
  [
    "/export/graph.jsonld",
    {
      filename: "graph.jsonld",
      contentType: "application/ld+json; charset=utf-8",
      body: graphJsonLd,
    },
  ],
  [
    "/export/graph.ttl",
    { filename: "graph.ttl", contentType: "text/turtle; charset=utf-8", body: graphTurtle },
  ],
]);

/**
 * How the exports read `?where=`: as `facts(where:)` reads its argument, against the schema's
 * `FactWhere`, then checked (limits) and normalised by the API's own code.
 */
const WHERE: WhereReading = {
  type: assertInputType(schema.getType("FactWhere")),
  normalise: (input) => factListOf({ where: input as FactWhereInput | null }).where ?? {},
};

/**
 * `GET /export/facts.csv`, `/export/graph.jsonld`, `/export/graph.ttl`: the facts as CSV, and the
 * graph as JSON-LD and Turtle, of the facts a `where` selects (`?where=<JSON>`, the API's
 * `FactWhere`; or the old parameters, the fields of `FactFilter`), streamed from Neo4j (src/export/), every IRI under `publicBaseUrl` (PUBLIC_BASE_URL). Answered before GraphQL is involved; one hook for the three,
 * so that every other request pays one map lookup.
 */
export function useExports(
  driver: Driver,
  database: string | undefined,
  publicBaseUrl: string,
): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse, serverContext }) {
      const file = EXPORTS.get(url.pathname);
      if (!file || (request.method !== "GET" && request.method !== "HEAD")) return;
      const res = (serverContext as { res?: ServerResponse } | undefined)?.res;
      return exportResponse(
        request,
        fetchAPI,
        res,
        { driver, database, publicBaseUrl, where: WHERE },
        file,
      ).then(endResponse);
    },
  };
}
