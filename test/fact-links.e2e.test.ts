import { describe, expect, it } from "vitest";
import { Db } from "../src/db/db.js";
import { factWhereOf } from "../src/loaders/fact-filter.js";
import { factLinks, factsPage, loadFacts } from "../src/loaders/facts.js";
import { pageQuery } from "../src/pagination.js";
import { useTestDriver } from "./support/neo4j.js";

/**
 * A page of facts read without their links (the client asked for none) primes the request's
 * fact rows; a field that needs a link later gets it from one more query, never a null.
 */
describe("fact rows without their links", () => {
  const neo4j = useTestDriver();

  const filter = {
    variable: null,
    about: null,
    scope: null,
    period: null,
    document: null,
    statistic: null,
    garbled: null,
    includeDeprecated: false,
  };

  it("are completed by key when a link is needed", async () => {
    const db = new Db(neo4j.driver, neo4j.database);
    // A page of 5 reads 6 rows (the sixth tells whether a next page exists).
    const page = await factsPage(
      db,
      { where: factWhereOf(filter), sort: [] },
      pageQuery({ first: 5 }, { list: "facts" }),
      false,
    );
    expect(page).toHaveLength(6);
    const keys = page.map((r) => r.key);
    const rows = await loadFacts(db, keys);
    expect(db.roundTrips).toBe(1); // the page primed the rows
    const slim = rows.map((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    expect(slim.every((r) => !r.linked)).toBe(true);
    const completed = await Promise.all(slim.map((r) => factLinks(db, r)));
    expect(db.roundTrips).toBe(2); // one query for all of them

    const fresh = new Db(neo4j.driver, neo4j.database);
    const full = await loadFacts(fresh, keys);
    expect(completed).toEqual(full);
    for (const row of completed) {
      expect(row.linked).toBe(true);
      expect(row.about.key).toBeTruthy();
      expect(row.period.key).toBeTruthy();
    }
  });

  it("with links, the page's rows need nothing more", async () => {
    const db = new Db(neo4j.driver, neo4j.database);
    const page = await factsPage(
      db,
      { where: factWhereOf(filter), sort: [] },
      pageQuery({ first: 5 }, { list: "facts" }),
      true,
    );
    const rows = await loadFacts(
      db,
      page.map((r) => r.key),
    );
    for (const row of rows) {
      if (row instanceof Error) throw row;
      expect(await factLinks(db, row)).toBe(row);
    }
    expect(db.roundTrips).toBe(1);
  });
});
