import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { Driver } from "neo4j-driver";
import type { FactWhere } from "../loaders/where/where.js";
import {
  ExportParameterError,
  exportSelection,
  type NamedKeys,
  type WhereReading,
} from "./export-filter.js";
import { ExportReader, fileQuery } from "./export-reader.js";

/**
 * What one export writes: its chunks of text, read from Neo4j through `reader` as they are
 * needed. `base` is the server's public base URL (PUBLIC_BASE_URL), under which the RDF
 * exports name everything: the same IRIs whatever Host the request named.
 */
export type ExportBody = (
  reader: ExportReader,
  where: FactWhere,
  base: string,
) => AsyncIterable<string>;

/** Where an export reads from, the base of its IRIs, and how it reads `?where=`. */
export interface ExportSource {
  driver: Driver;
  database: string | undefined;
  publicBaseUrl: string;
  where: WhereReading;
}

export interface ExportFile {
  /** The name a browser saves it under. */
  filename: string;
  contentType: string;
  body: ExportBody;
}

type FetchAPI = { Response: typeof Response };

/** Text handed to the response in pieces of about this size (fewer, larger writes). */
const CHUNK_CHARS = 64 * 1024;

const json = (fetchAPI: FetchAPI, status: number, body: object) =>
  new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

async function* inChunks(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  let buffer = first;
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    buffer += next.value;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer.length > 0) yield buffer;
}

/**
 * Answers an export: its where from the query string (a 400 naming a bad parameter, and the
 * path in a bad `where`, before anything is read), the keys its old parameters name checked
 * (a 400 for a key that names nothing), then the
 * body streamed from one read transaction as the client reads it. The status is sent once the
 * first chunk is ready, so that a Neo4j that does not answer gets a 503, never a 200 with a
 * partial file; an error later on breaks the connection (the client sees an incomplete
 * transfer, not a short file that looks whole). A client that disconnects stops the export and
 * ends its transaction (ExportReader).
 */
export async function exportResponse(
  request: Request,
  fetchAPI: FetchAPI,
  nodeResponse: ServerResponse | undefined,
  { driver, database, publicBaseUrl, where: reading }: ExportSource,
  file: ExportFile,
): Promise<Response> {
  let where: FactWhere;
  let keys: NamedKeys;
  try {
    ({ where, keys } = exportSelection(new URL(request.url).searchParams, reading));
  } catch (error) {
    if (error instanceof ExportParameterError) return parameterError(fetchAPI, error);
    throw error;
  }
  const reader = new ExportReader(driver, database, request.signal);
  let first: IteratorResult<string>;
  let iterator: AsyncIterator<string>;
  try {
    await checkKeys(reader, keys);
    iterator = file.body(reader, where, publicBaseUrl)[Symbol.asyncIterator]();
    first = await iterator.next();
  } catch (error) {
    await reader.close();
    if (error instanceof ExportParameterError) return parameterError(fetchAPI, error);
    return json(fetchAPI, 503, {
      error: "the database did not answer the export",
      detail: (error as Error).message.split("\n")[0],
    });
  }
  async function* body(): AsyncGenerator<string> {
    try {
      if (first.done) return;
      yield* inChunks(first.value, iterator);
    } catch (error) {
      if (!request.signal.aborted) nodeResponse?.destroy(error as Error);
      throw error;
    } finally {
      await reader.close();
    }
  }
  const stream = Readable.from(body(), { objectMode: false });
  stream.on("error", () => {});
  return new fetchAPI.Response(stream as unknown as BodyInit, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
}

const parameterError = (fetchAPI: FetchAPI, error: ExportParameterError) =>
  json(fetchAPI, 400, {
    error: error.message,
    parameter: error.parameter,
    ...(error.path ? { path: error.path } : {}),
    code: error.code,
  });

/**
 * An old parameter that names a variable, entity or document the graph does not have: a 400
 * naming it (in a `where`, an unknown key is no match, as in the API).
 */
async function checkKeys(reader: ExportReader, keys: NamedKeys): Promise<void> {
  if (Object.keys(keys).length === 0) return;
  const [found] = await reader.all<Record<string, boolean>>(
    fileQuery("export-filter-keys", {
      variable: keys.variable ?? null,
      about: keys.about ?? null,
      scope: keys.scope ?? null,
      period: keys.period ?? null,
      document: keys.document ?? null,
    }),
  );
  const what = {
    variable: "variable",
    about: "entity",
    scope: "entity",
    period: "period",
    document: "document",
  } as const;
  for (const [parameter, kind] of Object.entries(what)) {
    if (found && found[parameter] === false)
      throw new ExportParameterError(
        parameter,
        `no ${kind} has the key "${keys[parameter as keyof typeof what]}"`,
        "NOT_FOUND",
      );
  }
}
