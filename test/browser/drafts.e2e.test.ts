// The explorer's /drafts view in a real Chromium, against the real server (with a curator token)
// and the test run's Neo4j: a new document is drafted (one `draft` request), reviewed (a figure
// corrected, one rejected, a corroboration of the graph's fact kept), and committed (one
// `ingestDocument` request); then the new document and its facts are read back. What the tests
// write is removed after them, and the graph is checked to be as it was (fingerprint).
// useBrowser() checks after each test that no page logged a console error, no request failed
// (unless allowed) and none went to another origin.
import type { Driver } from "neo4j-driver";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, useBrowser } from "../support/browser.js";
import { checkGraphAsFound, fingerprint } from "../support/fingerprint.js";
import { rebuildFactSummaries } from "../../src/seed/load-seeds.js";
import { testDriver } from "../support/neo4j.js";

const TOKEN = "test-drafts-curator-token-0123456789";

/**
 * A short release written for this test: the 80 Rural Hospitals of IMSS-BIENESTAR (a seed fact
 * of 20 January 2022: the draft finds it corroborated), two new figures, a figure to reject, and
 * a phone number (no figure).
 */
const ID = "930_drafts_ui_test";
const TEXT =
  " date 2022-01-20 IMSS-BIENESTAR operates 80 Rural Hospitals in the poorest regions of the country. " +
  "From January 1 to January 15, 2022, its Rural Hospitals attended 3,150 deliveries and 412 mammography studies. " +
  "Its 27 new ambulances arrived in 2021. For information, call 800 623 2323.";
/** The deliveries' fact key, as the curator corrects it (the drafted one is ...-2-delivery). */
const DELIVERIES = "930-drafts-ui-test-deliveries-2022";
const MAMMOGRAPHY = "930-drafts-ui-test-3-mammography";
const CORROBORATED = "rural-hospital-count-2022";
const SEED_QUOTE = "the IMSS-BIENESTAR program, which has an infrastructure of 80 Rural Hospitals";

/** A second one, refused: nothing of it is written. */
const REFUSED_ID = "931_drafts_ui_refused";
const REFUSED_TEXT = " date 2022-01-20 IMSS-BIENESTAR operates 80 Rural Hospitals.";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

let driver: Driver;
let database: string | undefined;

/** Removes what the tests wrote, by its keys: documents, their citations, facts and changes. */
async function cleanUp() {
  for (const id of [ID, REFUSED_ID]) {
    await driver.executeQuery(
      `MATCH (ch:Change) WHERE ch.target IN $targets AND ch.summary CONTAINS $id DETACH DELETE ch`,
      { id, targets: [DELIVERIES, MAMMOGRAPHY, CORROBORATED] },
      { database },
    );
    await driver.executeQuery(
      `MATCH (c:Citation)-[:QUOTES]->(:Document {id: $id}) DETACH DELETE c`,
      { id },
      { database },
    );
    await driver.executeQuery(`MATCH (d:Document {id: $id}) DETACH DELETE d`, { id }, { database });
  }
  await driver.executeQuery(
    `MATCH (f:Fact) WHERE f.key IN $keys DETACH DELETE f`,
    { keys: [DELIVERIES, MAMMOGRAPHY] },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(() => driver.close());
checkGraphAsFound(() => ({ driver, database }), cleanUp);

/** The GraphQL operations a page sends, by name, with their requests. */
function watchOperations(page: Page) {
  const sent: { name: string; request: Request }[] = [];
  page.on("request", (request) => {
    if (!request.url().endsWith("/graphql") || request.method() !== "POST") return;
    const body = JSON.parse(request.postData() ?? "{}") as { query?: string };
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "(anonymous)";
    sent.push({ name, request });
  });
  return {
    count: (name: string) => sent.filter((s) => s.name === name).length,
    all: () => sent.map((s) => s.name),
    last: (name: string) => sent.filter((s) => s.name === name).at(-1)?.request,
  };
}

async function noHorizontalScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>(
    "[document.documentElement.scrollWidth, window.innerWidth]",
  );
  expect(scrollWidth, "page width at this viewport").toBeLessThanOrEqual(innerWidth);
}

/**
 * Pastes the text (or uploads it as <id>.txt: the id comes from the file's name), then drafts
 * with the curator's token.
 */
async function draft(page: Page, id: string, text: string, how: "paste" | "upload" = "paste") {
  await page.getByRole("heading", { level: 1, name: "Draft a document’s facts" }).waitFor();
  await page.getByLabel("Curator token").fill(TOKEN);
  if (how === "paste") {
    await page.getByLabel("Its whole text").fill(text);
    await page.getByLabel("Document id").fill(id);
  } else {
    await page.getByLabel("Or upload a .txt file").setInputFiles({
      name: `${id}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(text),
    });
    await expect.poll(() => page.getByLabel("Document id").inputValue()).toBe(id);
    expect(await page.getByLabel("Its whole text").inputValue()).toBe(text);
  }
  await page.getByRole("button", { name: "Draft", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: `Review the draft of ${id}` }).waitFor();
}

describe("/drafts: draft, review and commit a new document", { timeout: 120_000 }, () => {
  const browser = useBrowser({
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
    // The first ingest of a freshly started database plans a dozen write queries: more than
    // the default 5 s on a busy machine. These tests are about the app, not the database's
    // first minute (a timed-out ingest writes nothing, and the view says so).
    queryTimeoutMs: 30_000,
  });

  beforeAll(async () => {
    // The first draft reads the whole graph from a cold database: once before the tests.
    const { body } = await browser.server.graphql(
      `query ($input: DraftInput!) { draft(input: $input) { figures { key } } }`,
      { input: { id: "warm_up", text: TEXT } },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(body.errors).toBeUndefined();
  }, 60_000);

  it("drafts once, shows the figures in the text and the graph's fact, takes a correction and a rejection, commits once; the document and its facts are then in the graph", async () => {
    const page = await browser.open("/drafts", "drafts-review");
    const operations = watchOperations(page);
    await draft(page, ID, TEXT);
    expect(operations.all()).toEqual(["DraftDocument"]);
    expect(await operations.last("DraftDocument")?.headerValue("authorization")).toBe(
      `Bearer ${TOKEN}`,
    );

    // Each figure's quote is marked in the text, at its offsets; the phone number is no figure.
    const cards = page.locator("li.figure-card");
    expect(await cards.count()).toBe(4);
    const marks = await page
      .locator(".draft-text a.draft-mark")
      .evaluateAll((els) => els.map((el) => [el.getAttribute("data-figure"), el.textContent]));
    expect(marks).toEqual([
      ["0", "80 Rural Hospitals in the poorest regions of the country"],
      ["1", "3,150 deliveries"],
      ["2", "412 mammography studies"],
      ["3", "27 new ambulances arrived"],
    ]);
    // A mark is a link to its figure's card: Enter moves the focus there.
    await page.locator("#mark-2").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate("document.activeElement.id")).toBe("figure-2");
    const skipped = page.locator(`.skips tbody tr[data-start="${TEXT.indexOf("800 623")}"]`);
    expect(await skipped.textContent()).toMatch(/a phone number, not a figure/);

    // The 80 Rural Hospitals corroborate the seed's fact: its value and words side by side.
    const rural = page.locator("#figure-0");
    expect(await rural.locator(".badge.match-corroborates").textContent()).toBe("corroborates");
    const graphSide = rural.locator(".graph-match .side").nth(1);
    expect(await graphSide.locator("code").textContent()).toBe(CORROBORATED);
    expect(await graphSide.locator("a.figure").textContent()).toBe("80");
    expect(await graphSide.locator("q.quote").textContent()).toBe(SEED_QUOTE);
    expect(
      await rural.getByRole("radio", { name: /a new citation of the graph’s fact/ }).isChecked(),
    ).toBe(true);
    // The ambulances: nothing fits them, and the card says what is to settle.
    const ambulances = page.locator("#figure-3");
    expect(await ambulances.getAttribute("class")).toMatch(/card-attention/);
    expect(await ambulances.locator(".to-settle").textContent()).toMatch(/variable: none fits/);

    // ES: the names of the choices in Spanish, from the same draft (no request).
    await page.getByRole("button", { name: /^ES/ }).click();
    await page.waitForURL((url) => url.search === "?lang=es");
    const deliveries = page.locator("#figure-1");
    await expect
      .poll(() => deliveries.locator("#f1-about option:checked").textContent())
      .toBe("Parto (delivery), 90%");
    expect(operations.all()).toEqual(["DraftDocument"]);

    // The deliveries are IMSS-BIENESTAR's (its Rural Hospitals): the drafter reads the subject.
    expect(await deliveries.getByLabel("Whose figure (scope): key").inputValue()).toBe(
      "imss-bienestar",
    );
    expect(await deliveries.locator(".badge-corrected").count()).toBe(0);
    // A correction: the curator names the deliveries' fact.
    expect(await deliveries.getByLabel("Fact key").inputValue()).toBe(
      "930-drafts-ui-test-2-delivery",
    );
    await deliveries.getByLabel("Fact key").fill(DELIVERIES);
    expect(await deliveries.locator(".badge-corrected").textContent()).toBe("corrected");
    // A rejection, with the keyboard.
    await ambulances.getByRole("radio", { name: "Reject" }).focus();
    await page.keyboard.press("Space");
    expect(await ambulances.getAttribute("data-status")).toBe("rejected");
    expect(
      await page.locator('.draft-text a.draft-mark[data-figure="3"]').getAttribute("class"),
    ).toMatch(/mark-rejected/);
    await page
      .getByRole("button", { name: "Accept the 3 undecided figures with nothing to settle" })
      .click();
    expect(await page.locator(".decided").textContent()).toBe("4 of 4 figures decided.");
    expect(operations.all(), "editing sends nothing").toEqual(["DraftDocument"]);

    // The facts file: the corrected fact, the corroboration, the rejected number skipped.
    await page.locator(".facts-file summary").click();
    const file = JSON.parse((await page.locator(".facts-file pre").textContent()) ?? "{}") as Any;
    expect(file.documents).toEqual([{ id: ID, language: "en" }]);
    expect(file.facts.map((f: Any) => [f.key, f.scope, f.value])).toEqual([
      [DELIVERIES, "imss-bienestar", 3150],
      [MAMMOGRAPHY, "imss-bienestar", 412],
    ]);
    expect(file.corroborations).toEqual([
      {
        fact: CORROBORATED,
        citation: {
          document: ID,
          quote: "80 Rural Hospitals in the poorest regions of the country",
          start: TEXT.indexOf("80 Rural"),
        },
      },
    ]);
    expect(file.skips).toContainEqual({
      document: ID,
      raw: "27",
      start: TEXT.indexOf("27 new"),
      reason: "rejected by the curator",
    });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/drafts-review-wide.png`, fullPage: true });

    // At phone width nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await noHorizontalScroll(page);

    // The token (sessionStorage only), then one commit.
    await page.getByLabel("Curator token").fill(TOKEN);
    await expect
      .poll(() => page.evaluate("sessionStorage.getItem('imss-explorer.drafts.token')"))
      .toBe(TOKEN);
    expect(await page.evaluate("JSON.stringify(localStorage)")).not.toContain(TOKEN);
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    const done = page.locator("#commit-done");
    await done.waitFor();
    expect(operations.all()).toEqual(["DraftDocument", "IngestDocument"]);
    expect(await operations.last("IngestDocument")?.headerValue("authorization")).toBe(
      `Bearer ${TOKEN}`,
    );
    expect(await done.locator(".committed-facts code").allTextContents()).toEqual([
      DELIVERIES,
      MAMMOGRAPHY,
    ]);
    expect(await done.locator(".committed-corroborated code").allTextContents()).toEqual([
      CORROBORATED,
    ]);
    expect(await done.locator(".committed-facts a").first().getAttribute("href")).toBe(
      `/entity/delivery?lang=es#fact-${DELIVERIES}`,
    );

    // The new document's page: its three cited spans marked, each linking to its fact.
    await done.locator("a.committed-document").click();
    await page.waitForURL(`**/documents/${ID}?lang=es`);
    await page.locator(".doc-text mark").first().waitFor();
    expect(await page.locator(".doc-text mark").allTextContents()).toEqual([
      "80 Rural Hospitals in the poorest regions of the country",
      "3,150 deliveries",
      "412 mammography studies",
    ]);
    await noHorizontalScroll(page);

    // And through GraphQL: the facts, the scopes read from the subject, the new citation of the seed's fact,
    // the changes recorded.
    const { body } = await browser.server.graphql<Any>(
      `query ($id: String!) {
        document(key: $id) {
          language
          facts(first: 10) { edges { node { key value scope { key } period { key } citations { quote start end document { key } } } } }
        }
        fact(key: "${CORROBORATED}") { citations { quote document { key } } }
        changes(first: 10) { edges { node { action target summary } } }
      }`,
      { id: ID },
    );
    expect(body.errors).toBeUndefined();
    const facts = body.data.document.facts.edges.map((e: Any) => e.node);
    expect(facts.map((f: Any) => [f.key, f.value, f.scope?.key, f.period.key]).sort()).toEqual(
      [
        [CORROBORATED, 80, "imss-bienestar", "jan-20-2022"],
        [DELIVERIES, 3150, "imss-bienestar", "year-2022"],
        [MAMMOGRAPHY, 412, "imss-bienestar", "year-2022"],
      ].sort(),
    );
    // Every citation of the new document stands at its offsets.
    for (const f of facts)
      for (const c of f.citations.filter((c: Any) => c.document.key === ID))
        expect(TEXT.slice(c.start, c.end)).toBe(c.quote);
    expect(body.data.fact.citations).toContainEqual({
      quote: "80 Rural Hospitals in the poorest regions of the country",
      document: { key: ID },
    });
    const changes = body.data.changes.edges.map((e: Any) => e.node);
    expect(changes).toContainEqual({
      action: "add-citation",
      target: CORROBORATED,
      summary: `corroborated by ${ID}`,
    });
    expect(
      changes
        .filter((c: Any) => c.action === "add-fact")
        .map((c: Any) => c.target)
        .sort(),
    ).toEqual(expect.arrayContaining([DELIVERIES, MAMMOGRAPHY]));
  });

  it("shows the server's refusal (a bad token, then an unknown key) and writes nothing", async () => {
    const graphBefore = await fingerprint(driver, database);
    const page = await browser.open("/drafts", "drafts-refused", { allowHttpErrors: true });
    const operations = watchOperations(page);
    // Drafting is a curator's: without a token nothing is sent.
    await page.getByRole("heading", { level: 1, name: "Draft a document’s facts" }).waitFor();
    await page.getByLabel("Its whole text").fill(REFUSED_TEXT);
    await page.getByLabel("Document id").fill(REFUSED_ID);
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/Enter a curator token/);
    expect(operations.count("DraftDocument")).toBe(0);
    await draft(page, REFUSED_ID, REFUSED_TEXT, "upload");
    const card = page.locator("#figure-0");
    await card.getByRole("radio", { name: "Accept" }).check();

    // Committing without a token sends nothing.
    await page.getByLabel("Curator token").fill("");
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    expect(await page.locator("#commit-error").textContent()).toMatch(/Enter a curator token/);
    expect(operations.count("IngestDocument")).toBe(0);

    await page.getByLabel("Curator token").fill("not-the-curator-token");
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    const refusal = page.locator('#commit-error[data-error-code="UNAUTHENTICATED"]');
    await refusal.waitFor();
    expect(await refusal.locator("h3").textContent()).toBe("Not committed: the token was refused");
    expect(await refusal.locator(".server-message").textContent()).toMatch(
      /the bearer token is not valid\. Nothing was changed\./,
    );

    // The right token, but the figure recorded as a new fact about an unsettled key.
    await page.getByLabel("Curator token").fill(TOKEN);
    await card.getByRole("radio", { name: "a new fact" }).check();
    await card.getByLabel("About (entity): key").fill("todo-about");
    await page.getByRole("button", { name: "Commit", exact: true }).click();
    const invalid = page.locator('#commit-error[data-error-code="BAD_USER_INPUT"]');
    await invalid.waitFor();
    expect(await invalid.locator(".server-message").textContent()).toMatch(
      /at about: unknown entity "todo-about"/,
    );
    expect(await card.locator(".to-settle.refused").textContent()).toMatch(
      /about: unknown entity "todo-about"/,
    );
    expect(operations.all()).toEqual(["DraftDocument", "IngestDocument", "IngestDocument"]);
    expect(await fingerprint(driver, database)).toBe(graphBefore);
  });
});
