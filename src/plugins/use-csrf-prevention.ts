import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Headers that prove a request was sent by a script allowed to set them (CORS preflighted). */
export const CSRF_HEADERS = ["x-graphql-csrf", "apollo-require-preflight"] as const;

/** Content types a page of another site can send in a form, without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
];

/**
 * CSRF prevention: a request that a page of another site could make a browser send without a
 * CORS preflight (a GET, or a POST of a form or plain text) must carry one of CSRF_HEADERS,
 * which such a page cannot set. Refused with a 403 whose message says what to send.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      const type = request.headers.get("content-type")?.toLowerCase();
      if (type && !SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple))) return;
      if (CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      throw new GraphQLError(
        `This request needs the header "${CSRF_HEADERS[0]}: 1" (any value; "${CSRF_HEADERS[1]}" also works), ` +
          `or send it as a POST with "content-type: application/json". ` +
          `A GET, or a POST of a form or plain text, without it could come from a page of another site (CSRF).`,
        { extensions: { code: "CSRF_HEADER_REQUIRED", http: { status: 403 } } },
      );
    },
  };
}
