import { EnvelopArmor } from "@escape.tech/graphql-armor";
import type { GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import {
  type DocumentNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  type ValueNode,
  visit,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/** The limits of a document (src/server.ts sets them; README.md "Limits" explains them). */
export interface DocumentLimits {
  /** Brackets, braces and parentheses open at once, counted before the document is parsed. */
  maxNesting: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

/**
 * The `extensions.code` of each limit's error. Every one is a request error (the document is
 * refused before anything runs): HTTP 400 under `application/graphql-response+json`, 200 under
 * `application/json`, as the GraphQL over HTTP specification says.
 */
export const LIMIT_CODES = {
  maxNesting: "NESTING_TOO_DEEP",
  maxDepth: "QUERY_TOO_DEEP",
  maxAliases: "TOO_MANY_ALIASES",
  maxTokens: "TOO_MANY_TOKENS",
  maxDirectives: "TOO_MANY_DIRECTIVES",
  maxCost: "QUERY_TOO_COMPLEX",
} as const satisfies Record<keyof DocumentLimits, string>;

type Limit = keyof DocumentLimits;
type ArmorPlugin = ReturnType<EnvelopArmor["protect"]>["plugins"][number];

/** The error of a document over `limit` (`found`: what it has, when known). */
export function limitError(
  limit: Limit,
  max: number,
  message: string,
  found?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: LIMIT_CODES[limit],
      limit: max,
      ...(found === undefined ? {} : { found }),
      http: { status: 400, spec: true },
    },
  });
}

const MESSAGES: Record<
  Exclude<Limit, "maxNesting" | "maxTokens">,
  (max: number, found: number) => string
> = {
  maxDepth: (max, found) =>
    `The operation is ${found} fields deep; at most ${max} are allowed. Ask for fewer nested levels, or split it into several operations.`,
  maxAliases: (max, found) =>
    `The operation has ${found} aliases; at most ${max} are allowed. Split it into several operations.`,
  maxDirectives: (max, found) =>
    `The operation has ${found} directives; at most ${max} are allowed.`,
  maxCost: (max, found) =>
    `The operation's estimated cost is ${found}; at most ${max} is allowed. Ask for smaller pages (first) or fewer nested lists (the cost is explained in the README, "Limits").`,
};

/** graphql-armor's number in "... exceeded, found 21." (its messages say nothing else we need). */
function foundIn(message: string): number {
  const match = /found (\d+(?:\.\d+)?(?:e\+?\d+)?)/.exec(message);
  return match ? Math.ceil(Number(match[1])) : NaN;
}

/**
 * The limits on a document, each refused with its own `extensions.code` and a message that
 * says what to change (graphql-armor's own say "Syntax Error:" and carry no code):
 *
 * - nesting, by a scan of the text before it is parsed (`useNestingLimit`): the parser recurses
 *   once per level, so a deep enough list literal would overflow its stack;
 * - tokens, while it is parsed (graphql-armor stops the parser);
 * - depth, aliases, directives and cost, as validation rules (graphql-armor), reported as
 *   validation errors.
 */
export function useLimits(
  limits: DocumentLimits,
  { hideSuggestions }: { hideSuggestions: boolean },
): (Plugin | ArmorPlugin)[] {
  const report =
    (limit: Exclude<Limit, "maxNesting" | "maxTokens">): GraphQLArmorRejectCallback =>
    (context, error) => {
      const found = foundIn(error.message);
      context?.reportError(
        limitError(limit, limits[limit], MESSAGES[limit](limits[limit], found), found),
      );
    };
  const rule = (limit: Exclude<Limit, "maxNesting" | "maxTokens">) => ({
    propagateOnRejection: false,
    onReject: [report(limit)],
  });
  // graphql-armor's cost, plus the size of each `where` written in the document.
  const withWheres = (context: ValidationContext | null, { n }: { n: number }) => {
    if (!context) return;
    const found = Math.ceil(n + whereSize(context.getDocument()));
    if (found > limits.maxCost)
      context.reportError(
        limitError("maxCost", limits.maxCost, MESSAGES.maxCost(limits.maxCost, found), found),
      );
  };
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ...rule("maxDepth") },
    maxAliases: { n: limits.maxAliases, ...rule("maxAliases") },
    maxDirectives: { n: limits.maxDirectives, ...rule("maxDirectives") },
    costLimit: { maxCost: limits.maxCost, ...rule("maxCost"), onAccept: [withWheres] },
    maxTokens: {
      n: limits.maxTokens,
      // Called by the parser, which has no validation context: thrown, it ends the parse.
      propagateOnRejection: false,
      onReject: [
        () => {
          throw limitError(
            "maxTokens",
            limits.maxTokens,
            `The document has more than ${limits.maxTokens} tokens (names, punctuation, values); send a smaller one.`,
          );
        },
      ],
    },
    // "Did you mean ...?" lists other fields: shown in development only.
    blockFieldSuggestion: { enabled: hideSuggestions },
  }).protect();
  return [useNestingLimit(limits.maxNesting), ...armor.plugins, useLimitErrorsFirst()];
}

/**
 * What the `where` arguments written in a document add to its cost: one per condition (each
 * operator given a value, a list counting one; a variable counts one). A where passed as a
 * variable is not seen here (validation runs, and is cached, without the variables): its size
 * is bounded by the where's own limits (src/schema/where/limits.ts).
 */
export function whereSize(document: DocumentNode): number {
  let size = 0;
  const count = (value: ValueNode): void => {
    if (value.kind === Kind.OBJECT) for (const field of value.fields) count(field.value);
    else if (value.kind === Kind.LIST && value.values.some((v) => v.kind === Kind.OBJECT))
      for (const item of value.values) count(item);
    else if (value.kind !== Kind.NULL) size += 1;
  };
  visit(document, {
    Argument(node) {
      if (node.name.value === "where") count(node.value);
    },
  });
  return size;
}

/** The order in which limit errors are listed: the plainest reason first. */
const ORDER: string[] = [
  LIMIT_CODES.maxDepth,
  LIMIT_CODES.maxAliases,
  LIMIT_CODES.maxDirectives,
  LIMIT_CODES.maxCost,
];

/**
 * Lists a document's limit errors before its other validation errors, depth before cost (a
 * document too deep is also too costly: its depth is what to change).
 */
function useLimitErrorsFirst(): Plugin {
  const rank = (error: unknown) => {
    const code = (error as GraphQLError).extensions?.code;
    const at = typeof code === "string" ? ORDER.indexOf(code) : -1;
    return at === -1 ? ORDER.length : at;
  };
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (valid || result.length < 2) return;
        setResult([...result].sort((a, b) => rank(a) - rank(b)));
      };
    },
  };
}

/**
 * Refuses a document that opens more than `max` brackets, braces or parentheses at once, before
 * it is parsed, with where it goes too deep. A linear scan that skips strings, block strings and
 * comments; an unbalanced document is left to the parser, which says what is wrong with it.
 */
export function useNestingLimit(max: number): Plugin {
  return {
    onParams({ params, setResult }) {
      if (typeof params.query !== "string") return;
      const at = tooDeepAt(params.query, max);
      if (at === -1) return;
      const { line, column } = lineAndColumn(params.query, at);
      setResult({
        errors: [
          limitError(
            "maxNesting",
            max,
            `The document nests brackets, braces or parentheses more than ${max} deep (line ${line}, column ${column}); no operation of this API needs that many.`,
          ),
        ],
      });
    },
  };
}

const OPEN = new Set(["{", "[", "("]);
const CLOSE = new Set(["}", "]", ")"]);

/** The offset where `text` opens its (max + 1)-th nested bracket, or -1. */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "#") {
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i += 1;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        i += 3;
        while (i < n && !text.startsWith('"""', i)) i += text.startsWith('\\"""', i) ? 4 : 1;
        i += 3;
        continue;
      }
      i += 1;
      while (i < n && text[i] !== '"' && text[i] !== "\n" && text[i] !== "\r")
        i += text[i] === "\\" ? 2 : 1;
    } else if (OPEN.has(c)) {
      depth += 1;
      if (depth > max) return i;
    } else if (CLOSE.has(c)) {
      depth = Math.max(0, depth - 1);
    }
    i += 1;
  }
  return -1;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (const m of text.slice(0, offset).matchAll(/\r\n|[\n\r]/g)) {
    line += 1;
    start = m.index + m[0].length;
  }
  return { line, column: offset - start + 1 };
}
