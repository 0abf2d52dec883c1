// The explorer's /drafts view shows what a figure's sentence ties it to, in a real Chromium against
// the real server: a percent is linked to the figure it is a percent of (a release of our own,
// test/fixtures/drafts/950_es_meta_consultas: a 21 % progress towards the year's goal), and a
// place the sentence names is shown apart from the scope. Drafting writes nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, useBrowser } from "../support/browser.js";

const TOKEN = "test-drafts-links-token-0123456789ab";
const GOAL = readFileSync("test/fixtures/drafts/950_es_meta_consultas.txt", "utf8");
const PLACE = " date 2023-05-10 En 2023, el IMSS-BIENESTAR opera 12 hospitales rurales en Durango.";

describe("/drafts: a percent's total and a sentence's place", { timeout: 120_000 }, () => {
  const browser = useBrowser({
    auth: { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined },
  });

  async function draft(name: string, text: string, id: string) {
    const page = await browser.open("/drafts", name);
    await page.getByRole("heading", { level: 1, name: "Draft a document’s facts" }).waitFor();
    await page.getByLabel("Curator token").fill(TOKEN);
    await page.getByLabel("Its whole text").fill(text);
    await page.getByLabel("Document id").fill(id);
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: `Review the draft of ${id}` }).waitFor();
    return page;
  }

  it("links a percent to the figure it is a percent of, with the words that say so", async () => {
    const page = await draft("drafts-percent-of", GOAL, "950_es_meta_consultas");
    const card = page.locator("li.figure-card", { hasText: "21" }).last();
    const line = card.locator(".percent-of");
    expect((await line.textContent())?.replace(/\s+/g, " ")).toBe(
      "A percent of figure 1 (18 million): de la meta anual",
    );
    await card.screenshot({ path: `${SCREENSHOT_DIR}/drafts-percent-of.png` });
    // Its fields offer the vocabularies' every value: the unit is percent, a goal's statistic target.
    expect(await card.getByLabel("Unit", { exact: true }).inputValue()).toBe("PERCENT");
    const goal = page.locator("#figure-0");
    expect(await goal.getByLabel("Statistic", { exact: true }).inputValue()).toBe("TARGET");
    // The link leads to that figure's card.
    await line.getByRole("link").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("figure-0");
    // A figure that is not a percent has no such line.
    expect(await page.locator("#figure-0 .percent-of").count()).toBe(0);
  });

  it("names the place of the sentence apart from the scope, linked to its page", async () => {
    const page = await draft("drafts-place", PLACE, "place_es_durango");
    const line = page.locator("#figure-0 .place");
    await line.waitFor();
    expect(await line.textContent()).toContain(
      "The sentence names a place: Durango (not the scope",
    );
    expect(await line.getByRole("link", { name: "Durango" }).getAttribute("href")).toBe(
      "/entity/durango",
    );
  });
});
