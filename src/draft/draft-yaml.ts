import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import type { Draft, DraftFigure } from "./draft.js";
import type { Candidate } from "./match.js";

/**
 * A draft as a facts file in the seed format (what `npm run ingest` takes once a curator has
 * settled it): the document's entry, new periods, one fact per new figure, corroborations of
 * the graph's facts, conflicts, and the skip list. What the drafter proposes and how sure it is
 * stand in comments above each entry; what it could not settle is marked "CURATOR:" and, where
 * no proposal exists, left as a key that the validator refuses (todo-...), so that nothing
 * unsettled is ingested by mistake.
 */

/** A fact key for a drafted figure: the document, its place in it and its entity. */
export function figureKey(documentId: string, index: number, f: DraftFigure): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return [slug(documentId), String(index + 1), f.about[0]?.key ?? "figure"].join("-");
}

const list = (cs: Candidate[]) =>
  cs.map((c) => `${c.key} ${c.score.toFixed(2)} (${c.why})`).join("; ") || "none";

function comment(f: DraftFigure): string {
  const lines = [
    ` "${f.quote}" (confidence ${f.confidence.toFixed(2)})`,
    ` about: ${list(f.about)}`,
    ` variable: ${list(f.variable)}`,
    ` period: ${list(f.period)}${f.newPeriod ? `; new: ${f.newPeriod.key}` : ""}`,
  ];
  if (f.graph.kind !== "new")
    lines.push(
      ` graph: ${f.graph.kind} ${f.graph.fact} (${f.graph.value ?? "no value"}, ${f.graph.period}): "${f.graph.quote}"`,
    );
  for (const u of f.unsettled) lines.push(` CURATOR: ${u}`);
  return lines.join("\n");
}

export function draftYaml(draft: Draft): string {
  const { id, date, language } = draft.document;
  const doc = new Document({});
  const root = doc.contents as YAMLMap;
  const node = (value: unknown) => doc.createNode(value);
  const figures = draft.figures;
  const corroborating = figures.filter((f) => f.graph.kind === "corroborates");
  const newFigures = figures.filter((f) => f.graph.kind !== "corroborates");
  const unsettled = figures.filter((f) => f.unsettled.length > 0).length;
  doc.commentBefore = [
    ` Draft of ${id} (${language}, dated ${date}), written by npm run draft: ${figures.length} figures`,
    ` (${newFigures.length} new, ${corroborating.length} already in the graph), ${draft.skips.length} numbers skipped,`,
    ` ${unsettled} figures with something for the curator to settle (CURATOR: lines).`,
    " Check every entry against the text, settle what is marked, then: npm run ingest -- --document <file> --facts <this file>",
  ].join("\n");

  root.set("documents", doc.createNode([{ id, language }], { flow: false }));
  const periods = new Map(
    figures.flatMap((f) => (f.newPeriod ? [[f.newPeriod.key, f.newPeriod] as const] : [])),
  );
  if (periods.size > 0) {
    root.set(
      "entities",
      node(
        [...periods.values()].map((p) => ({
          key: p.key,
          kind: "TimePeriod",
          labels: [
            { text: `${p.start} to ${p.end}`, language: "en", kind: "preferred", from: "curated" },
            {
              text: `Del ${p.start} al ${p.end}`,
              language: "es",
              kind: "preferred",
              from: "curated",
            },
          ],
          description: "A period proposed by the drafter: CURATOR: name it and check its dates.",
          start: p.start,
          end: p.end,
          granularity: p.granularity,
        })),
      ),
    );
  }

  const keys = new Map<DraftFigure, string>();
  figures.forEach((f, i) => keys.set(f, figureKey(id, i, f)));
  const citation = (f: DraftFigure) => ({ document: id, quote: f.quote, start: f.start });
  if (newFigures.length > 0) {
    root.set(
      "facts",
      node(
        newFigures.map((f) => {
          const fact: Record<string, unknown> = {
            key: keys.get(f),
            variable: f.variable[0]?.key ?? "todo-variable",
            about: f.about[0]?.key ?? "todo-about",
          };
          if (f.scope) fact.scope = f.scope;
          fact.period = f.period[0]?.key ?? f.newPeriod?.key ?? "todo-period";
          fact.statistic = f.statistic;
          if (f.statistic === "increase") fact.comparedTo = f.comparedTo ?? "todo-compared-to";
          fact.value = f.value;
          fact.unit = f.unit;
          if (f.qualifier !== "exact") fact.qualifier = f.qualifier;
          const c: Record<string, unknown> = citation(f);
          if (f.value === null) c.garbled = "CURATOR: the number cannot be read with confidence";
          fact.citations = [c];
          return fact;
        }),
      ),
    );
  }
  if (corroborating.length > 0) {
    root.set(
      "corroborations",
      node(
        corroborating.map((f) => ({
          fact: f.graph.kind === "new" ? "" : f.graph.fact,
          citation: citation(f),
        })),
      ),
    );
  }
  const conflicting = figures.filter((f) => f.graph.kind === "conflicts");
  if (conflicting.length > 0) {
    root.set(
      "conflicts",
      node(
        conflicting.map((f) => ({
          facts: [keys.get(f), f.graph.kind === "new" ? "" : f.graph.fact],
          note: `CURATOR: ${id} states ${f.value}; the graph's fact states ${f.graph.kind === "new" ? "" : f.graph.value} for the same period. Say which, if either, is right.`,
        })),
      ),
    );
  }
  if (draft.skips.length > 0) {
    root.set(
      "skips",
      node(
        draft.skips.map((s) => ({ document: id, raw: s.raw, start: s.start, reason: s.reason })),
      ),
    );
  }

  // Comments: each figure's proposals and what is unsettled, above its entry.
  const withComments = (section: string, items: DraftFigure[]) => {
    const seq = root.get(section, true);
    if (!isSeq(seq)) return;
    seq.items.forEach((node, i) => {
      const f = items[i];
      if (f && isMap(node)) node.commentBefore = comment(f);
    });
  };
  withComments("facts", newFigures);
  withComments("corroborations", corroborating);
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
