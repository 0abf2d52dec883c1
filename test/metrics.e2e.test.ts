import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPLORER_OPERATIONS, KNOWN_OPERATIONS } from "../src/plugins/use-metrics.js";
import { startTestServer, useTestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

/** /metrics: a bounded number of series whatever the operations' names, and Node.js's own. */

/** The names of the operations the explorer sends (web/src, every graphql(`...`) document). */
function explorerOperationNames(dir = "web/src"): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) names.push(...explorerOperationNames(path));
    else if (/\.tsx?$/.test(entry.name)) {
      const text = readFileSync(path, "utf8");
      for (const m of text.matchAll(/graphql\(\s*`\s*(?:query|mutation|subscription)\s+(\w+)/g))
        names.push(m[1]!);
    }
  }
  return names;
}

describe("/metrics", () => {
  const running = useTestServer();

  const metrics = async () => {
    const response = await fetch(`${running.server.url}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The series of the GraphQL metrics (one line each, histogram buckets included). */
  const graphqlSeries = (text: string) =>
    text.split("\n").filter((line) => line.startsWith("graphql_"));

  async function send(names: string[], concurrency = 25) {
    for (let i = 0; i < names.length; i += concurrency) {
      await Promise.all(
        names.slice(i, i + concurrency).map(async (name, j) => {
          const get = (i + j) % 4 === 0;
          const query = `query ${name} { __typename }`;
          const response = get
            ? await fetch(
                `${running.server.url}/graphql?query=${encodeURIComponent(query)}&n=${name}`,
                { headers: { "x-graphql-csrf": "1" } },
              )
            : await fetch(`${running.server.url}/graphql`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ query }),
              });
          expect(response.status).toBe(200);
          await response.text();
        }),
      );
    }
  }

  it("knows the explorer's operations by name (the list is the explorer's)", () => {
    expect([...EXPLORER_OPERATIONS].sort()).toEqual([...new Set(explorerOperationNames())].sort());
    expect(KNOWN_OPERATIONS.has("Explore")).toBe(true); // the GraphiQL tour's
  });

  it("keeps its series and its size whatever operation names clients send (2,000 new ones)", async () => {
    // Every label value once: a known name, an unknown one, an anonymous operation, GET and POST,
    // an error in each phase (parse, validate, execute) and a forged operationName.
    // (send() sends the 1st and 5th by GET, the others by POST.)
    await send(["FirstUnknownName", "HomeView", "SecondUnknownName", "Explore", "HomeView"]);
    await running.server.graphql("{ __typename }");
    await running.server.graphql("{ nothing }");
    await running.server.graphql("{ institute { ");
    await running.server.graphql(`{ entity(key: "zz-none") { key } }`);
    await fetch(`${running.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query A { __typename }", operationName: "Forged1" }),
    });
    const before = await metrics();
    const seriesBefore = graphqlSeries(before).length;

    const names = Array.from({ length: 2_000 }, (_, i) => `Distinct${i}Name${i * 7919}`);
    await send(names);
    await fetch(`${running.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query A { __typename }", operationName: "Forged2" }),
    });
    const after = await metrics();

    expect(graphqlSeries(after).length).toBe(seriesBefore);
    // Only the counts and sums grow (a few digits each); no name sent is a label.
    expect(after.length - before.length).toBeLessThan(2_000);
    expect(after).not.toMatch(/Distinct\d+Name|FirstUnknownName|Forged/);
    expect(after).toMatch(/operationName="other"/);
    expect(after).toMatch(/operationName="HomeView"/);
    expect(after).toMatch(/operationName="anonymous"/);
    const requests = after
      .split("\n")
      .filter((l) => l.startsWith('graphql_envelop_request{operationName="other"'))
      .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
    expect(requests).toBeGreaterThanOrEqual(2_000);
  });

  it("reports how late the event loop runs, and Node.js's memory", async () => {
    const text = await metrics();
    for (const name of [
      "nodejs_eventloop_lag_seconds",
      "nodejs_eventloop_lag_p99_seconds",
      "nodejs_eventloop_lag_max_seconds",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
    ])
      expect(text).toMatch(new RegExp(`^${name} \\d`, "m"));
  });

  it("keeps each app's metrics apart (one registry per app)", async () => {
    const { driver, database } = testDriver();
    const second = await startTestServer(driver, database);
    try {
      const text = await (await fetch(`${second.url}/metrics`)).text();
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      expect(text).not.toMatch(/operationName="other"/);
      expect(await metrics()).toMatch(/operationName="other"/);
    } finally {
      await second.close();
      await driver.close();
    }
  });
});
