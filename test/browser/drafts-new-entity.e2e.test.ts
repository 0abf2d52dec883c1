// The explorer's /drafts view with a proposal of a new entity, in a real Chromium against the real
// server and the test run's Neo4j: a release of our own (test/fixtures/drafts/960_es_hemodialisis)
// names a facility type the graph lacks (hemodialysis clinics); the drafter proposes it, the card
// shows the proposal for the curator to confirm, the curator corrects a name, commits, and opens
// the new entity's page. What the test writes is removed after it, and the graph is checked to be as it
// was (fingerprint).
import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, useBrowser } from "../support/browser.js";
import { checkGraphAsFound } from "../support/fingerprint.js";
import { rebuildFactSummaries } from "../../src/seed/load-seeds.js";
import { testDriver } from "../support/neo4j.js";

const TOKEN = "test-drafts-new-entity-token-0123456789";
const ID = "960_es_hemodialisis";
const TEXT = readFileSync(`test/fixtures/drafts/${ID}.txt`, "utf8");
/** The drafter's proposal, and the names the curator gives it (the Spanish one corrected). */
const KEY = "hemodialysis-clinic";
const WORDS = "Clínicas de Hemodiálisis";
const NAMES = { en: "Hemodialysis clinic", es: "Clínica de Hemodiálisis" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

let driver: Driver;
let database: string | undefined;

/** Removes what the test wrote: the document, its citations, facts, new entities and changes. */
async function cleanUp() {
  await driver.executeQuery(
    `OPTIONAL MATCH (d:Document {id: $id})
     OPTIONAL MATCH (c:Citation)-[:QUOTES]->(d)
     OPTIONAL MATCH (f:Fact) WHERE f.key STARTS WITH $prefix
     OPTIONAL MATCH (ch:Change) WHERE ch.summary CONTAINS $id
     OPTIONAL MATCH (e:Entity) WHERE e.description CONTAINS $id OR e.key = $key
     DETACH DELETE d, c, f, ch, e`,
    { id: ID, prefix: `${ID.replace(/_/g, "-")}-`, key: KEY },
    { database },
  );
  await rebuildFactSummaries(driver, database);
}

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(() => driver.close());
checkGraphAsFound(() => ({ driver, database }), cleanUp);

describe("/drafts: a proposal of a new entity", { timeout: 120_000 }, () => {
  const browser = useBrowser({
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
    // As in drafts.e2e.test.ts: a freshly started database plans the ingest's writes slowly.
    queryTimeoutMs: 30_000,
  });

  it("shows the proposal to confirm, takes the curator's names, commits it with the fact, and opens its page", async () => {
    const page = await browser.open("/drafts", "drafts-new-entity");
    await page.getByRole("heading", { level: 1, name: "Draft a document’s facts" }).waitFor();
    await page.getByLabel("Curator token").fill(TOKEN);
    await page.getByLabel("Its whole text").fill(TEXT);
    await page.getByLabel("Document id").fill(ID);
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: `Review the draft of ${ID}` }).waitFor();

    // The figure of the 14 clinics carries the proposal: a group named by its kind, name and words.
    const card = page.locator("li.figure-card", { hasText: "14" }).first();
    const proposal = card.getByRole("group", {
      name: `New facility type: ${NAMES.en} — from “${WORDS}”`,
    });
    await proposal.waitFor();
    expect(await proposal.locator(".badge").textContent()).toBe("to confirm");
    const add = proposal.getByRole("radio", { name: "Add the new entity with the document" });
    expect(await add.isChecked()).toBe(true);

    // Its key, kind and names, in labelled fields as drafted; the curator corrects the Spanish one.
    expect(await proposal.getByLabel("New entity: key").inputValue()).toBe(KEY);
    expect(await proposal.getByLabel("New entity: kind").inputValue()).toBe("FacilityType");
    expect(await proposal.getByLabel("New entity: English name").inputValue()).toBe(NAMES.en);
    expect(await proposal.getByLabel("New entity: Spanish name").inputValue()).toBe(
      "Clínica de hemodiálisis",
    );
    await proposal.getByLabel("New entity: Spanish name").fill(NAMES.es);
    expect(await card.locator(".badge-corrected").textContent()).toBe("corrected");
    await card.screenshot({ path: `${SCREENSHOT_DIR}/drafts-new-entity-card.png` });
    // What the figure is about follows: the new entity, offered first among the choices.
    expect(await card.getByLabel("About (entity): key").inputValue()).toBe(KEY);
    expect(await card.locator("select[id$='-about'] option:checked").textContent()).toBe(
      `${NAMES.en} (${KEY}), new`,
    );

    // Picking an existing entity sets the proposal aside; adding it again brings it back.
    await proposal.getByRole("radio", { name: /Use an existing entity instead/ }).check();
    expect(await proposal.getByLabel("New entity: key").count()).toBe(0);
    expect(await card.getByLabel("About (entity): key").inputValue()).not.toBe(KEY);
    await add.check();
    expect(await card.getByLabel("About (entity): key").inputValue()).toBe(KEY);
    expect(await proposal.getByLabel("New entity: English name").inputValue()).toBe(NAMES.en);

    // Every figure accepted as drafted (the 14 clinics with the curator's names).
    for (const radio of await page.getByRole("radio", { name: "Accept" }).all())
      await radio.check();
    await page.locator(".facts-file summary").click();
    const file = JSON.parse((await page.locator(".facts-file pre").textContent()) ?? "{}") as Any;
    expect(file.entities).toContainEqual({
      key: KEY,
      kind: "FacilityType",
      labels: [
        { text: NAMES.en, language: "en", kind: "preferred", from: "curated" },
        { text: NAMES.es, language: "es", kind: "preferred", from: "curated" },
      ],
      description: expect.stringMatching(new RegExp(`^Proposed with ${ID}, from the words "`)),
    });
    const clinics = file.facts.find((f: Any) => f.value === 14);
    expect(clinics).toMatchObject({
      about: KEY,
      scope: "imss-bienestar",
      variable: "facility-count",
    });
    // Its owner operates it: the link carries the count, as the seeds link facility types.
    expect(file.relations).toEqual([
      {
        from: "imss-bienestar",
        type: "OPERATES",
        to: KEY,
        fact: clinics.key,
        period: clinics.period,
        source: {
          document: ID,
          quote: clinics.citations[0].quote,
          start: clinics.citations[0].start,
        },
      },
    ]);

    await page.getByRole("button", { name: "Commit", exact: true }).click();
    const done = page.locator("#commit-done");
    await done.waitFor();
    const link = done.locator(".committed-entities a", { hasText: NAMES.en });
    expect(await link.getAttribute("href")).toBe(`/entity/${KEY}`);
    await link.click();
    await page.waitForURL(`**/entity/${KEY}`);
    await page.getByRole("heading", { level: 1, name: NAMES.en }).waitFor();

    // Through GraphQL: the entity, found by its names in both languages, and its fact.
    const { body } = await browser.server.graphql<Any>(
      `query ($key: String!) {
        entity(key: $key) { kind name nameEs: name(lang: ES) }
        en: search(text: "hemodialysis clinics", kinds: [FACILITY_TYPE], first: 1) { edges { node { entity { key } } } }
        es: search(text: "clínicas de hemodiálisis", kinds: [FACILITY_TYPE], first: 1) { edges { node { entity { key } } } }
        fact(key: "${clinics.key}") { value about { key } }
      }`,
      { key: KEY },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.entity).toEqual({ kind: "FACILITY_TYPE", name: NAMES.en, nameEs: NAMES.es });
    expect(body.data.en.edges[0]?.node.entity.key).toBe(KEY);
    expect(body.data.es.edges[0]?.node.entity.key).toBe(KEY);
    expect(body.data.fact).toEqual({ value: 14, about: { key: KEY } });
  });
});
