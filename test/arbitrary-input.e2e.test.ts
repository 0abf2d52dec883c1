import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema.js";
import { useTestServer } from "./support/http.js";

/**
 * Arbitrary Unicode text (empty, very long, control characters, lone surrogates, Lucene and
 * Cypher syntax) in every String and ID argument of the read API, one argument at a time, the
 * others valid: no answer may be an internal error or an HTTP 5xx. Each attacked argument is
 * reached at the root and on the objects that the root gives by key.
 */

/** Valid values for the arguments that are not under attack, by name. */
const VALID: Record<string, string> = {
  key: "imss",
  id: "imss",
  from: "imss-bienestar",
  to: "rural-hospital",
  variable: "services-delivered",
  groupBy: "PERIOD",
};

/** Where nested fields are reached: a root field with valid arguments, and its type. */
const ANCHORS = [
  { path: "institute", type: "Organization" },
  { path: 'variable(key: "services-delivered")', type: "Variable" },
  { path: 'document(key: "000_c6cef239523a3d84")', type: "Document" },
  { path: 'entity(key: "2021")', type: "TimePeriod", fragment: true },
];

const isText = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === "String" || named.name === "ID");
};

/** The operation's variable type of an argument, as written in SDL. */
const typeText = (type: GraphQLInputType): string => type.toString();

/** A value of `type` whose every String/ID is `text` (lists of one, input objects filled). */
function valueOf(type: GraphQLInputType, text: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueOf(inner.ofType, text)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isText(field.type) || isInputObjectType(getNamedType(field.type)))
        value[field.name] = valueOf(field.type, text);
    }
    return value;
  }
  return text;
}

/** Does the argument hold text anywhere (itself, or a field of its input object)? */
const holdsText = (arg: GraphQLArgument) =>
  isText(arg.type) ||
  (isInputObjectType(getNamedType(arg.type)) &&
    Object.values((getNamedType(arg.type) as { getFields(): object }).getFields()).some((f) =>
      isText((f as { type: GraphQLInputType }).type),
    ));

interface Target {
  name: string;
  /** The operation, with $v for the attacked argument. */
  query: string;
  /** Variables for a given attacked value. */
  variables: (text: string) => Record<string, unknown>;
}

/** One target per text-holding argument of `field`, called as `call` inside `wrap`. */
function targetsOf(
  field: GraphQLField<unknown, unknown>,
  wrap: (selection: string) => string,
  label: string,
): Target[] {
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || !isScalarType(named) ? "{ __typename }" : "";
  return field.args.filter(holdsText).map((attacked) => {
    const args = field.args.filter(
      (a) => a === attacked || (isNonNullType(a.type) && a.defaultValue === undefined),
    );
    const declared = args.map((a, i) => `$v${i}: ${typeText(a.type)}`).join(", ");
    const passed = args.map((a, i) => `${a.name}: $v${i}`).join(", ");
    return {
      name: `${label}(${attacked.name})`,
      query: `query Attack(${declared}) { ${wrap(`${field.name}(${passed}) ${selection}`)} }`,
      variables: (text: string) =>
        Object.fromEntries(
          args.map((a, i) => [
            `v${i}`,
            a === attacked ? valueOf(a.type, text) : valueOf(a.type, VALID[a.name] ?? text),
          ]),
        ),
    };
  });
}

function readTargets(): Target[] {
  const query = schema.getQueryType()!;
  const targets = Object.values(query.getFields()).flatMap((field) =>
    targetsOf(field, (s) => s, field.name),
  );
  for (const anchor of ANCHORS) {
    const type = schema.getType(anchor.type);
    if (!isObjectType(type)) throw new Error(`No object type ${anchor.type}`);
    for (const field of Object.values(type.getFields())) {
      targets.push(
        ...targetsOf(
          field,
          (s) =>
            anchor.fragment
              ? `${anchor.path} { ... on ${anchor.type} { ${s} } }`
              : `${anchor.path} { ${s} }`,
          `${anchor.type}.${field.name}`,
        ),
      );
    }
  }
  return targets;
}

/** Text as users and attackers type it: any code unit, Lucene and Cypher syntax, long runs. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(..."\u0000\u0007\n\t\r\u00a0\u202e\ud800\udfff"),
    maxLength: 8,
  }),
  fc
    .array(
      fc.constantFrom(
        "AND",
        "OR",
        "NOT",
        '"',
        "'",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "/",
        "\\",
        "*",
        "?",
        "~",
        "^",
        ":",
        "!",
        "+",
        "-",
        "&&",
        "||",
        "`",
        "//",
        "MATCH (n) DETACH DELETE n",
        "$x",
        "rural",
        "hospital",
        "imss",
        "Zoé",
        "ñ",
        " ",
        "",
        "a".repeat(300),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(" ")),
  fc.string({ maxLength: 2_000, minLength: 500 }),
);

describe("arbitrary text in every String and ID argument of the read API", () => {
  const running = useTestServer();
  const targets = readTargets();

  it("reaches the arguments: search, keys, ids, cursors and filters", () => {
    const names = targets.map((t) => t.name);
    for (const expected of [
      "search(text)",
      "search(after)",
      "entity(key)",
      "node(id)",
      "nodes(ids)",
      "entities(filter)",
      "entities(after)",
      "facts(filter)",
      "paths(from)",
      "neighborhood(id)",
      "Organization.facts(after)",
      "Variable.stats(about)",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("reads Lucene's syntax in search text as word separators, not as operators", async () => {
    const search = async (text: string) => {
      const { body } = await running.server.graphql<{
        search: { edges: { node: { entity: { key: string } | null } }[] };
      }>(
        `query($t: String!) { search(text: $t, first: 5) { edges { node { entity { key } } } } }`,
        {
          t: text,
        },
      );
      return body;
    };
    for (const text of ["AND", "OR", "NOT", "rural AND", '"rural', "(rural"]) {
      expect((await search(text)).errors, text).toBeUndefined();
    }
    for (const text of [
      "rural/hospital",
      "RURAL hospital",
      "rural (hospital)",
      "rural+hospital!",
    ]) {
      const keys = (await search(text)).data?.search.edges.map((e) => e.node.entity?.key);
      expect(keys?.[0], text).toBe("rural-hospital");
    }
    const symbols = await search("/ ( ) * ?");
    expect(symbols.errors?.[0]?.message).toMatch(/text.*letter or a digit/);
  });

  it("never answers an internal error or a 5xx", { timeout: 240_000 }, async () => {
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), hostileText, async (target, text) => {
        const response = await fetch(`${running.server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: target.query, variables: target.variables(text) }),
        });
        const body = (await response.json()) as {
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        const internal = (body.errors ?? []).filter(
          (e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR",
        );
        seen.push(target.name);
        expect(response.status, `${target.name} with ${JSON.stringify(text)}`).toBeLessThan(500);
        expect(internal, `${target.name} with ${JSON.stringify(text)}`).toEqual([]);
      }),
      { numRuns: 600 },
    );
    // Every argument was tried.
    expect(new Set(seen).size).toBe(targets.length);
  });
});
