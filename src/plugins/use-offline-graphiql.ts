import type { GraphiQLOptions, Plugin } from "graphql-yoga";
import { etagOf, respondWithAsset, type StaticFile, toStaticFile } from "./static-files.js";

/** Where GraphiQL's own files are served, each under a name that carries its content's hash. */
const PREFIX = "/graphiql/";

interface GraphiQLAssets {
  files: Map<string, StaticFile>;
  /** Name (under PREFIX) of each part of the page. */
  urls: {
    css: string;
    js: string;
    editorWorker: string;
    jsonWorker: string;
    graphqlWorker: string;
  };
  favicon: string;
}

let loading: Promise<GraphiQLAssets> | undefined;

/**
 * GraphiQL's script, styles and editor workers as shipped by @graphql-yoga/render-graphiql (the
 * version that matches graphql-yoga), loaded on first use (they are 9 MB of text).
 */
function loadAssets(): Promise<GraphiQLAssets> {
  loading ??= import("@graphql-yoga/render-graphiql/graphiql").then((parts) => {
    const files = new Map<string, StaticFile>();
    const add = (base: string, ext: string, text: string) => {
      const tag = etagOf(text);
      const name = `${base}.${tag.slice(1, 11)}${ext}`;
      files.set(name, toStaticFile(Buffer.from(text), name, tag));
      return PREFIX + name;
    };
    return {
      files,
      urls: {
        css: add("graphiql", ".css", parts.css),
        js: add("graphiql", ".js", parts.js),
        editorWorker: add("editor.worker", ".js", parts.editorWorkerService),
        jsonWorker: add("json.worker", ".js", parts.jsonWorker),
        graphqlWorker: add("graphql.worker", ".js", parts.graphqlWorker),
      },
      favicon: parts.favicon,
    };
  });
  return loading;
}

/** Text safe inside a <script> element: no `</script>` or `<!--` can end or change it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** Text safe inside an HTML element or attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The GraphiQL page (Yoga's `renderGraphiQL`): Yoga's own GraphiQL, with every file it needs
 * served by this server, so that it works with no internet. The script that starts it (worker
 * URLs, the options) is a file too, named by its content's hash, so that the page needs no
 * inline script and its CSP (PAGE_CSP, use-security-headers.ts) can refuse every one.
 */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { files, urls, favicon } = await loadAssets();
  const title = escapeHtml(options.title ?? "GraphiQL");
  const start = `"use strict";
const workers = {
  editorWorkerService: ${scriptSafeJson(urls.editorWorker)},
  json: ${scriptSafeJson(urls.jsonWorker)},
  graphql: ${scriptSafeJson(urls.graphqlWorker)},
};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => workers[label],
};
addEventListener("DOMContentLoaded", () => {
  YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${scriptSafeJson(options)});
});
`;
  const tag = etagOf(start);
  const startName = `start.${tag.slice(1, 11)}.js`;
  if (!files.has(startName)) files.set(startName, toStaticFile(Buffer.from(start), startName, tag));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${escapeHtml(favicon)}" />
    <link rel="stylesheet" href="${urls.css}" />
    <script src="${PREFIX}${startName}"></script>
    <script src="${urls.js}" defer></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
  </body>
</html>`;
}

/** Serves GraphiQL's files at /graphiql/*, cached for a year (their names change with them). */
export function useOfflineGraphiQL(): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const { pathname } = url ?? new URL(request.url);
      if (!pathname.startsWith(PREFIX)) return;
      return loadAssets().then(({ files }) => {
        const file = files.get(pathname.slice(PREFIX.length));
        endResponse(respondWithAsset(request, fetchAPI, file, pathname));
      });
    },
  };
}
