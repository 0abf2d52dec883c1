import type { ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { exportResponse } from "../export/export-response.js";
import { factsCsv } from "../export/facts-csv.js";

/**
 * `GET /export/facts.csv`: the facts (and their citations) as CSV, with the filters of `facts(filter:)` as query-string parameters
 * (src/export/). Answered before GraphQL is involved.
 */
export function useExportFactsCsv(driver: Driver, database: string | undefined): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse, serverContext }) {
      if (
        url.pathname !== "/export/facts.csv" ||
        (request.method !== "GET" && request.method !== "HEAD")
      )
        return;
      const res = (serverContext as { res?: ServerResponse } | undefined)?.res;
      return exportResponse(request, fetchAPI, res, driver, database, {
        filename: "facts.csv",
        contentType: "text/csv; charset=utf-8; header=present",
        body: factsCsv,
      }).then(endResponse);
    },
  };
}
