import { describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser.js";

describe("GraphiQL in a real browser, with no internet", () => {
  const browser = useBrowser();

  it("opens on the tour and runs its first operation; every file comes from this server", async () => {
    const page = await browser.open("/graphql", "graphiql");
    // Monaco draws text in spans, with no-break spaces.
    const textOf = async (selector: string) =>
      ((await page.locator(selector).textContent()) ?? "").replace(/\u00a0/g, " ");
    await expect
      .poll(() => textOf(".graphiql-query-editor .view-lines"), { timeout: 15_000 })
      .toContain("query Explore {");

    // The tour holds several operations: the run button asks which; the first is Explore.
    await page.locator(".graphiql-execute-button").click();
    await page.locator('[role="menu"] :text-is("Explore")').click();

    await expect
      .poll(() => textOf(".graphiql-response .view-lines"), { timeout: 15_000 })
      .toContain('"entityCounts": [');
    const result = await textOf(".graphiql-response .view-lines");
    expect(result).toMatch(/"kind": "FACILITY_TYPE",\s*"count": \d+/);
    expect(result).not.toContain('"errors"');
  });

  it("serves GraphiQL's files with year-long caching, compressed, and refuses unknown ones", async () => {
    const page = await fetch(`${browser.baseUrl()}/graphql`, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await fetch(browser.baseUrl() + asset, {
        headers: { "accept-encoding": "gzip" },
      });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control")).toContain("immutable");
      expect(response.headers.get("content-encoding")).toBe("gzip");
      const etag = response.headers.get("etag")!;
      const again = await fetch(browser.baseUrl() + asset, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
    }
    const missing = await fetch(`${browser.baseUrl()}/graphiql/nothing.js`);
    expect(missing.status).toBe(404);
  });
});
