// Builds the explorer into dist/web/: index.html and assets/ with content-hashed names
// (served by the server with immutable caching). Before bundling it
//   1. validates every GraphQL document of web/src/queries.ts against schema/schema.graphql
//      (graphql-js), and fails naming the document and the error when one no longer fits;
//   2. keeps web/src/graphql-env.d.ts (gql.tada's types of the schema) in step with the schema.
// Then esbuild bundles web/src/main.tsx (ESM, code splitting: Cytoscape and Chart.js are
// loaded only by the views that draw), and the gzip size of every JS and CSS file is printed.
//
//   npx tsx web/build.ts            (npm run build:web; `npm run build` runs it too)
//   import { buildWebApp } from "./web/build.ts"; await buildWebApp({ outDir })
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { buildSchema, parse, validate, GraphQLError } from "graphql";
import { format, resolveConfig } from "prettier";

const webDir = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(webDir, "..");
const schemaPath = join(rootDir, "schema", "schema.graphql");
const queriesPath = join(webDir, "src", "queries.ts");
const typesPath = join(webDir, "src", "graphql-env.d.ts");

/** JS + CSS sent to a browser, gzip, all chunks together (issue 14's budget). */
export const BUDGET_GZIP_BYTES = 300 * 1024;

export interface WebBuildResult {
  /** Every file written, relative to outDir (index.html, assets/...), with gzip sizes of JS/CSS. */
  files: { path: string; bytes: number; gzipBytes?: number }[];
  /** The entry script and stylesheet that index.html references. */
  entry: { script: string; stylesheet: string | undefined };
  /** gzip bytes of all JS and CSS. */
  totalGzipBytes: number;
}

/** Validates each exported document of web/src/queries.ts against the schema; throws naming them. */
export async function validateDocuments(sdl = readFileSync(schemaPath, "utf8")): Promise<number> {
  const schema = buildSchema(sdl);
  const { print } = await import("@0no-co/graphql.web");
  const queries = (await import(pathToFileURL(queriesPath).href)) as Record<string, unknown>;
  const failures: string[] = [];
  let count = 0;
  for (const [name, value] of Object.entries(queries)) {
    if (!isDocument(value)) continue;
    count += 1;
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, parse(print(value as Parameters<typeof print>[0])));
    } catch (error) {
      errors = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
    }
    // A fragment alone is valid in graphql-js only if used; report only real mismatches.
    for (const error of errors) {
      if (/Fragment ".*" is never used/.test(error.message)) continue;
      failures.push(`  ${name} (web/src/queries.ts): ${error.message}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `GraphQL documents that do not fit schema/schema.graphql:\n${failures.join("\n")}`,
    );
  }
  return count;
}

function isDocument(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "Document" &&
    Array.isArray((value as { definitions?: unknown }).definitions)
  );
}

/** Regenerates gql.tada's schema types; rewrites graphql-env.d.ts only when they changed. */
export async function updateSchemaTypes(): Promise<boolean> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("gql.tada/cli");
  const tmp = mkdtempSync(join(tmpdir(), "explorer-types-"));
  try {
    const output = join(tmp, "graphql-env.d.ts");
    const run = spawnSync(
      process.execPath,
      [cli, "generate-output", "--tsconfig", join(webDir, "tsconfig.json"), "--output", output],
      { cwd: rootDir, encoding: "utf8" },
    );
    if (run.status !== 0 || !existsSync(output)) {
      throw new Error(`gql.tada generate-output failed:\n${run.stdout}\n${run.stderr}`);
    }
    const options = (await resolveConfig(typesPath)) ?? {};
    const text = await format(readFileSync(output, "utf8"), { ...options, filepath: typesPath });
    const current = existsSync(typesPath) ? readFileSync(typesPath, "utf8") : "";
    if (text === current) return false;
    writeFileSync(typesPath, text);
    return true;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5d4b"/><circle cx="10" cy="11" r="4" fill="#fff"/><circle cx="22" cy="11" r="4" fill="#fff"/><circle cx="16" cy="23" r="4" fill="#fff"/><path d="M10 11L22 11L16 23Z" stroke="#fff" stroke-width="2" fill="none"/></svg>`;

function indexHtml(
  script: string,
  stylesheet: string | undefined,
  icon: string,
  preload: readonly string[],
): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>IMSS knowledge graph explorer</title>
    <meta name="description" content="Explore the IMSS knowledge graph: every figure with the words of its source." />
    <link rel="icon" type="image/svg+xml" href="${icon}" />
${stylesheet ? `    <link rel="stylesheet" href="${stylesheet}" />\n` : ""}${preload.map((chunk) => `    <link rel="modulepreload" href="${chunk}" />\n`).join("")}    <script type="module" src="${script}"></script>
  </head>
  <body>
    <div id="app"><p class="boot">Loading the explorer…</p></div>
    <noscript>The explorer needs JavaScript. The GraphQL API is at <a href="/graphql">/graphql</a>.</noscript>
  </body>
</html>
`;
}

export async function buildWebApp(
  options: { outDir?: string; quiet?: boolean; updateTypes?: boolean } = {},
): Promise<WebBuildResult> {
  const outDir = resolve(options.outDir ?? join(rootDir, "dist", "web"));
  const log = options.quiet ? () => {} : (line: string) => console.log(line);

  const documents = await validateDocuments();
  log(`[web] ${documents} GraphQL documents fit schema/schema.graphql`);
  if (options.updateTypes ?? true) {
    if (await updateSchemaTypes()) log("[web] schema changed: rewrote web/src/graphql-env.d.ts");
  }

  rmSync(outDir, { recursive: true, force: true });
  const assetsDir = join(outDir, "assets");
  mkdirSync(assetsDir, { recursive: true });

  const result = await build({
    entryPoints: { explorer: join(webDir, "src", "main.tsx") },
    outdir: assetsDir,
    publicPath: "/assets",
    bundle: true,
    splitting: true,
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    minify: true,
    sourcemap: false,
    jsx: "automatic",
    jsxImportSource: "preact",
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    metafile: true,
    logLevel: "silent",
    absWorkingDir: rootDir,
  });

  let script: string | undefined;
  let stylesheet: string | undefined;
  const entryPoint = relative(rootDir, join(webDir, "src", "main.tsx"))
    .split("\\")
    .join("/");
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint === entryPoint) {
      script = "/" + relative(outDir, resolve(rootDir, file)).split("\\").join("/");
      if (output.cssBundle) {
        stylesheet =
          "/" + relative(outDir, resolve(rootDir, output.cssBundle)).split("\\").join("/");
      }
    }
  }
  if (!script) throw new Error("esbuild wrote no entry script");
  // The chunks the entry imports statically (code it shares with views loaded on demand): part
  // of the first view, preloaded beside the entry so that they cost no extra round trip.
  const urlOf = (file: string) =>
    "/" + relative(outDir, resolve(rootDir, file)).split("\\").join("/");
  const initialChunks = new Set<string>();
  const visit = (file: string) => {
    for (const i of result.metafile.outputs[file]?.imports ?? []) {
      if (i.kind !== "import-statement" || i.external || initialChunks.has(urlOf(i.path))) continue;
      initialChunks.add(urlOf(i.path));
      visit(i.path);
    }
  };
  const entryFile = Object.keys(result.metafile.outputs).find((f) => urlOf(f) === script);
  if (entryFile) visit(entryFile);

  const iconHash = createHash("sha256").update(favicon).digest("hex").slice(0, 8);
  const iconPath = `/assets/favicon-${iconHash}.svg`;
  writeFileSync(join(outDir, iconPath), favicon);
  writeFileSync(
    join(outDir, "index.html"),
    indexHtml(script, stylesheet, iconPath, [...initialChunks]),
  );

  const files: WebBuildResult["files"] = [];
  let totalGzipBytes = 0;
  const outputs = [
    ...Object.keys(result.metafile.outputs).map((f) => resolve(rootDir, f)),
    join(outDir, iconPath),
    join(outDir, "index.html"),
  ];
  for (const file of outputs) {
    const content = readFileSync(file);
    const path = relative(outDir, file).split("\\").join("/");
    if (/\.(js|css)$/.test(path)) {
      const gzipBytes = gzipSync(content, { level: 9 }).length;
      totalGzipBytes += gzipBytes;
      files.push({ path, bytes: content.length, gzipBytes });
    } else {
      files.push({ path, bytes: content.length });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));

  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  for (const f of files) {
    const initial =
      f.path === script.slice(1) ||
      f.path === stylesheet?.slice(1) ||
      initialChunks.has(`/${f.path}`)
        ? " (first view)"
        : "";
    log(
      `[web]   ${f.path.padEnd(40)} ${kB(f.bytes).padStart(9)}` +
        (f.gzipBytes !== undefined ? `  ${kB(f.gzipBytes).padStart(9)} gzip${initial}` : ""),
    );
  }
  log(
    `[web] JS + CSS: ${kB(totalGzipBytes)} gzip in all (budget ${kB(BUDGET_GZIP_BYTES)}), written to ${relative(rootDir, outDir) || "."}/`,
  );
  if (totalGzipBytes > BUDGET_GZIP_BYTES) {
    log(`[web] warning: over the budget of ${kB(BUDGET_GZIP_BYTES)} gzip`);
  }
  return { files, entry: { script, stylesheet }, totalGzipBytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildWebApp().catch((error: unknown) => {
    console.error(`[web] build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
