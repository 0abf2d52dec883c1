import type { ExportBody } from "./export-response.js";
import { graphNodes } from "./graph-model.js";
import { type GraphNode, type Literal, prefixesOf } from "./graph-terms.js";

type JsonValue = string | number | boolean | { [key: string]: unknown };

function jsonOf(object: GraphNode["props"][number][1]): JsonValue {
  if ("iri" in object) return { "@id": object.iri };
  if ("props" in object) return nodeJson(object);
  const literal = object as Literal;
  if (typeof literal.value !== "string") return literal.value; // xsd:integer, xsd:boolean
  if ("language" in literal && literal.language)
    return { "@value": literal.value, "@language": literal.language };
  if (literal.datatype) return { "@value": literal.value, "@type": literal.datatype };
  return literal.value;
}

/** A node as a JSON-LD node object, in the terms of the embedded context. */
export function nodeJson(node: GraphNode): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (node.id !== null) json["@id"] = node.id;
  json["@type"] = node.types.length === 1 ? node.types[0] : node.types;
  for (const [predicate, object] of node.props) {
    const value = jsonOf(object);
    const existing = json[predicate];
    if (existing === undefined) json[predicate] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else json[predicate] = [existing, value];
  }
  return json;
}

/**
 * /export/graph.jsonld: one JSON-LD document with its context embedded (prefixes only: nothing
 * to fetch), the nodes in `@graph`, one per line, written as they are read.
 */
export const graphJsonLd: ExportBody = async function* (reader, where, base) {
  yield `{"@context":${JSON.stringify(prefixesOf(base))},\n"@graph":[`;
  let separator = "\n";
  for await (const node of graphNodes(reader, where, base)) {
    yield separator + JSON.stringify(nodeJson(node));
    separator = ",\n";
  }
  yield "\n]}\n";
};
