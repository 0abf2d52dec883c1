// Routes of the explorer: each view has its own URL (history API). Every in-app link is a real
// <a href>; a click on one is taken over by navigate() (see main.tsx), so a link can also be
// opened in a new tab or shared, and a reload of any of these URLs shows the same view. The paths
// are src/plugins/app-routes.ts's, where the server reads them too.
import { useEffect, useState } from "preact/hooks";
import { VIEW_PATHS } from "../../src/plugins/app-routes";
import { settleLang, withLang } from "./lang";

export type Route =
  | { name: "home" }
  | { name: "entity"; key: string; depth: 1 | 2 }
  | { name: "paths"; from: string | undefined; to: string | undefined }
  | { name: "document"; key: string; span: { start: number; end: number } | undefined }
  | { name: "checks" }
  | { name: "variable"; key: string }
  | { name: "drafts" }
  | { name: "not-found"; path: string };

function segment(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length).replace(/\/+$/, "");
  if (!rest || rest.includes("/")) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

export function parseRoute(url: URL): Route {
  const path = url.pathname;
  const at = (view: string) => path === view || path === `${view}/`;
  if (path === VIEW_PATHS.home || path === "") return { name: "home" };
  if (at(VIEW_PATHS.checks)) return { name: "checks" };
  if (at(VIEW_PATHS.drafts)) return { name: "drafts" };
  if (at(VIEW_PATHS.paths)) {
    return {
      name: "paths",
      from: url.searchParams.get("from") || undefined,
      to: url.searchParams.get("to") || undefined,
    };
  }
  const entity = segment(path, VIEW_PATHS.entity);
  if (entity)
    return { name: "entity", key: entity, depth: url.searchParams.get("depth") === "2" ? 2 : 1 };
  const variable = segment(path, VIEW_PATHS.variable);
  if (variable) return { name: "variable", key: variable };
  const document = segment(path, VIEW_PATHS.document);
  if (document) {
    const match = /^#(\d+)-(\d+)$/.exec(url.hash);
    const span = match ? { start: Number(match[1]), end: Number(match[2]) } : undefined;
    return {
      name: "document",
      key: document,
      span: span && span.end > span.start ? span : undefined,
    };
  }
  return { name: "not-found", path };
}

/** URL builders. Each URL keeps the language of the names shown (`?lang=es`, see lang.ts). */
export const href = {
  home: () => withLang(VIEW_PATHS.home),
  entity: (key: string, depth?: 1 | 2) =>
    withLang(`${VIEW_PATHS.entity}${encodeURIComponent(key)}${depth === 2 ? "?depth=2" : ""}`),
  fact: (aboutKey: string, factKey: string) =>
    withLang(
      `${VIEW_PATHS.entity}${encodeURIComponent(aboutKey)}#fact-${encodeURIComponent(factKey)}`,
    ),
  paths: (from?: string, to?: string) => {
    const query = new URLSearchParams();
    if (from) query.set("from", from);
    if (to) query.set("to", to);
    const text = query.toString();
    return withLang(text ? `${VIEW_PATHS.paths}?${text}` : VIEW_PATHS.paths);
  },
  document: (key: string, span?: { start: number; end: number }) =>
    withLang(
      `${VIEW_PATHS.document}${encodeURIComponent(key)}${span ? `#${span.start}-${span.end}` : ""}`,
    ),
  checks: () => withLang(VIEW_PATHS.checks),
  variable: (key: string) => withLang(`${VIEW_PATHS.variable}${encodeURIComponent(key)}`),
  drafts: () => withLang(VIEW_PATHS.drafts),
};

type Listener = () => void;
const listeners = new Set<Listener>();

function notify() {
  for (const listener of listeners) listener();
}

/** Goes to an in-app URL without reloading (pushState, or replaceState). */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}) {
  const target = new URL(to, location.href);
  const samePath = target.pathname === location.pathname && target.search === location.search;
  if (target.href === location.href && !options.replace) {
    notify();
    return;
  }
  if (options.replace) history.replaceState(null, "", target.href);
  else history.pushState(null, "", target.href);
  if (!samePath && !target.hash && !options.keepScroll) window.scrollTo(0, 0);
  notify();
  if (target.hash.length > 1) {
    // An in-page anchor of a view already shown (views scroll to theirs once loaded, too).
    requestAnimationFrame(() => {
      const id = decodeURIComponent(target.hash.slice(1));
      document.getElementById(id)?.scrollIntoView({ block: "start" });
    });
  }
}

if (typeof window !== "undefined") {
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  window.addEventListener("popstate", () => {
    settleLang();
    notify();
  });
}

/** Replaces the URL in place (same view, other query), without scrolling. */
export function replaceUrl(to: string) {
  history.replaceState(history.state, "", new URL(to, location.href).href);
  notify();
}

/** The current URL; re-renders on navigate() and on back/forward. */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const listener = () => setUrl(new URL(location.href));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return url;
}

/** True for a click on a same-origin in-app link that navigate() should handle. */
export function isAppLink(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== "_self") return false;
  if (anchor.hasAttribute("download") || anchor.dataset["external"] !== undefined) return false;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return false;
  return !/^\/(graphql|assets|health|ready|metrics)(\/|$)/.test(url.pathname);
}
