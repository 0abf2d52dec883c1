import { DataFactory, Writer } from "n3";
import type { BlankNode, NamedNode, Quad } from "@rdfjs/types";
import type { ExportBody } from "./export-response.js";
import { graphNodes } from "./graph-model.js";
import { type GraphNode, type Literal, prefixesOf } from "./graph-terms.js";

const { namedNode, literal, blankNode, quad } = DataFactory;
const RDF_TYPE = namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

/** The quads of a node (and of the blank nodes written inside it). */
export function nodeQuads(node: GraphNode, prefixes: Record<string, string>): Quad[] {
  const expand = (compact: string): NamedNode => {
    const colon = compact.indexOf(":");
    const base = prefixes[compact.slice(0, colon)];
    return namedNode(base === undefined ? compact : base + compact.slice(colon + 1));
  };
  const quads: Quad[] = [];
  const visit = (n: GraphNode): NamedNode | BlankNode => {
    const subject = n.id === null ? blankNode() : namedNode(n.id);
    for (const type of n.types) quads.push(quad(subject, RDF_TYPE, expand(type)));
    for (const [predicate, object] of n.props) {
      let term;
      if ("iri" in object) term = namedNode(object.iri);
      else if ("props" in object) term = visit(object);
      else {
        const l = object as Literal;
        if ("language" in l && l.language) term = literal(l.value, l.language);
        else if (l.datatype) term = literal(String(l.value), expand(l.datatype));
        else term = literal(String(l.value));
      }
      quads.push(quad(subject, expand(predicate), term));
    }
    return subject;
  };
  visit(node);
  return quads;
}

/**
 * /export/graph.ttl: the graph of /export/graph.jsonld as Turtle, written by n3's Writer node
 * by node into the response (the writer's output is taken after each node).
 */
export const graphTurtle: ExportBody = async function* (reader, where, base) {
  const prefixes = prefixesOf(base);
  let output = "";
  const sink = {
    write(chunk: string, _encoding: string, done?: () => void) {
      output += chunk;
      done?.();
      return true;
    },
    end(done?: () => void) {
      done?.();
    },
  };
  const writer = new Writer(sink as unknown as NodeJS.WritableStream, { prefixes });
  for await (const node of graphNodes(reader, where, base)) {
    for (const q of nodeQuads(node, prefixes)) writer.addQuad(q);
    if (output.length > 0) {
      yield output;
      output = "";
    }
  }
  await new Promise<void>((resolve, reject) =>
    writer.end((error) => (error ? reject(error) : resolve())),
  );
  if (output.length > 0) yield output;
};
