import Cypher from "@neo4j/cypher-builder";
import DataLoader from "dataloader";
import neo4j from "neo4j-driver";
import { composedCypher } from "../db/cypher.js";
import type { Db } from "../db/db.js";
import { type PageQuery, pageParams } from "../pagination.js";
import type { EntityKind, RelationType } from "../model/vocabulary.js";
import type { EntityRow } from "./entities.js";
import { requestLoader } from "./request-loaders.js";
import { entityPredicate } from "./where/entity-where.js";
import type { EntityWhere } from "./where/where.js";

/**
 * Pages of related entities: one entry point, `relatedPages`, given the levels a relation field
 * asks for (its own, then those its selection asks below it: the schema's plan). Every parent
 * of the tick is read in one query, up to three levels deep (related-entities-tree.cypher), and
 * the pages of the levels below are handed to those levels' pages.
 */

/** Which links a relation field follows, and which entities at their other end (`where`). */
export interface RelationSpec {
  types: readonly string[] | null;
  direction: "OUT" | "IN" | "BOTH";
  kinds: readonly string[] | null;
  where: EntityWhere | null;
}

/** The link itself: read only when a field of the edge asks for it (see RelationLevel). */
export interface RelationLink {
  type: RelationType;
  direction: "OUT" | "IN";
  fact: string | null;
  period: string | null;
  role: string | null;
  sourceDocument: string | null;
  sourceQuote: string | null;
}

/** An edge of a relation page; its position in the page is its entity's (name, key). */
export interface RelationRow {
  node: EntityRow;
  link: RelationLink | null;
}

/** A page of a relation field: its rows (one past the page when a next page exists). */
export interface RelationPage {
  rows: RelationRow[];
  page: PageQuery;
  /** The number of links over all pages, counted (batched over parents) when called. */
  count: () => Promise<number>;
}

/** How many levels related-entities-tree.cypher reads in one query. */
export const TREE_DEPTH = 3;

/**
 * One level of relation pages: which links, which page of them, and whether each row carries
 * its link (type, direction, fact, period, role, source; without, only the entity at the other
 * end: the link's properties are not read).
 */
export interface RelationLevel {
  spec: RelationSpec;
  page: PageQuery;
  links: boolean;
  /** Below the first level: the kind of entity the field is asked on (null: any). */
  parentKind: string | null;
}

/**
 * The request's pages of related entities per `levels[0]`: one page per parent. All parents
 * asking in the same tick are read by one query, together with the levels below (up to
 * TREE_DEPTH), whose pages are primed into the pages of those levels.
 */
export function relatedPages(db: Db, levels: readonly RelationLevel[]): RelatedPages {
  const [level] = levels as [RelationLevel];
  return db.once(
    `related-entities-page:${JSON.stringify([level.spec, level.page, level.links])}`,
    () => new RelatedPages(db, level, (keys) => relatedTree(db, keys, levels)),
  );
}

/** The pages of one level, by parent key: read in batches, or primed by the level above. */
export class RelatedPages {
  private readonly loader: DataLoader<string, RelationRow[]>;
  private readonly primed = new Map<string, RelationRow[]>();

  constructor(
    private readonly db: Db,
    private readonly level: RelationLevel,
    batch: (keys: readonly string[]) => Promise<RelationRow[][]>,
  ) {
    this.loader = new DataLoader(batch);
  }

  /**
   * The page of `key`: at once if a query above already read it (hundreds of nested fields in
   * a three-level query need no promise each), else through the batch.
   */
  page(key: string): RelationPage | Promise<RelationPage> {
    const page = (rows: RelationRow[]): RelationPage => ({
      rows,
      page: this.level.page,
      count: () => relatedCount(this.db, this.level.spec, key),
    });
    const rows = this.primed.get(key) ?? this.loader.load(key);
    return Array.isArray(rows) ? page(rows) : rows.then(page);
  }

  prime(key: string, page: RelationRow[]): void {
    if (!this.primed.has(key)) this.primed.set(key, page);
  }
}

/** An edge as related-entities-tree.cypher returns it (a tuple: fewer bytes than a map). */
type RelationTuple =
  | [key: string, kind: EntityKind, name: string, children: RelationTuple[] | null]
  | [
      key: string,
      kind: EntityKind,
      name: string,
      children: RelationTuple[] | null,
      type: RelationType,
      direction: "OUT" | "IN",
      fact: string | null,
      period: string | null,
      role: string | null,
      sourceDocument: string | null,
      sourceQuote: string | null,
    ];

async function relatedTree(
  db: Db,
  keys: readonly string[],
  levels: readonly RelationLevel[],
): Promise<RelationRow[][]> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const wheres = Array.from({ length: TREE_DEPTH }, (_, i) => [
    `where${i + 1}`,
    wherePredicate(i < depth ? levels[i]?.spec.where : null, ["n", "m", "o"][i] as string),
  ]);
  const query = composedCypher("related-entities-tree", Object.fromEntries(wheres));
  const pages = await readPerParent<RelationTuple[]>(db, query, keys, relatedTreeParams(levels));
  const found = pages.map((edges) => edges ?? []);
  if (depth > 1) for (const edges of found) primeBelow(db, edges, levels, depth - 1);
  return found.map((edges) => edges.map(relationRow));
}

/** The parameters of related-entities-tree.cypher for `levels` (up to TREE_DEPTH). */
function relatedTreeParams(levels: readonly RelationLevel[]): Record<string, unknown> {
  const depth = Math.min(levels.length, TREE_DEPTH);
  const params: Record<string, unknown> = { depth: neo4j.int(depth) };
  for (let i = 0; i < TREE_DEPTH; i += 1) {
    // LIMIT is evaluated for every level of the text: a level not read gets a placeholder.
    const level = levels[Math.min(i, depth - 1)] as RelationLevel;
    const { where: _where, ...spec } = level.spec;
    const values = {
      ...spec,
      ...pageParams(level.page),
      ...(i < depth ? {} : { limit: neo4j.int(0) }),
      links: level.links,
      parentKind: level.parentKind,
    };
    for (const [name, value] of Object.entries(values)) params[`${name}${i + 1}`] = value;
  }
  return params;
}

/**
 * Hands the pages read below `edges` (a page at `levels[0]`) to the pages of `levels[1]`, and
 * so on `read` levels deep: the pages of the entities the query read one for. Those are the
 * entities of the page itself, not the extra row read to tell whether a next page exists,
 * and of the next level's parentKind, if it has one; the others were not read (their
 * `children` are empty), so they are not primed.
 */
function primeBelow(
  db: Db,
  edges: RelationTuple[],
  levels: readonly RelationLevel[],
  read: number,
): void {
  const [level, next] = levels as [RelationLevel, RelationLevel];
  const below = levels.slice(1);
  const pages = relatedPages(db, below);
  for (const [key, kind, , children] of edges.slice(0, level.page.first)) {
    if (!children || (next.parentKind !== null && kind !== next.parentKind)) continue;
    pages.prime(key, children.map(relationRow));
    if (read > 1) primeBelow(db, children, below, read - 1);
  }
}

/** The predicate of a level's where on the entity `variable` of the tree (true: none). */
function wherePredicate(where: EntityWhere | null | undefined, variable: string) {
  return (where && entityPredicate(where, new Cypher.NamedNode(variable))) ?? Cypher.true;
}

/** For each key, what `query` (rows of `parentKey` and `items` or `total`) gives for it. */
async function readPerParent<T>(
  db: Db,
  query: Cypher.Clause,
  keys: readonly string[],
  params: Record<string, unknown>,
  column = "items",
): Promise<(T | undefined)[]> {
  const built = query.build();
  const rows = await db.readBuilt<{ parentKey: string } & Record<string, T>>({
    cypher: built.cypher,
    params: { keys, ...params, ...built.params },
  });
  const found = new Map(rows.map((r) => [r.parentKey, r[column] as T]));
  return keys.map((key) => found.get(key));
}

/** How many links of `parent` a level's pages page through: batched over the tick's parents. */
function relatedCount(db: Db, spec: RelationSpec, parent: string): Promise<number> {
  const { where, ...params } = spec;
  const id = `related-entities-count:${JSON.stringify(spec)}`;
  return requestLoader<string, number>(db, id, async (keys) => {
    const query = composedCypher("related-entities-count", { where: wherePredicate(where, "n") });
    const totals = await readPerParent<number>(db, query, keys, params, "total");
    return totals.map((total) => total ?? 0);
  }).load(parent);
}

function relationRow(tuple: RelationTuple): RelationRow {
  const [key, kind, name] = tuple;
  if (tuple.length === 4) return { node: { key, kind, name }, link: null };
  const [, , , , type, direction, fact, period, role, sourceDocument, sourceQuote] = tuple;
  const link = { type, direction, fact, period, role, sourceDocument, sourceQuote };
  return { node: { key, kind, name }, link };
}
