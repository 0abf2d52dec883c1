import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import type { HttpSettings } from "../../src/config.js";
import { findChromium } from "./chromium.js";
import { startTestServer, type TestServer } from "./http.js";
import { testDriver } from "./neo4j.js";
import { useForTests } from "./use-for-tests.js";

/** Where each browser test leaves a screenshot of what it saw (git-ignored). */
export const SCREENSHOT_DIR = "test-results/screenshots";

export interface OpenOptions {
  /** Viewport; 1440 x 900 unless given. */
  viewport?: { width: number; height: number };
  /**
   * HTTP error statuses (4xx, 5xx) that the test causes on purpose, e.g. a routed 503, and the
   * console line Chromium itself writes for each ("Failed to load resource: ... status of 503").
   */
  allowHttpErrors?: boolean;
}

interface Watched {
  name: string;
  page: Page;
  context: BrowserContext;
  problems: string[];
}

/**
 * A real Chromium against the real server (in-process, over the test run's Neo4j, serving the
 * built explorer and GraphiQL), for the tests of the enclosing file or describe block.
 *
 * After each test it asserts that no page logged a console error or an uncaught exception, that
 * no request failed or answered 4xx/5xx (unless allowed), and that no request went to any other
 * origin (such requests are also refused, as they would be with no internet), and it writes a
 * screenshot of each page to test-results/screenshots/<name>.png.
 */
export function useBrowser(http: Partial<HttpSettings> = {}) {
  const get = useForTests(
    "useBrowser",
    async () => {
      const executablePath = findChromium();
      const { driver, database } = testDriver();
      const server = await startTestServer(driver, database, http);
      let browser: Browser;
      try {
        browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
      } catch (error) {
        await server.close();
        await driver.close();
        throw error;
      }
      return { driver, server, browser };
    },
    async ({ driver, server, browser }) => {
      await browser.close();
      await server.close();
      await driver.close();
    },
  );

  let watched: Watched[] = [];

  afterEach(async () => {
    const done = watched;
    watched = [];
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const problems: string[] = [];
    for (const { name, page, context, problems: seen } of done) {
      await page
        .screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
        .catch((error: Error) => seen.push(`screenshot: ${error.message}`));
      await context.close();
      problems.push(...seen.map((problem) => `${name}: ${problem}`));
    }
    expect(problems, "console errors, failed or foreign requests").toEqual([]);
  });

  return {
    get server(): TestServer {
      return get().server;
    },
    baseUrl: () => get().server.url,
    /** A new page (its own browser context) at `path` of the server, watched as above. */
    async open(path: string, name: string, options: OpenOptions = {}): Promise<Page> {
      const { server, browser } = get();
      const origin = new URL(server.url).origin;
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      watched.push({ name, page, context, problems });
      await context.route(
        (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
        (route) => {
          problems.push(`request to another origin: ${route.request().url()}`);
          return route.abort("internetdisconnected");
        },
      );
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (options.allowHttpErrors && /^Failed to load resource: the server responded/.test(text))
          return;
        problems.push(`console error: ${text}`);
      });
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "";
        // A fetch the page itself cancelled (a superseded suggestion) is not a failure.
        if (reason === "net::ERR_ABORTED" && request.resourceType() === "fetch") return;
        problems.push(`request failed: ${request.url()} (${reason})`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400 && !options.allowHttpErrors)
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.goto(server.url + path);
      return page;
    },
  };
}
