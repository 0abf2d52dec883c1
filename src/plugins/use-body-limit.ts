import type { Plugin } from "graphql-yoga";

/**
 * Refuses request bodies over `maxBytes` (413, BODY_TOO_LARGE) before they are read, and bodies
 * of unknown size (411, LENGTH_REQUIRED): HTTP errors, before any GraphQL, whatever the Accept.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
        return;
      const length = request.headers.get("content-length");
      const problem =
        length === null
          ? {
              status: 411,
              code: "LENGTH_REQUIRED",
              message: "A request body needs a Content-Length header.",
            }
          : Number(length) > maxBytes
            ? {
                status: 413,
                code: "BODY_TOO_LARGE",
                message: `The request body is larger than ${maxBytes} bytes.`,
              }
            : null;
      if (problem) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [{ message: problem.message, extensions: { code: problem.code } }],
            }),
            {
              status: problem.status,
              headers: { "content-type": "application/json; charset=utf-8" },
            },
          ),
        );
      }
    },
  };
}
