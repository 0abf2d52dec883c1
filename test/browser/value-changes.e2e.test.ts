// Restated and changed counts in the explorer, in a real Chromium against the real server and the
// test run's Neo4j: /drafts shows what a later release restates or changes, with the earlier
// value, its period and its document; once the release is ingested (through the API), the
// entity's page and /checks show the change with both sources. What the test writes is removed
// after it, and the graph is checked to be as it was (fingerprint).
import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildFactSummaries } from "../../src/seed/load-seeds.js";
import { useBrowser } from "../support/browser.js";
import { checkGraphAsFound } from "../support/fingerprint.js";
import { testDriver } from "../support/neo4j.js";

const TOKEN = "test-value-changes-curator-token-0123456789";
const ID = "940_en_rural_update";
const TEXT = readFileSync(`test/fixtures/drafts/${ID}.txt`, "utf8");
const TITLE = "Rural network, June 2022 (a test release)";
const PERIOD = "day-2022-06-15";
const SEED_TITLE =
  "IMSS at 79: health services, infrastructure and collection (press release of 20 January 2022)";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

let driver: Driver;
let database: string | undefined;

/** Removes what the test wrote, by its keys: the document, its facts, citations, period and changes. */
async function cleanUp() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $id}) OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
     OPTIONAL MATCH (f:Fact) WHERE f.key STARTS WITH $prefix
     OPTIONAL MATCH (p:Entity {key: $period})
     OPTIONAL MATCH (ch:Change) WHERE ch.summary CONTAINS $id OR ch.target = $period
     DETACH DELETE d, c, f, p, ch`,
    { id: ID, prefix: "940-en-rural-update-", period: PERIOD },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(() => driver.close());
checkGraphAsFound(() => ({ driver, database }), cleanUp);

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("restated and changed counts in the explorer", { timeout: 120_000 }, () => {
  const browser = useBrowser({
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
    queryTimeoutMs: 30_000,
  });

  it("/drafts shows restates and changed with the earlier value; the entity's page and /checks show the change once ingested", async () => {
    const page = await browser.open("/drafts", "value-changes-draft");
    await page.getByRole("heading", { level: 1, name: "Draft a document’s facts" }).waitFor();
    await page.getByLabel("Curator token").fill(TOKEN);
    await page.getByLabel("Its whole text").fill(TEXT);
    await page.getByLabel("Document id").fill(ID);
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: `Review the draft of ${ID}` }).waitFor();

    expect(await text(page, "#figure-0 .badge.match-restates")).toBe("restates");
    expect(await text(page, "#figure-0 .graph-earlier")).toBe(
      `restates 80 (20 January 2022, ${SEED_TITLE})`,
    );
    expect(await text(page, "#figure-1 .badge.match-changed")).toBe("changed");
    expect(await text(page, "#figure-1 .graph-earlier")).toBe(
      `changed from 3,622 (20 January 2022, ${SEED_TITLE})`,
    );
    expect(await page.locator("#figure-1 .graph-earlier a").getAttribute("href")).toBe(
      "/documents/000_c6cef239523a3d84",
    );
    expect(await text(page, ".review > p")).toMatch(
      /3 figures \(2 restating the graph’s value at another period, 1 changed from the graph’s value at another period\)/,
    );

    // Ingested as drafted, with a title.
    const drafted = await browser.server.graphql<Any>(
      `query ($input: DraftInput!) { draft(input: $input) { yaml } }`,
      { input: { id: ID, text: TEXT } },
      { authorization: `Bearer ${TOKEN}` },
    );
    const facts = (drafted.body.data.draft.yaml as string).replace(
      `- { id: ${ID}, language: en }`,
      `- { id: ${ID}, language: en, title: "${TITLE}" }`,
    );
    const ingested = await browser.server.graphql<Any>(
      `mutation ($input: IngestInput!) { ingestDocument(input: $input) { facts { key } } }`,
      { input: { id: ID, text: TEXT, facts } },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(ingested.body.errors).toBeUndefined();

    const line = `changed from 3,622 (20 January 2022, ${SEED_TITLE}) to 3,701 (15 June 2022, ${TITLE})`;
    const entity = await browser.open("/entity/rural-medical-unit", "value-changes-entity");
    await entity.getByRole("heading", { level: 2, name: "Changes between releases" }).waitFor();
    expect(await text(entity, ".value-change .change-line")).toBe(line);
    const sides = entity.locator(".value-change .side");
    expect(await sides.nth(0).locator("q.quote").textContent()).toBe("3,622 Rural Medical Units");
    expect(await sides.nth(1).locator("q.quote").textContent()).toBe("3,701 Rural Medical Units");
    // A restated count is no change: no such section on its entity's page.
    const hospital = await browser.open("/entity/rural-hospital", "value-changes-restated");
    await hospital.getByRole("heading", { level: 2, name: /^Relations/ }).waitFor();
    expect(await hospital.locator(".value-change").count()).toBe(0);

    const checks = await browser.open("/checks", "value-changes-checks");
    await checks.getByRole("heading", { level: 2, name: "Changes between releases" }).waitFor();
    expect(await checks.locator(".value-change").count()).toBe(1);
    expect(await text(checks, ".value-change .change-line")).toBe(line);
  });
});
