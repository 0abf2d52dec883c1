import { RELATION_TYPES } from "../model/vocabulary.js";
import type { FactWhere } from "../loaders/where/where.js";
import { selectsAll } from "./export-filter.js";
import { type ExportReader, fileQuery } from "./export-reader.js";
import { type ExportFactRow, exportFacts, graphqlName, queryOverFacts } from "./export-rows.js";
import { type GraphNode, iriOf, type Literal, PREFIXES } from "./graph-terms.js";

/**
 * The graph of the RDF exports (/export/graph.jsonld, /export/graph.ttl), as nodes that both
 * serialisers write: the same triples in JSON-LD and in Turtle.
 *
 * - Documents: `schema:CreativeWork` with title, publisher (the IMSS entity), language, date,
 *   text and the SHA-256 of the text.
 * - Variables: `schema:StatisticalVariable` (as Data Commons models them), with their labels.
 * - Entities: their kind (`imss:<Kind>`, and a schema.org type where one fits), names and every
 *   label (`rdfs:label` with its language; `skos:prefLabel` / `skos:altLabel`), and their
 *   structural relations (`imss:<TYPE>`).
 * - Facts: `schema:Observation`s (`schema:variableMeasured`, `schema:observationAbout`,
 *   `schema:value`, `schema:observationDate`...), `prov:wasDerivedFrom` each document cited,
 *   `imss:comparedTo` the entity a change is measured against, `imss:percentOf` the fact a
 *   percent is a percent of (a target, a total), `imss:garbled`, and
 *   `imss:conflictsWith` each fact it conflicts with, with the conflict's note in an
 *   `imss:conflict` (`imss:Conflict`, `imss:conflictsWith`, `rdfs:comment`).
 * - Citations: W3C Web Annotations (`oa:Annotation`) whose body is the fact and whose target is
 *   the document with a `oa:TextQuoteSelector` (exact, prefix, suffix) and a
 *   `oa:TextPositionSelector` (start, end); `imss:garbled` says whether the cited words are
 *   garbled, and `imss:garbledNote` what is wrong with them. Their offsets count Unicode code points, as the Web
 *   Annotation model says; the graph (and the API, and the CSV) count UTF-16 code units.
 */

/** The Institute: every document's publisher. */
export const PUBLISHER_KEY = "imss";

/** Characters of context of a TextQuoteSelector, each side (code points). */
const AFFIX = 32;

const KIND_TYPES: Record<string, string> = {
  Organization: "schema:Organization",
  Person: "schema:Person",
  Place: "schema:Place",
  Program: "schema:Thing",
  FacilityType: "schema:Thing",
  Service: "schema:Thing",
  Condition: "schema:Thing",
  TimePeriod: "schema:Thing",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateLiteral = (value: string): Literal =>
  DATE.test(value) ? { value, datatype: "xsd:date" } : { value };

interface LabelLists {
  labelTexts?: string[] | null;
  labelLanguages?: string[] | null;
  labelKinds?: string[] | null;
}

function labelProps(row: LabelLists): GraphNode["props"] {
  const props: GraphNode["props"] = [];
  const texts = row.labelTexts ?? [];
  texts.forEach((text, i) => {
    const language = row.labelLanguages?.[i] ?? "en";
    const kind = row.labelKinds?.[i];
    props.push(["rdfs:label", { value: text, language }]);
    props.push([
      kind === "preferred" ? "skos:prefLabel" : "skos:altLabel",
      { value: text, language },
    ]);
  });
  return props;
}

interface DocumentExportRow {
  id: string;
  date: string;
  title: string;
  text: string;
  language: string;
  sha256: string | null;
}

interface VariableExportRow extends LabelLists {
  key: string;
  name: string;
  unit: string;
  description: string | null;
}

interface EntityExportRow extends LabelLists {
  key: string;
  kind: string;
  name: string;
  description: string | null;
  start: string | null;
  end: string | null;
  relations: [string, string][];
}

/** UTF-16 offsets of a text → code point offsets (the same when it has no surrogate pair). */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  return (i) => Array.from(text.slice(0, i)).length;
}

/** A document read for the graph: its text as code points, and its UTF-16 → code point offsets. */
interface DocumentText {
  chars: string[];
  offset: (i: number) => number;
}

/** The nodes of the graph a where selects, as they are read (documents first: annotations need their text). */
export async function* graphNodes(
  reader: ExportReader,
  where: FactWhere,
  base: string,
): AsyncGenerator<GraphNode> {
  // A slice carries what its facts refer to; the whole graph carries everything.
  let keys: Record<string, string[]> | null = null;
  if (!selectsAll(where)) {
    keys = { entity: [], variable: [], document: [] };
    const rows = await reader.all<{ kind: string; keys: string[] }>(
      queryOverFacts(where, "export-graph-context"),
    );
    for (const row of rows) keys[row.kind] = row.keys;
  }
  const documents = new Map<string, DocumentText>();
  for await (const d of reader.records<DocumentExportRow>(
    fileQuery("export-documents", { ids: keys?.document ?? null }),
  )) {
    documents.set(d.id, { chars: Array.from(d.text), offset: codePointOffsets(d.text) });
    yield documentNode(d, base);
  }
  for await (const v of reader.records<VariableExportRow>(
    fileQuery("export-variables", { keys: keys?.variable ?? null }),
  ))
    yield variableNode(v, base);
  for await (const e of reader.records<EntityExportRow>(
    fileQuery("export-entities", { keys: keys?.entity ?? null, types: [...RELATION_TYPES] }),
  ))
    yield entityNode(e, base);
  for await (const f of exportFacts(reader, where)) {
    yield factNode(f, base);
    for (const c of f.citations) yield citationNode(c, f.key, documents.get(c.document), base);
  }
}

function documentNode(d: DocumentExportRow, base: string): GraphNode {
  return {
    id: iriOf.document(base, d.id),
    types: ["schema:CreativeWork"],
    props: [
      ["schema:identifier", { value: d.id }],
      ["schema:name", { value: d.title }],
      ["schema:publisher", { iri: iriOf.entity(base, PUBLISHER_KEY) }],
      ["schema:inLanguage", { value: d.language }],
      ["schema:datePublished", dateLiteral(d.date)],
      ["schema:text", { value: d.text }],
      ...(d.sha256 ? ([["schema:sha256", { value: d.sha256 }]] as GraphNode["props"]) : []),
    ],
  };
}

function variableNode(v: VariableExportRow, base: string): GraphNode {
  return {
    id: iriOf.variable(base, v.key),
    types: ["schema:StatisticalVariable"],
    props: [
      ["schema:identifier", { value: v.key }],
      ["schema:name", { value: v.name, language: "en" }],
      ...(v.description
        ? ([["schema:description", { value: v.description, language: "en" }]] as GraphNode["props"])
        : []),
      ["imss:unit", { value: graphqlName(v.unit) }],
      ...labelProps(v),
    ],
  };
}

function entityNode(e: EntityExportRow, base: string): GraphNode {
  const props: GraphNode["props"] = [
    ["schema:identifier", { value: e.key }],
    ["schema:name", { value: e.name, language: "en" }],
  ];
  if (e.description) props.push(["schema:description", { value: e.description, language: "en" }]);
  if (e.start) props.push(["schema:startDate", dateLiteral(e.start)]);
  if (e.end) props.push(["schema:endDate", dateLiteral(e.end)]);
  props.push(...labelProps(e));
  for (const [type, to] of e.relations)
    props.push([`imss:${type}`, { iri: iriOf.entity(base, to) }]);
  return {
    id: iriOf.entity(base, e.key),
    types: [`imss:${e.kind}`, KIND_TYPES[e.kind] ?? "schema:Thing"],
    props,
  };
}

function factNode(f: ExportFactRow, base: string): GraphNode {
  const factIri = iriOf.fact(base, f.key);
  const props: GraphNode["props"] = [["schema:identifier", { value: f.key }]];
  if (f.variable)
    props.push(["schema:variableMeasured", { iri: iriOf.variable(base, f.variable.key) }]);
  if (f.about) props.push(["schema:observationAbout", { iri: iriOf.entity(base, f.about.key) }]);
  if (f.value !== null)
    props.push(["schema:value", { value: String(f.value), datatype: "xsd:decimal" }]);
  props.push(["schema:unitText", { value: graphqlName(f.unit) }]);
  props.push(["imss:statistic", { value: graphqlName(f.statistic) }]);
  props.push(["imss:qualifier", { value: graphqlName(f.qualifier) }]);
  if (f.period) {
    props.push(["imss:period", { iri: iriOf.entity(base, f.period.key) }]);
    if (f.period.start) props.push(["schema:observationDate", dateLiteral(f.period.start)]);
  }
  if (f.scope) props.push(["imss:scope", { iri: iriOf.entity(base, f.scope.key) }]);
  if (f.comparedTo) props.push(["imss:comparedTo", { iri: iriOf.entity(base, f.comparedTo.key) }]);
  if (f.percentOf) props.push(["imss:percentOf", { iri: iriOf.fact(base, f.percentOf.key) }]);
  for (const conflict of f.conflicts) {
    const other = { iri: iriOf.fact(base, conflict.fact) };
    props.push(["imss:conflictsWith", other]);
    props.push([
      "imss:conflict",
      {
        id: null,
        types: ["imss:Conflict"],
        props: [
          ["imss:conflictsWith", other],
          ...(conflict.note
            ? ([["rdfs:comment", { value: conflict.note }]] as GraphNode["props"])
            : []),
        ],
      },
    ]);
  }
  props.push(["imss:garbled", { value: f.garbled === true, datatype: "xsd:boolean" }]);
  props.push(["imss:deprecated", { value: f.deprecated === true, datatype: "xsd:boolean" }]);
  for (const id of new Set(f.citations.map((c) => c.document)))
    props.push(["prov:wasDerivedFrom", { iri: iriOf.document(base, id) }]);
  return { id: factIri, types: ["schema:Observation"], props };
}

/** A citation as a Web Annotation of its document's text (offsets in code points). */
function citationNode(
  c: ExportFactRow["citations"][number],
  fact: string,
  doc: DocumentText | undefined,
  base: string,
): GraphNode {
  const chars = doc?.chars ?? [];
  const start = doc ? doc.offset(c.start) : c.start;
  const end = doc ? doc.offset(c.end) : c.end;
  const exact = doc ? chars.slice(start, end).join("") : c.quote;
  return {
    id: iriOf.citation(base, c.key),
    types: ["oa:Annotation"],
    props: [
      ["oa:motivatedBy", { iri: `${PREFIXES.oa}describing` }],
      ["oa:hasBody", { iri: iriOf.fact(base, fact) }],
      ["imss:garbled", { value: !!c.garbled, datatype: "xsd:boolean" }],
      ...(c.garbled ? ([["imss:garbledNote", { value: c.garbled }]] as GraphNode["props"]) : []),
      [
        "oa:hasTarget",
        {
          id: null,
          types: ["oa:SpecificResource"],
          props: [
            ["oa:hasSource", { iri: iriOf.document(base, c.document) }],
            [
              "oa:hasSelector",
              {
                id: null,
                types: ["oa:TextQuoteSelector"],
                props: [
                  ["oa:exact", { value: exact }],
                  ["oa:prefix", { value: chars.slice(Math.max(0, start - AFFIX), start).join("") }],
                  ["oa:suffix", { value: chars.slice(end, end + AFFIX).join("") }],
                ],
              },
            ],
            [
              "oa:hasSelector",
              {
                id: null,
                types: ["oa:TextPositionSelector"],
                props: [
                  ["oa:start", { value: start, datatype: "xsd:integer" }],
                  ["oa:end", { value: end, datatype: "xsd:integer" }],
                ],
              },
            ],
          ],
        },
      ],
    ],
  };
}
