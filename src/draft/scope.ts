import type { DraftEntity } from "./draft-graph.js";
import type { GraphAround } from "./graph-around.js";

/**
 * Whose figure it is (a fact's `scope`: an organization or program; the model takes no place
 * there, see `DraftFigure.place`). `subjects` are the organizations and programs the figure's
 * sentence, paragraph and document are about, nearest first (Subjects.around).
 *
 * - A figure about an organization or program itself (the states a program covers): the one
 *   it belongs to in the graph when the document names it, else the document's organization.
 * - Any other figure (a facility type, a service): the nearest subject that the graph says
 *   operates or provides it ("IMSS-BIENESTAR operates Rural Hospitals"), else the nearest subject.
 */
export function scopeOf(
  about: DraftEntity | undefined,
  subjects: string[],
  docOrg: string | null,
  around: GraphAround,
  named: ReadonlySet<string>,
): string | null {
  if (!about) return null;
  if (about.kind === "Organization" || about.kind === "Program") {
    if (about.key === docOrg) return null;
    const parent = around.parentOf(about.key);
    if (parent && named.has(parent)) return parent;
    return docOrg && docOrg !== about.key ? docOrg : null;
  }
  const others = subjects.filter((s) => s !== about.key);
  return others.find((s) => around.operates(s, about.key)) ?? others[0] ?? null;
}
