import type { Plugin } from "graphql-yoga";

/** The CSP of every response that is not a page: it may load, run and be framed by nothing. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The CSP of this server's pages (the explorer's and GraphiQL's): they load and run only this
 * server's files (neither has an inline script), send requests here and start their workers from
 * here. Graph and chart libraries and GraphiQL's editor set inline styles, draw into canvases
 * (blob: images) and use data: icons and fonts. No other site may frame them.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
} as const;

/**
 * What every response may do in a browser, whatever its route (GraphQL, GraphiQL and its files,
 * the explorer and its assets, the exports, /health, /ready, /metrics, a 404):
 *
 * - `X-Content-Type-Options: nosniff`: a browser takes the declared type, never a guessed one
 *   (a CSV or JSON body is never run as a script or shown as a page);
 * - `X-Frame-Options: DENY` and every CSP's `frame-ancestors 'none'`: no page of another site
 *   can frame any of them (clickjacking);
 * - `Referrer-Policy: same-origin`: links to other sites carry no URL of this one;
 * - a Content-Security-Policy: a response that sets its own (the explorer's page) keeps it; an
 *   HTML page that sets none (GraphiQL's, which Yoga writes) gets PAGE_CSP; anything else
 *   gets API_CSP.
 */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      const { headers } = response;
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
      if (headers.has("content-security-policy")) return;
      const html = headers.get("content-type")?.startsWith("text/html") ?? false;
      headers.set("content-security-policy", html ? PAGE_CSP : API_CSP);
    },
  };
}
