import { readdir, readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { HEADER } from "../model/document-header.js";
import { ENTITY_KINDS, LANGUAGES, STATISTICS, UNITS } from "../model/vocabulary.js";
import type { DraftDocument } from "./draft.js";

/**
 * The expected drafts of a set in the evaluation set's format (test/fixtures/draft-eval/, its
 * README.md; the tuning batch test/fixtures/draft-tune/ uses the same format): for each document, every figure a curator would keep and every number that is not
 * a figure, each at its offset in the whole file.
 */

/** An entity key of the graph, or an entity the graph lacks, of a given kind. */
const entityRef = z.union([z.string(), z.strictObject({ new: z.enum(ENTITY_KINDS) })]);

export const GRAPH_KINDS = ["new", "corroborates", "conflicts", "restates", "changed"] as const;

const expectedFigure = z.strictObject({
  raw: z.string().min(1),
  at: z.number().int().nonnegative(),
  value: z.number(),
  about: entityRef,
  variable: z.string(),
  scope: z.string().nullable(),
  statistic: z.enum(STATISTICS),
  unit: z.enum(UNITS),
  period: z.string().nullable(),
  graph: z.enum(GRAPH_KINDS),
  fact: z.string().optional(),
  percentOf: z
    .union([z.strictObject({ raw: z.string() }), z.strictObject({ fact: z.string() })])
    .optional(),
  place: entityRef.optional(),
});

const expectedDocument = z.strictObject({
  language: z.enum(LANGUAGES),
  figures: z.array(expectedFigure),
  skips: z.array(z.strictObject({ raw: z.string().min(1), at: z.number().int().nonnegative() })),
});

export const expectedSet = z.record(z.string(), expectedDocument);

export type EntityRef = z.infer<typeof entityRef>;
export type ExpectedFigure = z.infer<typeof expectedFigure>;
export type ExpectedSkip = z.infer<typeof expectedDocument>["skips"][number];

/** A document of the set: its text (as the drafter takes it) and its expected draft. */
export interface ExpectedDocument {
  doc: DraftDocument;
  figures: ExpectedFigure[];
  skips: ExpectedSkip[];
}

/**
 * Reads the set of a folder: its expected*.yaml files (expected.yaml, or one file per author of
 * a tuning batch; a document expected twice is an error) and the `<id>.txt` of each document.
 */
export async function readExpectedSet(dir: string): Promise<ExpectedDocument[]> {
  const set: Record<string, z.infer<typeof expectedSet>[string]> = {};
  const files = (await readdir(dir)).filter((f) => /^expected.*\.yaml$/.test(f)).sort();
  for (const file of files)
    for (const [id, expected] of Object.entries(
      expectedSet.parse(parse(await readFile(`${dir}/${file}`, "utf8"))),
    )) {
      if (set[id]) throw new Error(`${dir}/${file}: document ${id} is expected twice`);
      set[id] = expected;
    }
  const documents: ExpectedDocument[] = [];
  for (const [id, expected] of Object.entries(set)) {
    const text = await readFile(`${dir}/${id}.txt`, "utf8");
    const date = HEADER.exec(text)?.[1];
    if (!date) throw new Error(`${dir}/${id}.txt: no header " date YYYY-MM-DD "`);
    documents.push({
      doc: { id, date, language: expected.language, text },
      figures: expected.figures,
      skips: expected.skips,
    });
  }
  return documents;
}
