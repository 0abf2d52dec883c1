import { describe, expect, it } from "vitest";
import { API_CSP } from "../src/plugins/use-security-headers.js";
import { useTestServer } from "./support/http.js";

/** Every route answers with the same security headers, and a CSP that no other site can frame. */

describe("security headers", () => {
  const running = useTestServer();
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${running.server.url}${path}`, { headers });

  /** Every kind of route, with what it answers. */
  async function routes(): Promise<[string, Response][]> {
    const page = await get("/graphql", { accept: "text/html" });
    const html = await page.clone().text();
    const graphiqlFiles = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(graphiqlFiles.length).toBeGreaterThanOrEqual(3);
    const app = await get("/");
    const assets = [...(await app.clone().text()).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)];
    expect(assets.length).toBeGreaterThanOrEqual(1);
    const answered: [string, Response][] = [
      ["GraphiQL", page],
      ["explorer", app],
      ["explorer view", await get("/entity/imss")],
      [
        "GraphQL POST",
        await fetch(`${running.server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        }),
      ],
      [
        "GraphQL GET",
        await get(`/graphql?query=${encodeURIComponent("{ __typename }")}`, {
          "x-graphql-csrf": "1",
        }),
      ],
      ["GraphQL CSRF refusal", await get(`/graphql?query=${encodeURIComponent("{ a }")}`)],
      ["GraphQL error", await get("/graphql?query=%7B", { "x-graphql-csrf": "1" })],
      ["/health", await get("/health")],
      ["/ready", await get("/ready")],
      ["/metrics", await get("/metrics")],
      ["facts.csv", await get("/export/facts.csv?statistic=DAILY_AVERAGE")],
      ["graph.jsonld", await get("/export/graph.jsonld?variable=facility-count")],
      ["graph.ttl", await get("/export/graph.ttl?variable=facility-count")],
      ["export refusal", await get("/export/facts.csv?colour=blue")],
      ["unknown path", await get("/no/such/path")],
      [
        "CORS preflight",
        await fetch(`${running.server.url}/graphql`, {
          method: "OPTIONS",
          headers: { origin: "https://app.example.org", "access-control-request-method": "POST" },
        }),
      ],
    ];
    for (const file of graphiqlFiles) answered.push([file, await get(file)]);
    for (const [, path] of assets) answered.push([path!, await get(path!)]);
    return answered;
  }

  it("every route: nosniff, DENY, a referrer policy and a CSP with frame-ancestors 'none'", async () => {
    for (const [name, response] of await routes()) {
      const h = response.headers;
      expect(h.get("x-content-type-options"), name).toBe("nosniff");
      expect(h.get("x-frame-options"), name).toBe("DENY");
      expect(h.get("referrer-policy"), name).toBe("same-origin");
      expect(h.get("content-security-policy"), name).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      await response.arrayBuffer();
    }
  });

  it("pages get a CSP that runs this origin's scripts only (no inline script); the rest run nothing", async () => {
    for (const [name, response] of await routes()) {
      const csp = response.headers.get("content-security-policy")!;
      const type = response.headers.get("content-type") ?? "";
      if (type.startsWith("text/html")) {
        expect(csp, name).toMatch(/script-src 'self'(;|$)/);
        expect(csp, name).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
        const html = await response.text();
        // Every script of the page is a file of this server.
        expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), name).toBeNull();
      } else {
        expect(csp, name).toBe(API_CSP);
        await response.arrayBuffer();
      }
    }
  });
});
