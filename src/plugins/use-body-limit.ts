import type { Plugin } from "graphql-yoga";

/** Refuses request bodies over `maxBytes` (413) before they are read, and bodies of unknown size (411). */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
        return;
      const length = request.headers.get("content-length");
      const problem =
        length === null
          ? { status: 411, message: "A request body needs a Content-Length header." }
          : Number(length) > maxBytes
            ? { status: 413, message: `The request body is larger than ${maxBytes} bytes.` }
            : null;
      if (problem) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: problem.message }] }), {
            status: problem.status,
            headers: { "content-type": "application/json; charset=utf-8" },
          }),
        );
      }
    },
  };
}
