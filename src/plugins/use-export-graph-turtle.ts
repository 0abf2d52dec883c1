import type { ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { exportResponse } from "../export/export-response.js";
import { graphTurtle } from "../export/graph-turtle.js";

/**
 * `GET /export/graph.ttl`: the graph as RDF Turtle, with the filters of `facts(filter:)` as query-string parameters
 * (src/export/). Answered before GraphQL is involved.
 */
export function useExportGraphTurtle(driver: Driver, database: string | undefined): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse, serverContext }) {
      if (
        url.pathname !== "/export/graph.ttl" ||
        (request.method !== "GET" && request.method !== "HEAD")
      )
        return;
      const res = (serverContext as { res?: ServerResponse } | undefined)?.res;
      return exportResponse(request, fetchAPI, res, driver, database, {
        filename: "graph.ttl",
        contentType: "text/turtle; charset=utf-8",
        body: graphTurtle,
      }).then(endResponse);
    },
  };
}
