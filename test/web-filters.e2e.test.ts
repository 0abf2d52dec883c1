// The explorer's filters of a list of facts and its grouped table, in a real Chromium against the
// real server: what the table shows is what the API answers for the same `where` (asked two ways:
// the variable's or entity's fact list, and the root `facts`), the URL keeps the filters (reload,
// back, forward), grouped sums equal `factGroups`, and values the URL gets wrong are left out with
// a note. Page code runs in the browser: it is passed as strings (this tsconfig has no DOM types).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBrowser } from "./support/browser.js";

interface FactRow {
  key: string;
  value: number | null;
  about: { kind: string };
  period: { start: string; end: string };
  citations: { document: { key: string } }[];
}

interface Connection {
  totalCount: number;
  edges: { node: FactRow }[];
}

const FACT_FIELDS = `key value about { kind } period { start end } citations { document { key } }`;

/** The keys of the fact rows shown, in order. */
const rowKeys = (page: Page) =>
  page
    .locator("table.facts tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.id.replace(/^fact-/, "")));

/** Per row of the grouped table: the exact count, sum, avg, min and max (null where "—"). */
const groupRows = (page: Page) =>
  page.evaluate<(number | null)[][]>(`
    [...document.querySelectorAll("table.groups tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].slice(-5).map((td) => {
        const data = td.querySelector("data");
        return data ? Number(data.getAttribute("value")) : null;
      }),
    )
  `);

/** Waits for what the page shows to settle (a query may be retried on a busy machine). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole("heading", { level: 1, name }).waitFor();

describe("the explorer's filters of a list of facts", { timeout: 120_000 }, () => {
  const browser = useBrowser();

  /** The API's answer; a query that runs out of time is sent again (up to 3 times, as the app does). */
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let body: { data: T; errors?: { extensions?: { code?: string } }[] } | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(`${browser.baseUrl()}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      body = (await response.json()) as typeof body;
      if (!body?.errors?.some((e) => e.extensions?.code === "QUERY_TIMEOUT")) break;
    }
    expect(body?.errors, query).toBeUndefined();
    return body!.data;
  }

  /** A variable's facts under a where, asked as its list and as the root `facts`: one answer. */
  async function variableFacts(key: string, where: object | null): Promise<Connection> {
    const data = await graphql<{ variable: { facts: Connection }; facts: Connection }>(
      `query ($key: String!, $where: FactWhere, $root: FactWhere) {
        variable(key: $key) { facts(first: 100, where: $where) { totalCount edges { node { ${FACT_FIELDS} } } } }
        facts(first: 100, where: $root) { totalCount edges { node { ${FACT_FIELDS} } } }
      }`,
      { key, where, root: { ...where, variable: { key: { eq: key } } } },
    );
    expect(data.facts).toEqual(data.variable.facts);
    return data.variable.facts;
  }

  beforeAll(async () => {
    // The first queries after Neo4j starts are slow; the tests are about the app.
    await variableFacts("facility-count", null);
    await variableFacts("services-delivered", null);
  }, 120_000);

  it("a value range and kinds narrow the variable's table to the API's answer; reload, back and forward keep them", async () => {
    const all = await variableFacts("facility-count", null);
    const values = all.edges.map((e) => e.node.value).filter((v): v is number => v !== null);
    values.sort((a, b) => a - b);
    const min = values[Math.floor(values.length / 4)]!;
    const max = values[Math.floor((values.length * 3) / 4)]!;
    const inRange = all.edges.find(
      (e) => e.node.value !== null && e.node.value >= min && e.node.value <= max,
    );
    const kind = inRange!.node.about.kind;
    const where = { value: { gte: min, lte: max }, about: { kind: { in: [kind] } } };
    const expected = await variableFacts("facility-count", where);
    expect(expected.totalCount).toBeGreaterThan(0);
    expect(expected.totalCount).toBeLessThan(all.totalCount);

    const page = await browser.open("/variables/facility-count", "filters-variable-range");
    await heading(page, "Facilities in operation");
    await poll(() => rowKeys(page)).toEqual(all.edges.map((e) => e.node.key));
    const form = page.getByRole("form", { name: "Filter the figures" });
    await form.getByLabel("Minimum", { exact: true }).fill(String(min));
    await form.getByLabel("Maximum", { exact: true }).fill(String(max));
    await form.locator(`input[name="kind"][value="${kind}"]`).check();
    const before = await page.evaluate<number>("window.__explorer.requests");
    await form.getByRole("button", { name: "Apply" }).click();

    await page.waitForURL(
      (url) =>
        url.searchParams.get("min") === String(min) &&
        url.searchParams.get("max") === String(max) &&
        url.searchParams.get("kind") === kind,
    );
    const shown = expected.edges.map((e) => e.node.key);
    await poll(() => rowKeys(page)).toEqual(shown);
    expect(await page.locator(".matching").textContent()).toBe(
      `${expected.totalCount} facts match the filters.`,
    );
    expect(await page.evaluate<number>("window.__explorer.requests")).toBe(before + 1);

    // A reload restores the filters from the URL: the form's values and the same rows.
    await page.reload();
    await heading(page, "Facilities in operation");
    await poll(() => rowKeys(page)).toEqual(shown);
    const reloaded = page.getByRole("form", { name: "Filter the figures" });
    expect(await reloaded.getByLabel("Minimum", { exact: true }).inputValue()).toBe(String(min));
    expect(await reloaded.getByLabel("Maximum", { exact: true }).inputValue()).toBe(String(max));
    expect(await reloaded.locator(`input[name="kind"][value="${kind}"]`).isChecked()).toBe(true);

    // Back: the list unfiltered, the form empty; forward: filtered again.
    await page.goBack();
    await page.waitForURL((url) => url.search === "");
    await poll(() => rowKeys(page)).toEqual(all.edges.map((e) => e.node.key));
    expect(await page.getByRole("form").getByLabel("Minimum", { exact: true }).inputValue()).toBe(
      "",
    );
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get("min") === String(min));
    await poll(() => rowKeys(page)).toEqual(shown);

    // "Clear the filters" goes back to every fact, as a new history entry.
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await page.waitForURL((url) => url.search === "");
    await poll(() => rowKeys(page)).toEqual(all.edges.map((e) => e.node.key));
  });

  it("a period range and a document narrow an entity's facts to the API's answer", async () => {
    const {
      entity: { facts: all },
    } = await graphql<{ entity: { facts: Connection } }>(
      `{ entity(key: "imss") { facts(first: 100) { totalCount edges { node { ${FACT_FIELDS} } } } } }`,
    );
    const first = all.edges[0]!.node;
    const document = first.citations[0]!.document.key;
    const { start: from, end: to } = first.period;
    const where = {
      period: { overlaps: { from, to } },
      citations: { some: { document: { key: { eq: document } } } },
    };
    const {
      entity: { facts: expected },
    } = await graphql<{ entity: { facts: Connection } }>(
      `
        query ($where: FactWhere) {
          entity(key: "imss") {
            facts(first: 100, where: $where) {
              totalCount
              edges {
                node {
                  key
                }
              }
            }
          }
        }
      `,
      { where },
    );
    expect(expected.edges.map((e) => e.node.key)).toContain(first.key);
    expect(expected.totalCount).toBeLessThan(all.totalCount);

    const page = await browser.open("/entity/imss", "filters-entity-period-document");
    await heading(page, "Mexican Institute of Social Security");
    const form = page.getByRole("form", { name: "Filter the figures" });
    await form.getByLabel("From", { exact: true }).fill(from);
    await form.getByLabel("To", { exact: true }).fill(to);
    await form.getByLabel("Cited in the document").selectOption(document);
    await form.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("doc") === document);
    expect(new URL(page.url()).searchParams.get("from")).toBe(from);
    expect(new URL(page.url()).searchParams.get("to")).toBe(to);
    await poll(() => rowKeys(page)).toEqual(expected.edges.map((e) => e.node.key));
    await page.reload();
    await poll(() => rowKeys(page)).toEqual(expected.edges.map((e) => e.node.key));
    expect(await page.getByLabel("Cited in the document").inputValue()).toBe(document);
  });

  it("a grouped table's counts and sums equal factGroups for the same where, with its note", async () => {
    const where = { variable: { key: { eq: "services-delivered" } } };
    const { factGroups } = await graphql<{
      factGroups: {
        note: string | null;
        edges: {
          node: {
            count: number;
            sum: number | null;
            avg: number | null;
            min: number | null;
            max: number | null;
          };
        }[];
      };
    }>(
      `
        query ($where: FactWhere) {
          factGroups(where: $where, groupBy: [PERIOD, STATISTIC], first: 100) {
            note
            edges {
              node {
                count
                sum
                avg
                min
                max
              }
            }
          }
        }
      `,
      { where },
    );
    expect(factGroups.edges.length).toBeGreaterThan(1);

    const page = await browser.open("/variables/services-delivered", "filters-grouped");
    await heading(page, "Services delivered");
    const form = page.getByRole("form", { name: "Filter the figures" });
    await form
      .getByRole("group", { name: "Group by" })
      .getByLabel("Period", { exact: true })
      .check();
    await form
      .getByRole("group", { name: "Group by" })
      .getByLabel("Statistic", { exact: true })
      .check();
    await form.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("group") === "PERIOD,STATISTIC");
    await page.locator("table.groups").waitFor({ timeout: 60_000 });
    expect(await groupRows(page)).toEqual(
      factGroups.edges.map(({ node }) => [node.count, node.sum, node.avg, node.min, node.max]),
    );
    const headers = await page.locator("table.groups thead th").allTextContents();
    expect(headers.slice(0, 2)).toEqual(["Period", "Statistic"]);
    if (factGroups.note) {
      expect(await page.locator(".groups-note").textContent()).toBe(factGroups.note);
    }

    // The same table from the URL alone, in Spanish.
    const es = await browser.open(
      "/variables/services-delivered?group=PERIOD,STATISTIC&lang=es",
      "filters-grouped-es",
    );
    await es.locator("table.groups").waitFor({ timeout: 60_000 });
    expect(await es.locator("table.groups thead th").allTextContents()).toEqual([
      "Periodo",
      "Estadística",
      "Número",
      "Suma",
      "Promedio",
      "Mínimo",
      "Máximo",
    ]);
    expect(await groupRows(es)).toEqual(await groupRows(page));
    expect(await es.getByRole("form", { name: "Filtrar las cifras" }).isVisible()).toBe(true);
  });

  it("values the URL gets wrong are left out with a visible note, not sent", async () => {
    const all = await variableFacts("facility-count", null);
    const page = await browser.open(
      "/variables/facility-count?min=lots&kind=FACILITY_TYPE,NOPE&from=2022-13-45&group=SIDEWAYS",
      "filters-bad-url",
    );
    await heading(page, "Facilities in operation");
    const note = page.locator(".fact-filters .ignored");
    await note.waitFor();
    const text = await note.textContent();
    expect(text).toContain("The minimum “lots” is not a number.");
    expect(text).toContain("“NOPE” is not a kind of entity.");
    expect(text).toContain("“2022-13-45” (from) is not a date as YYYY-MM-DD.");
    expect(text).toContain("“SIDEWAYS” is not a grouping.");
    // What was right is kept: the kind.
    const expected = await variableFacts("facility-count", {
      about: { kind: { in: ["FACILITY_TYPE"] } },
    });
    expect(expected.totalCount).toBeLessThan(all.totalCount);
    await poll(() => rowKeys(page)).toEqual(expected.edges.map((e) => e.node.key));
    expect(await page.locator("table.groups").count()).toBe(0);
  });

  it("every control of the filters has a name a screen reader reads", async () => {
    const page = await browser.open("/variables/facility-count?lang=es", "filters-labels");
    const form = page.getByRole("form", { name: "Filtrar las cifras" });
    await form.waitFor();
    const unnamed = await page.evaluate<string[]>(`
      [...document.querySelectorAll("form.fact-filters input, form.fact-filters select, form.fact-filters button")]
        .filter((el) => (el.tagName === "BUTTON" ? !el.textContent.trim() : el.labels.length === 0))
        .map((el) => el.outerHTML)
    `);
    expect(unnamed).toEqual([]);
    await form.getByLabel("Mínimo", { exact: true }).waitFor();
    await form
      .getByRole("group", { name: "Agrupar por" })
      .getByLabel("Periodo", { exact: true })
      .waitFor();
  });
});
