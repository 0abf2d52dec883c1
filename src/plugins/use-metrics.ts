import {
  createCounter,
  createHistogram,
  type FillLabelsFnParams,
  usePrometheus,
} from "@graphql-yoga/plugin-prometheus";
import { Kind, parse } from "graphql";
import type { Plugin } from "graphql-yoga";
import { collectDefaultMetrics, Registry } from "prom-client";
import { GRAPHIQL_TOUR } from "../graphiql-tour.js";

/**
 * The operations of the explorer (web/src): named in the metrics by their names. A test checks
 * that this list is the explorer's (test/metrics.e2e.test.ts).
 */
export const EXPLORER_OPERATIONS = [
  "ChecksView",
  "DocumentView",
  "DraftDocument",
  "EntityFactsPage",
  "EntityName",
  "EntityView",
  "FactGroupsTable",
  "HomeView",
  "IngestDocument",
  "NeighborhoodOnly",
  "PathsView",
  "Suggestions",
  "ValueChangesPage",
  "VariableView",
] as const;

/** The names of the operations of a document (the GraphiQL tour's). */
function operationNames(document: string): string[] {
  return parse(document).definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
  );
}

/** Every operation this server knows by name: the explorer's and the GraphiQL tour's. */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([
  ...EXPLORER_OPERATIONS,
  ...operationNames(GRAPHIQL_TOUR),
]);

/**
 * An operation's `operationName` label: its name when the server knows it, `anonymous` when it
 * has none, and `other` for any other name. A client chooses its operations' names: were they
 * labels as sent, every new name would add series that /metrics keeps for ever.
 */
export function operationLabel(name: string | undefined): string {
  if (!name || name === "Anonymous") return "anonymous";
  return KNOWN_OPERATIONS.has(name) ? name : "other";
}

const OPERATION_TYPES = new Set(["query", "mutation", "subscription"]);

function operationLabels(params: FillLabelsFnParams) {
  return {
    operationName: operationLabel(params.operationName),
    operationType: OPERATION_TYPES.has(params.operationType ?? "")
      ? params.operationType!
      : "unknown",
  };
}

/**
 * `/metrics`, in the app's own registry (one per app: two apps in one process never mix; the
 * app's other plugins add their own metrics to it):
 *
 * - `graphql_yoga_http_duration` (seconds, by operation, method and status),
 *   `graphql_envelop_request` (operations executed), `graphql_envelop_error_result` (errors, by
 *   operation and phase), `graphql_envelop_phase_execute` (seconds): every label from a bounded
 *   set (operationLabel), so that the number of series stays the same whatever clients send;
 * - Node.js's own (prom-client's default metrics): `nodejs_eventloop_lag_*_seconds` (how late
 *   the event loop runs: a request that holds it shows there), heap, GC, CPU, open handles.
 *
 * The plugin's other metrics (a walk of every document for deprecated fields, parse/validate/
 * context timings of cached phases, a summary beside the histogram) cost a share of every
 * request that nobody reads (bench/README.md).
 */
export function useMetrics(registry: Registry = new Registry()): Plugin {
  collectDefaultMetrics({ register: registry });
  return usePrometheus({
    registry,
    endpoint: "/metrics",
    metrics: {
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: "graphql_yoga_http_duration",
          help: "Time spent on HTTP connection",
          labelNames: ["operationName", "operationType", "method", "statusCode"] as const,
        },
        fillLabelsFn: (params, { request, response }) => ({
          ...operationLabels(params),
          method: request.method === "GET" ? "GET" : request.method === "POST" ? "POST" : "other",
          statusCode: response.status,
        }),
      }),
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: "graphql_envelop_request",
          help: "Counts the amount of GraphQL requests executed through Envelop",
          labelNames: ["operationName", "operationType"] as const,
        },
        fillLabelsFn: operationLabels,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: "graphql_envelop_error_result",
          help: "Counts the amount of errors reported from all phases",
          labelNames: ["operationName", "operationType", "phase"] as const,
        },
        fillLabelsFn: (params) => ({ ...operationLabels(params), phase: params.errorPhase ?? "" }),
      }),
      graphql_envelop_phase_execute: createHistogram({
        registry,
        histogram: {
          name: "graphql_envelop_phase_execute",
          help: 'Time spent on running the GraphQL "execute" function',
          labelNames: ["operationName", "operationType"] as const,
        },
        fillLabelsFn: operationLabels,
      }),
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
    },
  });
}
