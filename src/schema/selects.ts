import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";

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

const answers = new WeakMap<object, WeakMap<FieldNode, Map<string, boolean>>>();

/**
 * Whether the selection of the field being resolved asks for a wanted field at the end of
 * `path`, whatever the aliases, fragments and @include/@skip (graphql-parse-resolve-info).
 * Answered once per request and field: every parent at the same place of the query shares the
 * field's selection, and parsing it for each of hundreds of parents would cost more than the
 * query it saves.
 */
export function selects(ctx: object, info: GraphQLResolveInfo, question: SelectionQuestion) {
  let byField = answers.get(ctx);
  if (!byField) {
    byField = new WeakMap();
    answers.set(ctx, byField);
  }
  const field = info.fieldNodes[0] as FieldNode;
  let byQuestion = byField.get(field);
  if (!byQuestion) {
    byQuestion = new Map();
    byField.set(field, byQuestion);
  }
  let answer = byQuestion.get(question.name);
  if (answer === undefined) {
    answer = ask(info, question);
    byQuestion.set(question.name, answer);
  }
  return answer;
}

function ask(info: GraphQLResolveInfo, question: SelectionQuestion): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  let level: ResolveTree[] = tree ? [tree] : [];
  for (const step of question.path) {
    level = level.flatMap((t) =>
      Object.values(t.fieldsByTypeName[step.type] ?? {}).filter((f) => f.name === step.field),
    );
  }
  return level.some((t) =>
    Object.values(t.fieldsByTypeName[question.type] ?? {}).some((f) => question.wanted(f.name)),
  );
}
