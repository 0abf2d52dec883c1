// The explorer (web/) in a real Chromium, against the real server and the test run's Neo4j.
// useBrowser() checks after each test that no page logged a console error, no request failed
// and none went to another origin, and writes a screenshot per page (test-results/screenshots).
// Page code runs in the browser: it is passed as strings (this tsconfig has no DOM types).
// The test run's global setup builds the app (dist/web) before the servers start.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

const DOC_000 = "000_c6cef239523a3d84";
const RURAL_QUOTE = "the IMSS-BIENESTAR program, which has an infrastructure of 80 Rural Hospitals";

/**
 * What the views ask for, sent once before the tests: the first Cypher queries after Neo4j
 * starts are slow (cold page cache and plans: the relations of `imss` once took 8 s, over the
 * server's 5 s limit), and the tests are about the app, not the database's first minute.
 */
const WARM_UP = [
  `{ entity(key: "imss") { facts(first: 100) { totalCount edges { node { key value conflicts { note } citations { quote document { key } } } } } relations(first: 100) { totalCount edges { type direction node { key } fact { key value } period { key } sourceDocument { key } } } } }`,
  `{ neighborhood(id: "imss", depth: 2) { truncated nodes { depth entity { key } } links { type from { key } to { key } fact { value } } } }`,
  `{ paths(from: "imss-bienestar", to: "rural-hospital") { length nodes { id } steps { relation fact { value } } } }`,
  `{ conflicts { note } consistencyChecks { key partsSum totals { stated difference } } }`,
  `{ variable(key: "services-delivered") { stats { count } facts(first: 100) { totalCount edges { node { key } } } } }`,
  `{ document(key: "${DOC_000}") { text facts(first: 100) { totalCount edges { node { key } } } } }`,
  `{ search(text: "rural hospital", first: 8) { totalCount edges { node { kind } } } }`,
  `{ search(text: "hospitales rurales", first: 8) { totalCount edges { node { kind } } } }`,
];

interface GraphNodePosition {
  id: string;
  x: number;
  y: number;
}

/** GraphQL requests the page has sent since it loaded (counted by the app). */
const requestsOf = (page: Page) => page.evaluate<number>("window.__explorer.requests");

/** The drawn graph's nodes, at their positions in the viewport. */
const graphNodes = (page: Page) =>
  page.evaluate<GraphNodePosition[]>(
    "window.__explorer.graph ? window.__explorer.graph.positions() : []",
  );

/** Answers the entity view's query with the server's real answer, changed by `change` first. */
function rewriteEntityView<T>(page: Page, change: (data: T) => void) {
  return page.route("**/graphql", async (route) => {
    if (!(route.request().postData() ?? "").includes("query EntityView")) return route.continue();
    const response = await route.fetch();
    const json = (await response.json()) as { data: T };
    change(json.data);
    await route.fulfill({ response, json });
  });
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole("heading", { level: 1, name }).waitFor();

async function noHorizontalScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>(
    "[document.documentElement.scrollWidth, window.innerWidth]",
  );
  expect(scrollWidth, "page width at this viewport").toBeLessThanOrEqual(innerWidth);
}

// Each test drives several pages of a real browser: more than the default 30 s on a slow machine.
describe("the explorer in a real browser", { timeout: 90_000 }, () => {
  const browser = useBrowser();

  async function graphqlAnswer(query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
    const response = await fetch(`${browser.baseUrl()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  }

  beforeAll(async () => {
    for (const query of WARM_UP) {
      // A query that timed out cold is sent again; one that fails twice fails here, loudly.
      if ((await graphqlAnswer(query)).errors) {
        expect((await graphqlAnswer(query)).errors, query).toBeUndefined();
      }
    }
  }, 60_000);

  async function graphql<T>(query: string): Promise<T> {
    return (await graphqlAnswer(query)).data as T;
  }

  it("search 'rural hospital' → its entity (80, with its quote) → the source with exactly that span highlighted", async () => {
    const { entity } = await graphql<{
      entity: {
        facts: {
          edges: {
            node: {
              value: number;
              citations: { start: number; end: number; quote: string; document: { key: string } }[];
            };
          }[];
        };
      };
    }>(`
      {
        entity(key: "rural-hospital") {
          facts {
            edges {
              node {
                value
                citations {
                  start
                  end
                  quote
                  document {
                    key
                  }
                }
              }
            }
          }
        }
      }
    `);
    const citation = entity.facts.edges.find((e) => e.node.value === 80)?.node.citations[0];
    expect(citation?.quote).toBe(RURAL_QUOTE);

    const page = await browser.open("/", "search-rural-hospital");
    await heading(page, "Explore the IMSS knowledge graph");
    await page
      .getByRole("combobox", { name: "Search entities, variables and documents" })
      .fill("rural hospital");
    const suggestion = page.locator('[role="option"][href="/entity/rural-hospital"]');
    await suggestion.waitFor();
    await suggestion.click();

    await page.waitForURL("**/entity/rural-hospital");
    await heading(page, "Rural Hospital");
    const row = page.locator("table.facts tbody tr", {
      has: page.locator("a.figure", { hasText: /^80$/ }),
    });
    await row.waitFor();
    expect(await row.locator("q.quote").first().textContent()).toBe(RURAL_QUOTE);

    await row.locator("a.source-link").first().click();
    await page.waitForURL(`**/documents/${DOC_000}#${citation!.start}-${citation!.end}`);
    const highlighted = page.locator(".anchored");
    await highlighted.waitFor();
    expect(await highlighted.textContent()).toBe(RURAL_QUOTE);
    expect(new URL(page.url()).hash).toBe(`#${citation!.start}-${citation!.end}`);
    expect(await highlighted.getAttribute("data-start")).toBe(String(citation!.start));
    // Scrolled into view.
    const box = await highlighted.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    // Every other cited span is marked too, and each mark links to its fact.
    expect(await page.locator(".doc-text mark").count()).toBeGreaterThan(50);
    expect(await page.locator(".doc-text a.mark-link").first().getAttribute("href")).toMatch(
      /^\/entity\/[^#]+#fact-/,
    );
  });

  it("suggestions work with the keyboard alone, and kinds filter them", async () => {
    const page = await browser.open("/", "search-keyboard");
    const box = page.getByRole("combobox", { name: "Search entities, variables and documents" });
    await box.focus();
    await page.keyboard.type("nuclear medicine");
    await page.locator('[role="option"]').first().waitFor();
    const options = await page
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    const target = options.indexOf("/entity/nuclear-medicine-session");
    expect(target).toBeGreaterThanOrEqual(0);
    // The first suggestion is active; arrows move to the one wanted, Enter opens it.
    for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe(
      await page.locator('[role="option"]').nth(target).getAttribute("id"),
    );
    await page.keyboard.press("Enter");
    await page.waitForURL("**/entity/nuclear-medicine-session");
    await heading(page, /Nuclear medicine/i);

    await page.goBack();
    await heading(page, "Explore the IMSS knowledge graph");
    await page.getByRole("button", { name: "Document", exact: true }).click();
    await page
      .getByRole("combobox", { name: "Search entities, variables and documents" })
      .fill("nuclear");
    await page.locator('[role="option"]').first().waitFor();
    const hrefs = await page
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/documents\//);
  });

  it("/paths from IMSS-BIENESTAR to Rural Hospital draws one path of 2 nodes and lists its step with 80", async () => {
    const page = await browser.open(
      "/paths?from=imss-bienestar&to=rural-hospital",
      "paths-imss-bienestar-rural-hospital",
    );
    await page.locator('.graph[data-drawn="2"] canvas').first().waitFor();
    expect((await graphNodes(page)).map((n) => n.id).sort()).toEqual([
      "imss-bienestar",
      "rural-hospital",
    ]);
    const steps = page.locator("ol.steps > li");
    expect(await steps.count()).toBe(1);
    const step = steps.first();
    expect(await step.locator(".relation").textContent()).toContain("operates");
    expect(await step.locator("a.figure").textContent()).toBe("80");
    expect(await step.locator("q.quote").textContent()).toBe(RURAL_QUOTE);
    expect(await step.locator("a.source-link").getAttribute("href")).toMatch(
      new RegExp(`^/documents/${DOC_000}#\\d+-\\d+$`),
    );
    // The pickers show the two entities' names.
    expect(await page.getByRole("combobox", { name: "From" }).inputValue()).toBe("IMSS-BIENESTAR");
    expect(await page.getByRole("combobox", { name: "To" }).inputValue()).toBe("Rural Hospital");
    expect(await requestsOf(page)).toBeLessThanOrEqual(3);
  });

  it("/checks shows nuclear medicine: 1,048 against 1,148, each with its quote", async () => {
    const page = await browser.open("/checks", "checks");
    const conflict = page.locator("section.conflict", { hasText: "Nuclear medicine session" });
    await conflict.waitFor();
    const sides = conflict.locator(".side");
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).locator("a.figure").textContent()).toBe("1,048");
    expect(await sides.nth(0).locator("q.quote").textContent()).toBe("1,048 from Nuclear Medicine");
    expect(await sides.nth(1).locator("a.figure").textContent()).toBe("1,148");
    expect(await sides.nth(1).locator("q.quote").textContent()).toBe("1,148 of Nuclear Medicine");
    // The consistency checks: parts, their sum, each stated total and its difference.
    const consultations = page.locator("section.check", { hasText: "Daily consultations by kind" });
    expect(await consultations.locator(".sum-row").textContent()).toContain("404,658");
    const totals = await consultations.locator(".total-row").allTextContents();
    expect(totals.join(" ")).toContain("404,500");
    expect(totals.join(" ")).toContain("+158");
    expect(totals.join(" ")).toContain("+540");
    expect(await requestsOf(page)).toBe(1);
  });

  it("/entity/imss draws its neighbourhood; a node opens its entity, from the list and on the canvas", async () => {
    const page = await browser.open("/entity/imss", "entity-imss");
    await heading(page, "Mexican Institute of Social Security");
    const graph = page.locator(".graph[data-drawn]");
    await graph.waitFor();
    expect(await requestsOf(page)).toBe(1);
    const drawn = Number(await graph.getAttribute("data-drawn"));
    expect(drawn).toBeGreaterThan(10);
    expect(await page.locator("ul.graph-nodes a").count()).toBe(drawn);

    // The keyboard's way: the nodes as links.
    const listLink = page.locator('ul.graph-nodes a[href="/entity/imss-bienestar"]');
    await listLink.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**/entity/imss-bienestar");
    await heading(page, "IMSS-BIENESTAR");

    // A real click on the canvas, at a node's drawn position.
    await page.goBack();
    await heading(page, "Mexican Institute of Social Security");
    await page.locator(".graph[data-drawn] canvas").first().waitFor();
    await graph.scrollIntoViewIfNeeded();
    const nodes = await graphNodes(page);
    const target =
      nodes.find((n) => n.id === "rural-hospital") ?? nodes.find((n) => n.id !== "imss");
    expect(target).toBeDefined();
    await page.mouse.click(target!.x, target!.y);
    await page.waitForURL(`**/entity/${target!.id}`);
    await page.locator(".graph[data-drawn]").waitFor();

    // Depth 2 reaches further, and asks for the neighbourhood alone.
    await page.goto(`${browser.baseUrl()}/entity/imss`);
    await page.locator(".graph[data-drawn]").waitFor();
    await page.getByRole("link", { name: "2 steps" }).click();
    await page.waitForURL("**/entity/imss?depth=2");
    await expect
      .poll(
        async () => Number(await page.locator(".graph[data-drawn]").getAttribute("data-drawn")),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(drawn);
    expect(await requestsOf(page)).toBe(2);
  });

  it("a neighbourhood too large to draw at once draws 150 nodes first, then more on demand", async () => {
    const page = await browser.open("/", "entity-large-neighbourhood");
    await heading(page, "Explore the IMSS knowledge graph");
    // As at the benchmark's sizes (a state with thousands of facilities, cut at 300 by the API):
    // the real answer for imss, with 300 more facilities two steps away.
    await rewriteEntityView<{
      neighborhood: {
        truncated: boolean;
        nodes: { depth: number; entity: { key: string; name: string; kind: string } }[];
        links: { type: string; from: { key: string }; to: { key: string }; fact: null }[];
      };
    }>(page, (data) => {
      const hood = data.neighborhood;
      const near = hood.nodes.filter((n) => n.depth === 1);
      for (let i = 0; i < 300; i++) {
        const key = `synthetic-facility-${i}`;
        hood.nodes.push({
          depth: 2,
          entity: { key, name: `Facility ${i}`, kind: "FACILITY_TYPE" },
        });
        const to = near[i % near.length]!.entity.key;
        hood.links.push({ type: "LOCATED_IN", from: { key }, to: { key: to }, fact: null });
      }
      hood.truncated = true;
    });
    await page.goto(`${browser.baseUrl()}/entity/imss`);
    const total = await page.locator(".graph-count").textContent();
    await page.locator('.graph[data-drawn="150"]').waitFor();
    expect(total).toMatch(/^Showing 150 of \d+ nodes/);
    expect(await page.locator("ul.graph-nodes a").count()).toBe(150);
    expect(await page.getByText("The server stopped the walk at 300 entities").count()).toBe(1);

    await page.getByRole("button", { name: "Show 150 more" }).click();
    await page.locator('.graph[data-drawn="300"]').waitFor();
    expect(await page.locator("ul.graph-nodes a").count()).toBe(300);
    expect((await graphNodes(page)).length).toBe(300);
  });

  it("an entity with more than a page of facts shows the first page and the rest on demand", async () => {
    // imss has fewer than 100 facts: its answer is cut to the first 50, with the cursor after them.
    const { entity } = await graphql<{
      entity: { facts: { totalCount: number; pageInfo: { endCursor: string } } };
    }>(`
      {
        entity(key: "imss") {
          facts(first: 50) {
            totalCount
            pageInfo {
              endCursor
            }
          }
        }
      }
    `);
    const page = await browser.open("/", "entity-facts-pages");
    await heading(page, "Explore the IMSS knowledge graph");
    await rewriteEntityView<{
      entity: {
        facts: { edges: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      };
    }>(page, (data) => {
      const facts = data.entity.facts;
      facts.edges = facts.edges.slice(0, 50);
      facts.pageInfo = { endCursor: entity.facts.pageInfo.endCursor, hasNextPage: true };
    });
    await page.goto(`${browser.baseUrl()}/entity/imss`);
    const rows = page.locator("table.facts tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    const rest = entity.facts.totalCount - 50;
    await page.getByRole("button", { name: `Show ${rest} more` }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(entity.facts.totalCount);
    expect(await page.getByRole("button", { name: /^Show \d+ more$/ }).count()).toBe(0);
    expect(await requestsOf(page)).toBe(2);
  });

  it("back and forward restore views; a reload of a deep URL shows the same view", async () => {
    const page = await browser.open("/", "history");
    await heading(page, "Explore the IMSS knowledge graph");
    await page
      .getByRole("link", { name: /Check the numbers/ })
      .first()
      .click();
    await page.waitForURL("**/checks");
    await heading(page, "Check the numbers");
    await page
      .locator("section.conflict", { hasText: "Nuclear medicine session" })
      .getByRole("link", { name: "Nuclear medicine session" })
      .click();
    await page.waitForURL("**/entity/nuclear-medicine-session");
    await heading(page, /Nuclear medicine/i);

    await page.goBack();
    await page.waitForURL("**/checks");
    await page.locator("section.conflict").first().waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/");
    await heading(page, "Explore the IMSS knowledge graph");
    await page.goForward();
    await page.waitForURL("**/checks");
    await heading(page, "Check the numbers");
    await page.goForward();
    await page.waitForURL("**/entity/nuclear-medicine-session");
    await heading(page, /Nuclear medicine/i);

    // Reloads of deep URLs: an entity, a document at a span, a path, a variable.
    await page.reload();
    await heading(page, /Nuclear medicine/i);
    await page.goto(`${browser.baseUrl()}/documents/${DOC_000}#1153-1180`);
    expect(await page.locator(".anchored").textContent()).toBe("1,048 from Nuclear Medicine");
    await page.reload();
    expect(await page.locator(".anchored").textContent()).toBe("1,048 from Nuclear Medicine");
    await page.goto(`${browser.baseUrl()}/paths?from=imss-bienestar&to=rural-hospital`);
    await page.locator("ol.steps > li").first().waitFor();
    await page.reload();
    await page.locator("ol.steps > li").first().waitFor();
  });

  it("/variables/<key> draws a chart and lists the figures in a table", async () => {
    const page = await browser.open("/variables/services-delivered", "variable-services-delivered");
    await heading(page, "Services delivered");
    await page.locator('figure.chart canvas[data-drawn="1"]').waitFor();
    const rows = page.locator("table.facts tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(31);
    // Every figure is a link to its source.
    const hrefs = await rows
      .locator("a.figure")
      .evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    for (const href of hrefs) expect(href).toMatch(/^\/documents\/[^#]+#\d+-\d+$/);
    expect(await requestsOf(page)).toBe(1);

    // Numbers for reading, with their units.
    const figuresOf = async (key: string) => {
      await page.goto(`${browser.baseUrl()}/variables/${key}`);
      await page.locator('figure.chart canvas[data-drawn="1"]').waitFor();
      return page.locator("table.facts a.figure").allTextContents();
    };
    expect(await figuresOf("people-covered")).toContain("83.2 million people");
    expect(await figuresOf("contributions-collected")).toContain("382,000 million pesos");
    expect(await figuresOf("jobs-affiliated")).toContain("about 840,000 jobs");

    // Reached from a fact table: the variable's name links here.
    const entity = await browser.open("/entity/rural-hospital", "variable-from-entity");
    await entity.getByRole("link", { name: "Facilities in operation" }).first().click();
    await entity.waitForURL("**/variables/facility-count");
    await entity.locator('figure.chart canvas[data-drawn="1"]').waitFor();
  });

  it("EN | ES: every name in Spanish (title, relations, facts, Names and their sources), kept on reload, in search and across views", async () => {
    const { entity } = await graphql<{
      entity: {
        labels: {
          text: string;
          language: string;
          source: string;
          document: { key: string } | null;
        }[];
        relations: {
          edges: { node: { key: string; es: string }; period: { es: string } | null }[];
        };
      };
    }>(`
      {
        entity(key: "rural-hospital") {
          labels {
            text
            language
            source
            document {
              key
            }
          }
          relations(first: 100) {
            edges {
              node {
                key
                es: name(lang: ES)
              }
              period {
                es: name(lang: ES)
              }
            }
          }
        }
      }
    `);
    const fromText = entity.labels.find((l) => l.text === "Rural Hospital");
    expect(fromText?.source).toBe("TEXT");

    const page = await browser.open("/entity/rural-hospital", "language-switch");
    await heading(page, "Rural Hospital");
    await page.locator(".graph[data-drawn]").waitFor();
    expect(await page.evaluate<string>("document.documentElement.lang")).toBe("en");
    const switcher = page.getByRole("group", {
      name: /^(Language of the names|Idioma de los nombres)$/,
    });
    const es = switcher.getByRole("button", { name: /^ES/ });
    const en = switcher.getByRole("button", { name: /^EN/ });
    expect(await en.getAttribute("aria-pressed")).toBe("true");
    expect(await es.getAttribute("aria-pressed")).toBe("false");
    const before = await requestsOf(page);

    // A real button, reached and pressed with the keyboard: the view asks again once.
    await es.focus();
    await page.keyboard.press("Enter");
    await heading(page, "Hospital Rural");
    expect(new URL(page.url()).search).toBe("?lang=es");
    await expect.poll(() => page.evaluate<string>("document.documentElement.lang")).toBe("es");
    expect(await es.getAttribute("aria-pressed")).toBe("true");
    expect(await switcher.getAttribute("aria-label")).toBe("Idioma de los nombres");
    expect(await requestsOf(page)).toBe(before + 1);
    // Facts, relations and the graph's nodes name things in Spanish too; links keep ?lang=es.
    await page.locator("table.facts a", { hasText: "Unidades en operación" }).first().waitFor();
    expect(
      await page
        .locator("table.facts a", { hasText: "Unidades en operación" })
        .first()
        .getAttribute("href"),
    ).toBe("/variables/facility-count?lang=es");
    const relationLinks = page.locator(".relations a:not(.figure):not(.source-link):not(.badge)");
    expect(await relationLinks.allTextContents()).toEqual(
      entity.relations.edges.flatMap((e) => [e.node.es, ...(e.period ? [e.period.es] : [])]),
    );
    expect(await relationLinks.allTextContents()).toContain("20 de enero de 2022");
    for (const e of entity.relations.edges) {
      expect(
        await page.locator(`ul.graph-nodes a[href="/entity/${e.node.key}?lang=es"]`).textContent(),
      ).toBe(e.node.es);
    }

    // Names: both languages, each name with its kind and where it comes from.
    const names = page.locator("section.names");
    expect(await names.locator("h2").textContent()).toBe("Nombres");
    expect(await names.locator("h3").allTextContents()).toEqual(["Español", "Inglés"]);
    const spanish = names.locator('li[data-language="ES"]', { hasText: "Hospital Rural" }).first();
    expect(await spanish.textContent()).toContain("nombre preferido");
    expect(await spanish.textContent()).toContain("traducción de los curadores");
    const english = names.locator('li[data-language="EN"]', { hasText: "Rural Hospital" }).first();
    expect(await english.locator(".label-text").getAttribute("lang")).toBe("en");
    expect(await english.locator("a.label-document").getAttribute("href")).toBe(
      `/documents/${fromText!.document!.key}?lang=es`,
    );
    await names.locator('li[data-language="EN"]', { hasText: "Rural Hospitals" }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/language-switch-es.png`, fullPage: true });

    // A reload keeps Spanish; so does an address without ?lang (remembered in localStorage).
    await page.reload();
    await heading(page, "Hospital Rural");
    await page.goto(`${browser.baseUrl()}/entity/imss`);
    await heading(page, "Instituto Mexicano del Seguro Social");
    expect(new URL(page.url()).search).toBe("?lang=es");

    // Search in Spanish: the suggestions name things in Spanish, variables among them.
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "?lang=es");
    const box = page.getByRole("combobox", { name: "Buscar entidades, variables y documentos" });
    expect(await box.getAttribute("placeholder")).toMatch(/^p\. ej\./);
    await box.fill("hospitales rurales");
    const suggestion = page.locator('[role="option"][href="/entity/rural-hospital?lang=es"]');
    await suggestion.waitFor();
    expect(await suggestion.locator(".suggestion-name").textContent()).toBe("Hospital Rural");
    await box.fill("unidades en operacion");
    const variable = page.locator('[role="option"][href="/variables/facility-count?lang=es"]');
    await variable.waitFor();
    expect(await variable.locator(".suggestion-name").textContent()).toBe("Unidades en operación");
    await variable.click();
    await heading(page, "Unidades en operación");

    // Back to English, in place.
    await page.goto(`${browser.baseUrl()}/entity/rural-hospital?lang=es`);
    await heading(page, "Hospital Rural");
    await en.click();
    await heading(page, "Rural Hospital");
    expect(new URL(page.url()).search).toBe("");
    await expect.poll(() => page.evaluate<string>("document.documentElement.lang")).toBe("en");
    expect(await page.locator("section.names h2").textContent()).toBe("Names");
    await page.reload();
    await heading(page, "Rural Hospital");

    // Back and forward follow the last choice: a page left in English comes back in Spanish.
    await page.locator('.relations a[href="/entity/imss-bienestar"]').click();
    await page.waitForURL("**/entity/imss-bienestar");
    await es.click();
    await page.waitForURL("**/entity/imss-bienestar?lang=es");
    await page.goBack();
    await heading(page, "Hospital Rural");
    expect(new URL(page.url()).search).toBe("?lang=es");
    await en.click();
    await heading(page, "Rural Hospital");
  });

  it("at 375 px wide every view fits without horizontal scrolling", async () => {
    const narrow = { viewport: { width: 375, height: 800 } };
    const page = await browser.open("/entity/imss", "narrow-entity-imss", narrow);
    await heading(page, "Mexican Institute of Social Security");
    await page.locator(".graph[data-drawn]").waitFor();
    await noHorizontalScroll(page);
    for (const [path, name] of [
      ["/", "narrow-home"],
      ["/checks", "narrow-checks"],
      ["/paths?from=imss-bienestar&to=rural-hospital", "narrow-paths"],
      [`/documents/${DOC_000}#3949-4026`, "narrow-document"],
      ["/variables/services-delivered", "narrow-variable"],
    ] as const) {
      const other = await browser.open(path, name, narrow);
      await other.locator("main h1").waitFor();
      await other.locator(".loading").waitFor({ state: "detached" });
      await noHorizontalScroll(other);
    }
  });

  it("says clearly when the database does not answer, and recovers when it does", async () => {
    const page = await browser.open("/", "database-unavailable", { allowHttpErrors: true });
    await heading(page, "Explore the IMSS knowledge graph");
    await page.locator("section .counts").waitFor();
    // What the server answers when Neo4j is away: HTTP 503, DATABASE_UNAVAILABLE (the body of
    // src/plugins/use-database-errors.ts).
    await page.route("**/graphql", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/graphql-response+json; charset=utf-8",
        body: JSON.stringify({
          errors: [
            {
              message:
                "The database is unavailable right now; nothing was changed. Try again shortly.",
              extensions: { code: "DATABASE_UNAVAILABLE" },
            },
          ],
        }),
      }),
    );
    await page.getByRole("link", { name: "Checks", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The database is not available");
    expect(await alert.getAttribute("data-error-kind")).toBe("unavailable");

    // A reload while it is down shows the message, not a blank page.
    await page.reload();
    await page.getByRole("alert").waitFor();
    expect(await page.locator("main h2").first().textContent()).toBe(
      "The database is not available",
    );

    // Back up: "Try again" loads the view.
    await page.unroute("**/graphql");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.locator("section.conflict").first().waitFor();
  });
});
