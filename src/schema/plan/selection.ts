import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import type { Context } from "../../context.js";

/** A question about a field's selection: which fields to follow, and what to look for at the end. */
export interface SelectionQuestion {
  /** A name for the question (it keys the per-request answers). */
  name: string;
  /** The fields to follow from the field resolved, each on its type: edges, then node... */
  path: { type: string; field: string }[];
  /** The type whose selected fields are looked at, at the end of the path. */
  type: string;
  /** Whether a selected field (by name) is one the question is about. */
  wanted: (field: string) => boolean;
}

/**
 * `compute()`, once per request, field of the query and `name` (kept in the request's Db):
 * every parent at the same place of the query shares the field's selection, and working it out
 * for each of hundreds of parents would cost more than the query it saves.
 */
export function planOnce<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  name: string,
  compute: () => T,
): T {
  const byName = ctx.db.once(info.fieldNodes[0] as FieldNode, () => new Map<string, unknown>());
  if (!byName.has(name)) byName.set(name, compute());
  return byName.get(name) as T;
}

/**
 * The selection of the field being resolved as a tree, whatever the aliases, fragments and
 * @include/@skip (graphql-parse-resolve-info), with its arguments' values; parsed once per
 * request and field.
 */
export function selectionTree(ctx: Context, info: GraphQLResolveInfo): ResolveTree | null {
  return planOnce(ctx, info, "tree", () => parseResolveInfo(info) as ResolveTree | null);
}

/** Whether the selection of the field being resolved asks for a wanted field at the end of `path`. */
export function selects(ctx: Context, info: GraphQLResolveInfo, question: SelectionQuestion) {
  return planOnce(ctx, info, question.name, () => asks(selectionTree(ctx, info), question));
}

/** Whether `tree` (a field's selection) asks for a wanted field at the end of `path`. */
export function asks(tree: ResolveTree | null, question: SelectionQuestion): boolean {
  let level: ResolveTree[] = tree ? [tree] : [];
  for (const step of question.path)
    level = level.flatMap((t) => subfields(t, step.type, step.field));
  return level.some((t) =>
    Object.values(t.fieldsByTypeName[question.type] ?? {}).some((f) => question.wanted(f.name)),
  );
}

/** The fields named `field` selected on `type` in `tree` (one per alias). */
export function subfields(tree: ResolveTree, type: string, field: string): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName[type] ?? {}).filter((f) => f.name === field);
}
