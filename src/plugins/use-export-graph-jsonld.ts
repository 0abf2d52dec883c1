import type { ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { exportResponse } from "../export/export-response.js";
import { graphJsonLd } from "../export/graph-jsonld.js";

/**
 * `GET /export/graph.jsonld`: the graph as JSON-LD, with the filters of `facts(filter:)` as query-string parameters
 * (src/export/). Answered before GraphQL is involved.
 */
export function useExportGraphJsonld(driver: Driver, database: string | undefined): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse, serverContext }) {
      if (
        url.pathname !== "/export/graph.jsonld" ||
        (request.method !== "GET" && request.method !== "HEAD")
      )
        return;
      const res = (serverContext as { res?: ServerResponse } | undefined)?.res;
      return exportResponse(request, fetchAPI, res, driver, database, {
        filename: "graph.jsonld",
        contentType: "application/ld+json; charset=utf-8",
        body: graphJsonLd,
      }).then(endResponse);
    },
  };
}
