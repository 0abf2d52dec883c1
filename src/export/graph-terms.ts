/** The terms of the RDF exports: prefixes, nodes and literals, and the IRIs of the graph's things. */

export const PREFIXES = {
  schema: "http://schema.org/",
  oa: "http://www.w3.org/ns/oa#",
  prov: "http://www.w3.org/ns/prov#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

/** The prefixes of a graph whose IRIs are under `base` (`imss:` is this server's vocabulary). */
export function prefixesOf(base: string): Record<string, string> {
  return { ...PREFIXES, imss: `${base}/vocab#` };
}

/** A literal: a string (with a language tag or a datatype, compact), an integer or a boolean. */
export type Literal =
  | { value: string; language?: string; datatype?: string }
  | { value: number; datatype: "xsd:integer" }
  | { value: boolean; datatype: "xsd:boolean" };

/** A node: named (an IRI) or blank (`id` null, written inside its parent). */
export interface GraphNode {
  id: string | null;
  types: string[];
  /** Predicate (compact IRI) and object; a predicate may repeat. */
  props: [string, { iri: string } | Literal | GraphNode][];
}

export const iriOf = {
  entity: (base: string, key: string) => `${base}/entity/${encodeURIComponent(key)}`,
  document: (base: string, id: string) => `${base}/documents/${encodeURIComponent(id)}`,
  variable: (base: string, key: string) => `${base}/variables/${encodeURIComponent(key)}`,
  fact: (base: string, key: string) => `${base}/facts/${encodeURIComponent(key)}`,
  citation: (base: string, key: string) => `${base}/citations/${encodeURIComponent(key)}`,
};
