import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "playwright-core";
import { createHttpServer } from "../src/server.js";
import { findChromium } from "../test/support/chromium.js";
import { BUDGET_GZIP_BYTES, buildWebApp } from "../web/build.js";
import { argument } from "./args.js";
import { ensureGenerated, parseSize } from "./generate.js";
import { startBenchNeo4j, stopOnSignals } from "./neo4j.js";
import { median } from "./report.js";

/**
 * `npm run bench:ui -- --size M`: what the explorer costs a browser, per view, on loopback.
 *
 * 1. Builds the explorer (web/build.ts) and prints the gzip size of its JS and CSS.
 * 2. Serves it with this server over the benchmark's Neo4j holding the size asked for.
 * 3. Opens each view in headless Chromium with a cold cache, `--runs` times, and prints the JS and
 *    CSS bytes sent (gzip, as they crossed the wire), the GraphQL requests made, and the time from
 *    the start of navigation until the view shows its data: every GraphQL answer of the view has
 *    arrived and a frame has been drawn after it (and, where the view draws a graph, the graph has
 *    been drawn).
 * 4. Draws a 500-node neighbourhood (Mexico's, breadth first: its states, then their facilities)
 *    with the app's own graph module (the chunk the entity view loads) and prints the time.
 *
 * Writes bench/results/ui.md. Budgets (issue 14): JS + CSS at most 300 kB gzip, at most 3
 * GraphQL requests per view.
 */

/** The views; `graph`: the view is shown when its graph is drawn too. */
const VIEWS: { name: string; path: string; graph?: boolean }[] = [
  { name: "home", path: "/" },
  { name: "entity (IMSS)", path: "/entity/imss", graph: true },
  { name: "entity (a state)", path: "/entity/nuevo-leon", graph: true },
  { name: "paths", path: "/paths?from=imss-bienestar&to=rural-hospital", graph: true },
  { name: "document", path: "/documents/000_c6cef239523a3d84" },
  { name: "checks", path: "/checks" },
  { name: "variable", path: "/variables/services-delivered" },
];

const MAX_GRAPHQL_REQUESTS = 3;

interface ViewFigures {
  name: string;
  path: string;
  graph?: boolean;
  jsBytes: number;
  cssBytes: number;
  graphqlRequests: number;
  msToData: number[];
}

/** Opens `url` on a fresh page and measures it until its data is shown. */
async function measureView(page: Page, url: string, graph: boolean) {
  let jsBytes = 0;
  let cssBytes = 0;
  let graphqlRequests = 0;
  let inFlight = 0;
  let answered = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/graphql") {
      graphqlRequests += 1;
      inFlight += 1;
    }
  });
  page.on("requestfinished", async (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/graphql") {
      inFlight -= 1;
      answered += 1;
      return;
    }
    const sizes = await request.sizes().catch(() => undefined);
    const sent = sizes ? sizes.responseBodySize : 0;
    if (path.endsWith(".js")) jsBytes += sent;
    if (path.endsWith(".css")) cssBytes += sent;
  });
  await page.goto(url);
  // Data shown: the view's GraphQL answers are in, nothing is pending, and a frame was drawn.
  const deadline = Date.now() + 30_000;
  while (answered === 0 || inFlight > 0) {
    if (Date.now() > deadline) throw new Error(`${url}: no GraphQL answer within 30 s`);
    await page.waitForTimeout(5);
  }
  // Polled from here: the page's CSP forbids the eval that page.waitForFunction needs.
  const drawn = () =>
    page.evaluate<boolean>("Boolean(window.__explorer && window.__explorer.graph)");
  while (graph && !(await drawn())) {
    if (Date.now() > deadline) throw new Error(`${url}: no graph drawn within 30 s`);
    await page.waitForTimeout(5);
  }
  const msToData = await page.evaluate<number>(
    `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
       const graph = window.__explorer && window.__explorer.graph;
       resolve(Math.max(performance.now(), graph ? graph.drawnAt : 0));
     })))`,
  );
  return { jsBytes, cssBytes, graphqlRequests, msToData };
}

/**
 * Draws `count` entities of the neighbourhood of `center` (breadth first over its relations, as
 * far as it takes) with the app's own graph chunk; returns the nodes drawn and the ms to draw.
 */
async function drawNeighbourhood(
  page: Page,
  graphChunk: string,
  center: string,
  count: number,
): Promise<{ nodes: number; depth: number; ms: number }> {
  return page.evaluate(
    `(async () => {
      const post = (query, variables) => fetch("/graphql", {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json());
      const center = ${JSON.stringify(center)};
      const nodes = [{ id: center, label: center, kind: "PLACE", depth: 0, center: true }];
      const seen = new Set([center]);
      const edges = [];
      const queue = [center];
      for (let i = 0; i < queue.length && nodes.length < ${count}; i++) {
        const from = queue[i];
        const depth = nodes.find((n) => n.id === from).depth + 1;
        let after = null;
        do {
          const { data } = await post(
            "query($key: String!, $after: String) { entity(key: $key) { relations(first: 100, after: $after) { edges { type node { key name kind } } pageInfo { hasNextPage endCursor } } } }",
            { key: from, after },
          );
          const relations = data.entity.relations;
          for (const edge of relations.edges) {
            if (nodes.length >= ${count}) break;
            if (!seen.has(edge.node.key)) {
              seen.add(edge.node.key);
              nodes.push({ id: edge.node.key, label: edge.node.name, kind: edge.node.kind, depth });
              queue.push(edge.node.key);
            }
            edges.push({ id: "e" + edges.length, source: from, target: edge.node.key, label: edge.type });
          }
          after = relations.pageInfo.hasNextPage && nodes.length < ${count} ? relations.pageInfo.endCursor : null;
        } while (after);
      }
      const { drawGraph } = await import(${JSON.stringify(graphChunk)});
      const box = document.createElement("div");
      box.style.cssText = "width: 1000px; height: 700px; position: fixed; inset: 0; background: #fff";
      document.body.append(box);
      const started = performance.now();
      const drawn = drawGraph(box, { nodes, edges, layout: "concentric", onOpen: () => {} });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const ms = performance.now() - started;
      drawn.destroy();
      box.remove();
      return { nodes: nodes.length, depth: Math.max(...nodes.map((n) => n.depth)), ms };
    })()`,
  );
}

async function main() {
  const size = parseSize(process.argv);
  const runs = Number(argument("runs") ?? 5);
  const log = (line: string) => console.log(`[bench:ui] ${line}`);

  const built = await buildWebApp({ quiet: true });
  const graphChunk = built.files.find((f) => /^assets\/graph-[^/]+\.js$/.test(f.path));
  if (!graphChunk) throw new Error("The build has no graph chunk (assets/graph-*.js)");

  const bench = await startBenchNeo4j(log);
  stopOnSignals(bench.stop);
  const server = createHttpServer({
    driver: bench.driver,
    database: undefined,
    http: { queryTimeoutMs: 30_000 },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox"] });
  try {
    await ensureGenerated(bench.driver, size, log);
    const figures: ViewFigures[] = [];
    for (const view of VIEWS) {
      const row: ViewFigures = {
        ...view,
        jsBytes: 0,
        cssBytes: 0,
        graphqlRequests: 0,
        msToData: [],
      };
      // One run to warm the server and Neo4j, then `runs` measured ones, each with a cold cache.
      for (let run = 0; run <= runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const measured = await measureView(
          await context.newPage(),
          base + view.path,
          view.graph ?? false,
        );
        await context.close();
        if (run === 0) continue;
        Object.assign(row, {
          jsBytes: measured.jsBytes,
          cssBytes: measured.cssBytes,
          graphqlRequests: Math.max(row.graphqlRequests, measured.graphqlRequests),
        });
        row.msToData.push(measured.msToData);
      }
      figures.push(row);
      log(`${view.name}: ${median(row.msToData).toFixed(0)} ms to data`);
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const draws: { nodes: number; depth: number; ms: number }[] = [];
    for (let run = 0; run < runs; run++) {
      draws.push(await drawNeighbourhood(page, `/${graphChunk.path}`, "mexico", 500));
    }
    await context.close();

    const kB = (bytes: number) => (bytes / 1024).toFixed(1);
    const lines = [
      `# The explorer in a browser (size ${size})`,
      "",
      `Headless Chromium on loopback, cold cache per load, median of ${runs} loads after one`,
      "warm-up load. `npm run bench:ui -- --size " + size + "`.",
      "",
      `Build: ${built.files.filter((f) => f.gzipBytes !== undefined).length} JS and CSS files, ${kB(built.totalGzipBytes)} kB gzip in all ` +
        `(budget ${kB(BUDGET_GZIP_BYTES)} kB): ` +
        built.files
          .filter((f) => f.gzipBytes !== undefined)
          .map((f) => `${f.path.replace(/^assets\//, "")} ${kB(f.gzipBytes!)} kB`)
          .join(", ") +
        ".",
      "",
      "| view | URL | JS sent (kB gzip) | CSS sent (kB gzip) | GraphQL requests | ms to data (median) | range |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...figures.map(
        (f) =>
          `| ${f.name} | \`${f.path}\` | ${kB(f.jsBytes)} | ${kB(f.cssBytes)} | ${f.graphqlRequests} | ` +
          `${median(f.msToData).toFixed(0)} | ${Math.min(...f.msToData).toFixed(0)}–${Math.max(...f.msToData).toFixed(0)} |`,
      ),
      "",
      `Drawing the ${draws[0]?.nodes ?? 0}-node neighbourhood of Mexico (depth ${draws[0]?.depth ?? 0}: states, then ` +
        `their facilities and the rest) with the app's graph module ` +
        `(concentric layout, no animation): median ${median(draws.map((d) => d.ms)).toFixed(0)} ms ` +
        `(range ${Math.min(...draws.map((d) => d.ms)).toFixed(0)}–${Math.max(...draws.map((d) => d.ms)).toFixed(0)}).`,
      "",
    ];
    const over = figures.filter((f) => f.graphqlRequests > MAX_GRAPHQL_REQUESTS);
    if (built.totalGzipBytes > BUDGET_GZIP_BYTES) lines.push("**Over the size budget.**", "");
    if (over.length)
      lines.push(
        `**Over ${MAX_GRAPHQL_REQUESTS} GraphQL requests:** ${over.map((f) => f.name).join(", ")}.`,
        "",
      );
    const report = lines.join("\n");
    writeFileSync("bench/results/ui.md", report);
    console.log(`\n${report}`);
    log("Wrote bench/results/ui.md.");
    if (over.length || built.totalGzipBytes > BUDGET_GZIP_BYTES) process.exitCode = 1;
  } finally {
    await browser.close();
    await new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
