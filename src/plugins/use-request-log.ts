import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";

/**
 * A request id for every request (the client's `x-request-id` if it is a plain
 * token, else a new one), echoed in the response's `x-request-id`; and, when
 * `write` is given, one JSON log line per request carrying it.
 */
export function useRequestLog(write?: (line: string) => void): Plugin {
  const started = new WeakMap<Request, { id: string; at: number }>();
  return {
    onRequest({ request }) {
      const given = request.headers.get("x-request-id");
      const id = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      started.set(request, { id, at: performance.now() });
    },
    onResponse({ request, response }) {
      const info = started.get(request);
      if (!info) return;
      response.headers.set("x-request-id", info.id);
      if (!write) return;
      const url = new URL(request.url);
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: response.status >= 500 ? "error" : response.status >= 400 ? "warn" : "info",
          msg: "request",
          requestId: info.id,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round((performance.now() - info.at) * 10) / 10,
        }),
      );
    },
  };
}
