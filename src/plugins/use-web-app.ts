import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PAGE_CSP } from "./use-security-headers.js";
import type { Plugin } from "graphql-yoga";
import { isViewPath } from "./app-routes.js";
import {
  etagOf,
  respondWithAsset,
  respondWithFile,
  type StaticFile,
  toStaticFile,
} from "./static-files.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Where `npm run build` writes the explorer (web/build.ts): dist/web, seen from src/plugins or dist/src/plugins. */
export const WEB_DIR =
  [resolve(here, "../../dist/web"), resolve(here, "../../web")].find((dir) =>
    existsSync(join(dir, "index.html")),
  ) ?? resolve(here, "../../dist/web");

/** Reads the built app once: its page and every file under assets/ (names carry their hash). */
function readWebApp(dir: string): { page: StaticFile; assets: Map<string, StaticFile> } | null {
  const index = join(dir, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index);
  const assets = new Map<string, StaticFile>();
  const assetDir = join(dir, "assets");
  if (existsSync(assetDir)) {
    for (const name of readdirSync(assetDir)) {
      // The hash in each asset's name is its version: the name is a strong ETag.
      assets.set(name, toStaticFile(readFileSync(join(assetDir, name)), name, `"${name}"`));
    }
  }
  return { page: toStaticFile(html, "index.html", etagOf(html)), assets };
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>IMSS knowledge graph</title>
<p>The explorer is not built. Run <code>npm run build</code> (npm start runs it), then reload.
GraphQL is at <a href="/graphql">/graphql</a>.</p></html>`;

/**
 * The explorer (web/, built into dist/web): `/assets/*` with year-long caching (hashed names),
 * and the app's page, never cached, at each of its paths so that a shared or reloaded link opens
 * its view. Nothing it serves comes from, or points to, another origin.
 */
export function useWebApp(dir: string = WEB_DIR): Plugin {
  let app: ReturnType<typeof readWebApp> | undefined;
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const { pathname } = url ?? new URL(request.url);
      const isAsset = pathname.startsWith("/assets/");
      if (!isAsset && !isViewPath(pathname)) return;
      app ??= readWebApp(dir);
      if (!app) {
        endResponse(
          new fetchAPI.Response(NOT_BUILT, {
            status: 503,
            headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
          }),
        );
        return;
      }
      if (isAsset) {
        const file = app.assets.get(pathname.slice("/assets/".length));
        endResponse(respondWithAsset(request, fetchAPI, file, pathname));
        return;
      }
      endResponse(
        respondWithFile(request, fetchAPI, app.page, {
          "cache-control": "no-cache",
          "content-security-policy": PAGE_CSP,
          "referrer-policy": "same-origin",
        }),
      );
    },
  };
}
