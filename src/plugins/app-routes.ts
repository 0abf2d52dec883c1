// The explorer's views and their paths: web/src/router.ts parses and writes them, and
// use-web-app.ts answers the app's page at each. Pure (no imports): esbuild bundles it into web/.

/** Each view's path: a fixed one, or a prefix that its key follows ("/entity/<key>"). */
export const VIEW_PATHS = {
  home: "/",
  checks: "/checks",
  drafts: "/drafts",
  paths: "/paths",
  entity: "/entity/",
  variable: "/variables/",
  document: "/documents/",
} as const;

/** Whether a path is a view's, as the app's links write it (no trailing slash). */
export function isViewPath(path: string): boolean {
  return Object.values(VIEW_PATHS).some((view) =>
    view.length > 1 && view.endsWith("/")
      ? path.startsWith(view) && /^[^/]+$/.test(path.slice(view.length))
      : path === view,
  );
}
