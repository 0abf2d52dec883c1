import { GraphQLError } from "graphql";
import type { TransactionRunner } from "../db/db.js";
import { type SeedBundle, SeedError, type SeedProblem } from "../model/bundle.js";
import type { SourceText } from "../model/bundle.js";
import { type FactsWork, IN_THREAD } from "../workers/cpu-work.js";

/**
 * What a change refers to, read in its transaction (a snapshot), and the change validated
 * against it exactly as the seed loader validates seeds (checkSeeds).
 */

export interface Snapshot {
  entities: Record<string, unknown>[];
  variables: Record<string, unknown>[];
  documents: { id: string; date: string; text: string; language: string; title: string }[];
  facts: Record<string, unknown>[];
}

export interface Refs {
  entityKeys?: (string | null | undefined)[];
  variableKeys?: (string | null | undefined)[];
  documentIds?: (string | null | undefined)[];
  factKeys?: (string | null | undefined)[];
}

const present = (xs: (string | null | undefined)[] = []) => [
  ...new Set(xs.filter((x): x is string => typeof x === "string" && x.length > 0)),
];

/** Drops null properties (the seed format has optional fields, never nulls). */
export function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * Reads what a change names (cypher/curation-snapshot-*.cypher): one query per kind of node that
 * it names any of, so that each query has one plan (Neo4j plans a query again for each
 * combination of empty and non-empty lists, a second or more the first time).
 */
export async function snapshot(run: TransactionRunner, refs: Refs): Promise<Snapshot> {
  const rows = async <T>(kind: string, keys: Refs[keyof Refs]): Promise<T[]> => {
    const wanted = present(keys);
    if (wanted.length === 0) return [];
    const found = await run<{ row: T }>(`curation-snapshot-${kind}`, { keys: wanted });
    return found.map((r) => r.row);
  };
  const facts = await rows<Record<string, unknown>>("facts", refs.factKeys);
  return {
    entities: (await rows<Record<string, unknown>>("entities", refs.entityKeys)).map(withoutNulls),
    variables: await rows("variables", refs.variableKeys),
    documents: await rows("documents", refs.documentIds),
    facts: facts.map((f) => ({
      ...withoutNulls(f),
      citations: ((f.citations as Record<string, unknown>[]) ?? []).map(withoutNulls),
    })),
  };
}

/**
 * Where a problem of the input is, for the client: the argument (`input.name`,
 * `input.citations[0].start`, `input.facts`) and, when it is a facts file, the entry in it.
 */
export type Locate = (problem: SeedProblem) => { argument: string; at?: string };

/** The argument at a field path of the single entry that a mutation's `input` is. */
export const fieldOfInput =
  (rename: (path: string) => string = (path) => path): Locate =>
  (p) => ({ argument: p.path ? `input.${rename(p.path)}` : "input" });

/**
 * Validates `input` (seed-format sections) against the snapshot, as the seed loader would. A new
 * document (`added`) is checked with it, its every number covered by a fact or a skip.
 */
export async function validate(
  graph: Snapshot,
  input: Record<string, unknown>,
  locate: Locate,
  added?: SourceText,
  work: FactsWork = IN_THREAD,
): Promise<SeedBundle> {
  const documents: SourceText[] = graph.documents.map(({ id, date, text }) => ({
    id,
    date,
    text,
    file: "graph",
  }));
  if (added) documents.push(added);
  try {
    return await work.checkSeeds(
      documents,
      [
        {
          file: "graph",
          data: {
            documents: graph.documents.map(({ id, language, title }) => ({ id, language, title })),
            entities: graph.entities,
            variables: graph.variables,
            facts: graph.facts,
          },
        },
        { file: "input", data: input },
      ],
      // The graph's labels and coverage were checked against all documents and facts when they
      // were loaded; the snapshot holds only the documents and facts a change names.
      { labelSources: false, coverage: added ? [added.id] : false },
    );
  } catch (error) {
    if (error instanceof SeedError) throw invalidInput(error.problems, locate);
    throw error;
  }
}

/**
 * The error of a change's problems (BAD_USER_INPUT), each where it is: problems of the graph's
 * own data are not the client's, so only the input's are reported when it has any.
 */
export function invalidInput(all: readonly SeedProblem[], locate: Locate): GraphQLError {
  const mine = all.filter((p) => p.file === "input");
  const problems = (mine.length > 0 ? mine : all).map((p) => ({
    ...p,
    ...(p.file === "input" ? locate(p) : { argument: "input" }),
  }));
  const where = (p: (typeof problems)[number]) => (p.at ? `${p.argument}: ${p.at}` : p.argument);
  return new GraphQLError(
    `Invalid input: ${problems.map((p) => `${where(p)}: ${p.reason}`).join("; ")}`,
    { extensions: { code: "BAD_USER_INPUT", argument: problems[0]?.argument, problems } },
  );
}
