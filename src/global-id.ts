import { inputError } from "./input-error.js";
import { ENTITY_KINDS } from "./model/vocabulary.js";

/**
 * The API's global ids (Relay): `<Type>:<key>` in base64url without padding. One codec for the
 * builder's `id` fields and `node(s)` arguments and for every argument that names something by
 * key, which takes the id as well (`keyFrom`).
 */

/** The types whose objects have a global id (the Node types), by what they are named as. */
const TYPES_OF = {
  entity: ENTITY_KINDS,
  period: ["TimePeriod"],
  variable: ["Variable"],
  document: ["Document"],
  fact: ["Fact"],
  citation: ["Citation"],
  entityOrFact: [...ENTITY_KINDS, "Fact"],
} as const;

/** What an argument names: an entity (of any kind), a period, a variable, a document, a fact... */
export type Named = keyof typeof TYPES_OF;

const NODE_TYPES = new Set<string>(Object.values(TYPES_OF).flat());

export interface GlobalId {
  typename: string;
  id: string;
}

export function encodeGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, "utf8").toString("base64url");
}

/**
 * The type and key an id of this API names, or null when `value` is not one. Padded or
 * standard base64 of the same bytes is read too (some clients re-encode ids).
 */
export function parseGlobalId(value: string): GlobalId | null {
  const normal = value.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  if (!/^[A-Za-z0-9_-]+$/.test(normal)) return null;
  const decoded = Buffer.from(normal, "base64url").toString("utf8");
  // Base64url decoding skips what it cannot read: only an exact round trip is an id.
  if (Buffer.from(decoded, "utf8").toString("base64url") !== normal) return null;
  const colon = decoded.indexOf(":");
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || id === "" || !NODE_TYPES.has(typename)) return null;
  return { typename, id };
}

/** The id given to `node(id:)` or `nodes(ids:)`: BAD_USER_INPUT when it is not one of ours. */
export function decodeGlobalId(value: string, argument = "id"): GlobalId {
  const parsed = parseGlobalId(value);
  if (!parsed) throw inputError(argument, `"${value}" is not an id returned by this API`);
  return parsed;
}

/**
 * The key an argument names, given as a key or as the id of the kind of object the argument
 * takes (an entity's id for an entity, a variable's for a variable...). Anything else is taken
 * as a key: one that names nothing is reported NOT_FOUND by the caller, like any unknown key.
 * Keys cannot be mistaken for ids: no key decodes to `<Type>:` with a type of the API.
 */
export function keyFrom(value: string, named: Named): string {
  const parsed = parseGlobalId(value);
  return parsed && (TYPES_OF[named] as readonly string[]).includes(parsed.typename)
    ? parsed.id
    : value;
}

/** `keyFrom` for an optional argument. */
export function optionalKeyFrom(value: string | null | undefined, named: Named): string | null {
  return value === null || value === undefined ? null : keyFrom(value, named);
}

/** How a NOT_FOUND message names what was given: `the key "x"` or `the id "X"`. */
export function keyOrId(given: string, key: string): string {
  return given === key && parseGlobalId(given) === null
    ? `the key "${given}"`
    : `the id "${given}"`;
}
