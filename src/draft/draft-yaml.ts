import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import type { Draft, DraftFigure, GraphMatch } from "./draft.js";
import { buildFactsFile, outcomeOf, type Review } from "./facts-file.js";
import { type DraftedFigure, initialEdit } from "./figure-edit.js";
import type { Candidate } from "./match.js";

/**
 * A draft as a facts file in the seed format (what `npm run ingest` takes once a curator has
 * settled it), built by facts-file.ts as the explorer builds it from a review where every figure
 * is accepted as proposed. What the drafter proposes and how sure it is stand in comments above
 * each entry; what it could not settle is marked "CURATOR:" and, where no proposal exists, left
 * as a key that the validator refuses (todo-...), so that nothing unsettled is ingested by mistake.
 */

const list = (cs: Candidate[]) =>
  cs.map((c) => `${c.key} ${c.score.toFixed(2)} (${c.why})`).join("; ") || "none";

/**
 * What the graph says of a figure: the fact it corroborates or conflicts with; for a restatement
 * or a change, the earlier value, its period and its source (document and quote) first.
 */
function graphLine(g: GraphMatch): string | undefined {
  if (g.kind === "new") return undefined;
  const value = g.value ?? "no value";
  const source = `${g.document}: "${g.quote}"`;
  if (g.kind === "restates") return ` restates ${value} (${g.period}, ${source}), fact ${g.fact}`;
  if (g.kind === "changed")
    return ` changed from ${value} (${g.period}, ${source}), fact ${g.fact}`;
  return ` graph: ${g.kind} ${g.fact} (${value}, ${g.period}): "${g.quote}"`;
}

function comment(f: DraftFigure): string {
  const lines = [
    ` "${f.quote}" (confidence ${f.confidence.toFixed(2)})`,
    ` about: ${list(f.about)}${f.newEntity ? `; new: ${f.newEntity.key} (${f.newEntity.kind}, from "${f.newEntity.words}")` : ""}`,
    ` variable: ${list(f.variable)}`,
    ` period: ${list(f.period)}${f.newPeriod ? `; new: ${f.newPeriod.key}` : ""}`,
  ];
  const line = graphLine(f.graph);
  if (line) lines.push(line);
  for (const u of f.unsettled) lines.push(` CURATOR: ${u}`);
  return lines.join("\n");
}

/** A figure of the drafter as the facts-file builder reads it (the API's DraftFigure too). */
function draftedFigure(f: DraftFigure, index: number): DraftedFigure {
  const fact = f.graph.kind === "new" ? null : { key: f.graph.fact, value: f.graph.value };
  return { ...f, index, graph: { kind: f.graph.kind, fact } };
}

/** The facts file of a draft with every proposal accepted, the proposals in comments. */
export function draftYaml(draft: Draft): string {
  const { id, date, language } = draft.document;
  const figures = draft.figures;
  const drafted = { id, language, figures: figures.map(draftedFigure), skips: draft.skips };
  const edits = drafted.figures.map((f) => ({
    ...initialEdit(drafted, f),
    decision: "accept" as const,
  }));
  // Every quote is the drafted one, at its offsets, and nothing is rejected: no text is read.
  const review = { draft: drafted, text: "", edits, periodNames: {} } satisfies Review;
  const kinds = drafted.figures.map((f, i) => outcomeOf(review, f, edits[i]!).kind);
  const corroborating = figures.filter((_, i) => kinds[i] === "corroboration");
  const newFigures = figures.filter((_, i) => kinds[i] === "fact");
  const { file } = buildFactsFile(review);
  const doc = new Document(file);
  const root = doc.contents as YAMLMap;
  const unsettled = figures.filter((f) => f.unsettled.length > 0).length;
  const restated = figures.filter((f) => f.graph.kind === "restates").length;
  const changed = figures.filter((f) => f.graph.kind === "changed").length;
  doc.commentBefore = [
    ` Draft of ${id} (${language}, dated ${date}), written by npm run draft: ${figures.length} figures`,
    ` (${newFigures.length} new facts, of which ${restated} restate and ${changed} change a fact of the graph;`,
    ` ${corroborating.length} already in the graph), ${draft.skips.length} numbers skipped,`,
    ` ${unsettled} figures with something for the curator to settle (CURATOR: lines).`,
    " Check every entry against the text, settle what is marked, then: npm run ingest -- --document <file> --facts <this file>",
  ].join("\n");

  // Comments: each figure's proposals and what is unsettled, above its entry.
  const withComments = (section: string, commentOf: (i: number) => string | undefined) => {
    const seq = root.get(section, true);
    if (!isSeq(seq)) return;
    seq.items.forEach((node, i) => {
      const text = commentOf(i);
      if (text && isMap(node)) node.commentBefore = text;
    });
  };
  withComments("facts", (i) => newFigures[i] && comment(newFigures[i]));
  withComments("corroborations", (i) => corroborating[i] && comment(corroborating[i]));
  withComments("entities", (i) =>
    file.entities?.[i]?.kind === "TimePeriod"
      ? " CURATOR: a period proposed by the drafter: name it, check its dates."
      : " CURATOR: an entity proposed by the drafter: check its key, kind and names.",
  );
  withComments("conflicts", () => " CURATOR: say which, if either, is right.");
  // One line per citation, label, skip and document entry, as the curated seeds are written.
  const flow = (section: string, inner?: string) => {
    const seq = root.get(section, true);
    if (!isSeq(seq)) return;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      if (!inner) item.flow = true;
      const child = inner ? item.get(inner, true) : undefined;
      if (isSeq(child)) for (const c of child.items) if (isMap(c)) c.flow = true;
      if (isMap(child)) child.flow = true;
    }
  };
  flow("documents");
  flow("entities", "labels");
  flow("facts", "citations");
  flow("corroborations", "citation");
  flow("skips");
  return doc.toString({ lineWidth: 0 });
}
