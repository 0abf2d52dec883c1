import fc from "fast-check";
import type { GraphQLBody, TestServer } from "../http.js";
import type { FactSortIn, FactWhereIn, GroupBy } from "./input.js";

/** What the oracle reads through the API: every page of a list, and the aggregate. */

const FACTS = `query ($where: FactWhere, $sort: [FactSort!], $first: Int, $after: String) {
  facts(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount edges { node { key } } pageInfo { hasNextPage endCursor }
  }
}`;

const GROUPS = `query ($where: FactWhere, $groupBy: [FactGroupBy!]!, $sort: [FactGroupSort!],
    $first: Int, $after: String) {
  factGroups(where: $where, groupBy: $groupBy, sort: $sort, first: $first, after: $after) {
    totalCount note
    edges { node {
      about { key } scope { key } variable { key } period { key } document { key }
      statistic unit aboutKind count withValue sum avg min max
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const AGGREGATE = `query ($where: FactWhere) {
  facts(where: $where, first: 1) {
    totalCount aggregate { count withValue units sum avg min max }
  }
}`;

interface Page<N> {
  totalCount: number;
  note?: string | null;
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ApiGroup {
  about: { key: string } | null;
  scope: { key: string } | null;
  variable: { key: string } | null;
  period: { key: string } | null;
  document: { key: string } | null;
  statistic: string | null;
  unit: string;
  aboutKind: string | null;
  count: number;
  withValue: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface ApiAggregate {
  count: number;
  withValue: number;
  units: string[];
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/** An answer that is not what was asked: its errors, and the input, as JSON. */
export class ApiError extends Error {}

/** Every page of `field` (following `endCursor`), the totalCount of each page checked equal. */
async function allPages<N>(
  server: TestServer,
  query: string,
  field: "facts" | "factGroups",
  variables: Record<string, unknown>,
): Promise<{ nodes: N[]; totalCount: number; note: string | null | undefined; pages: number }> {
  const nodes: N[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  let note: string | null | undefined;
  for (let pages = 1; pages < 500; pages++) {
    const answer: { status: number; body: GraphQLBody<Record<string, Page<N>>> } =
      await server.graphql<Record<string, Page<N>>>(query, { ...variables, after });
    const { status, body } = answer;
    const page: Page<N> | undefined = body.data?.[field];
    if (status !== 200 || body.errors || !page)
      throw new ApiError(`${field} answered ${status}: ${JSON.stringify(body.errors ?? body)}`);
    if (totalCount !== undefined && page.totalCount !== totalCount)
      throw new ApiError(`totalCount ${page.totalCount} on page ${pages}, ${totalCount} before`);
    totalCount = page.totalCount;
    note = page.note;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount, note, pages };
    after = page.pageInfo.endCursor;
  }
  throw new ApiError(`${field}: more than 500 pages`);
}

/** The keys of every fact `facts(where:, sort:)` lists, in order, and its totalCount. */
export async function factKeys(
  server: TestServer,
  where: FactWhereIn | undefined,
  sort: FactSortIn[],
  first: number,
) {
  const read = await allPages<{ key: string }>(server, FACTS, "facts", { where, sort, first });
  return { keys: read.nodes.map((n) => n.key), totalCount: read.totalCount, pages: read.pages };
}

/** Every group of `factGroups`, in order, with its totalCount and note. */
export async function factGroups(
  server: TestServer,
  variables: { where?: FactWhereIn; groupBy: GroupBy[]; sort?: object[]; first: number },
) {
  return allPages<ApiGroup>(server, GROUPS, "factGroups", variables);
}

/** `facts(where:).aggregate`, with the errors its fields carried (mixed units). */
export async function factAggregate(server: TestServer, where: FactWhereIn | undefined) {
  const { status, body } = await server.graphql<{
    facts: { totalCount: number; aggregate: ApiAggregate } | null;
  }>(AGGREGATE, { where });
  if (status !== 200 || !body.data?.facts)
    throw new ApiError(`aggregate answered ${status}: ${JSON.stringify(body.errors ?? body)}`);
  return { ...body.data.facts, errors: body.errors ?? [] };
}

/**
 * Runs a property and, when it fails, throws with its shrunk counterexample as JSON (and the
 * seed and path that replay it), so that a failure reads as a where.
 */
export async function checkProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  params: { numRuns: number; seed: number },
): Promise<void> {
  // A failure found late is still reported (not as the test's time-out) though less shrunk.
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    ...params,
    interruptAfterTimeLimit: 240_000,
    markInterruptAsFailure: true,
  });
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : "";
  throw new Error(
    `${name}: counterexample (seed ${details.seed}, path "${details.counterexamplePath}", ` +
      `after ${details.numShrinks} shrinks):\n${JSON.stringify(details.counterexample?.[0], null, 1)}\n${cause}`,
  );
}
