// Files a plugin serves from memory: the explorer's (use-web-app.ts) and GraphiQL's
// (use-offline-graphiql.ts), gzip-compressed once, with strong ETags.
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** A file ready to send: its bytes, and the same gzip-compressed when that is smaller. */
export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | undefined;
  type: string;
  etag: string;
}

export function toStaticFile(
  body: Uint8Array<ArrayBuffer>,
  name: string,
  etag: string,
): StaticFile {
  const type = TYPES[extname(name)] ?? "application/octet-stream";
  const gzip = body.byteLength > 1_024 ? gzipSync(body) : undefined;
  return {
    body,
    gzip: gzip && gzip.byteLength < body.byteLength ? gzip : undefined,
    type,
    etag,
  };
}

/** A strong ETag: the start of the content's SHA-256. */
export function etagOf(content: Uint8Array | string): string {
  return `"${createHash("sha256").update(content).digest("base64url").slice(0, 16)}"`;
}

/** Answers GET/HEAD with `file`: gzip when the client takes it, 304 when its ETag still holds. */
export function respondWithFile(
  request: Request,
  fetchAPI: { Response: typeof Response },
  file: StaticFile,
  headers: Record<string, string>,
): Response {
  const common = { ...headers, etag: file.etag, vary: "accept-encoding" };
  if (request.headers.get("if-none-match") === file.etag) {
    return new fetchAPI.Response(null, { status: 304, headers: common });
  }
  const gzip = file.gzip && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const body = gzip ? file.gzip! : file.body;
  return new fetchAPI.Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      ...common,
      "content-type": file.type,
      "content-length": String(body.byteLength),
      "x-content-type-options": "nosniff",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    },
  });
}

/** An asset whose name carries its content's hash: cached for a year; 404 when there is none. */
export function respondWithAsset(
  request: Request,
  fetchAPI: { Response: typeof Response },
  file: StaticFile | undefined,
  pathname: string,
): Response {
  return file
    ? respondWithFile(request, fetchAPI, file, {
        "cache-control": "public, max-age=31536000, immutable",
      })
    : new fetchAPI.Response(`No file ${pathname}`, {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
}
