// The entities a reviewed draft adds besides its periods: each proposal of a new entity (a
// figure's `newEntity`) that an accepted figure keeps as what it is about, named as the curator
// confirmed or edited it, with its link to the figure's subject (the one the draft gives, or the
// owner that operates a new facility type). Figures proposing one key share its entry. Pure (its imports are too): esbuild bundles it into the
// explorer.
import { ENTITY_KIND, type EntityKind } from "../model/vocabulary.js";
import type { FactsFile } from "./facts-file.js";
import {
  acceptedEntity,
  type DraftedFigure,
  type FigureEdit,
  type NewEntity,
  type NewEntityEdit,
} from "./figure-edit.js";

type Fact = NonNullable<FactsFile["facts"]>[number];
type EntityEntry = NonNullable<FactsFile["entities"]>[number];

/** A link of a new entity, as the seed format writes a relation. */
export interface RelationEntry {
  from: string;
  type: string;
  to: string;
  /** The fact that gives the link's figure, and when the link holds. */
  fact?: string;
  period?: string;
  source?: { document: string; quote: string; start: number };
}

/** The kinds a proposal may have: every kind but TimePeriod (a new period is a `newPeriod`). */
export const PROPOSED_KINDS = Object.values(ENTITY_KIND)
  .map((k) => k.value)
  .filter((k) => k !== "TimePeriod");

/** The seed format's kind (FacilityType) of a kind in either spelling, or undefined. */
export function entityKindOf(kind: string): EntityKind | undefined {
  const named = (ENTITY_KIND as Record<string, { value: EntityKind }>)[kind.trim()];
  if (named) return named.value;
  return Object.values(ENTITY_KIND).find((k) => k.value === kind.trim())?.value;
}

/** The new entities a draft proposes (each figure's proposal), by the key drafted. */
export function newEntitiesOf<E extends NewEntity>(draft: {
  figures: readonly { newEntity?: E | null }[];
}): Map<string, E> {
  const proposals = new Map<string, E>();
  for (const f of draft.figures)
    if (f.newEntity && !proposals.has(f.newEntity.key)) proposals.set(f.newEntity.key, f.newEntity);
  return proposals;
}

/** A figure's accepted fact, as the facts file has it, with the curator's edit. */
export interface Made {
  figure: DraftedFigure;
  edit: FigureEdit;
  fact: Fact;
}

/** What keeps a used proposal from being sent, naming the first figure that uses it. */
function problemsOf(figure: DraftedFigure, e: NewEntityEdit): string[] {
  const label = `Figure ${figure.index + 1} ("${figure.quote}"): its new entity`;
  const problems: string[] = [];
  if (!e.key.trim()) problems.push(`${label} needs a key.`);
  if (!entityKindOf(e.kind))
    problems.push(
      `${label} "${e.key}" has the kind "${e.kind}", which is none of ${PROPOSED_KINDS.join(", ")}.`,
    );
  else if (entityKindOf(e.kind) === "TimePeriod")
    problems.push(`${label} "${e.key}" cannot be a TimePeriod: a new period is added as a period.`);
  if (!e.en.trim() || !e.es.trim())
    problems.push(`${label} "${e.key}" needs an English and a Spanish name.`);
  return problems;
}

/** The variable of a count of facilities, the figure an OPERATES link carries (as in the seeds). */
const FACILITY_COUNT = "facility-count";

/** A link sourced by a fact's words, carrying its figure and period when `counted`. */
function linkOf(from: string, type: string, to: string, fact: Fact, counted: boolean) {
  const c = fact.citations[0];
  return {
    from,
    type,
    to,
    ...(counted ? { fact: fact.key, period: fact.period } : {}),
    ...(c ? { source: { document: c.document, quote: c.quote, start: c.start } } : {}),
  };
}

/**
 * The link of a new entity (under the curator's key and kind): the one the proposal gives, sourced by the
 * first fact that uses the entity (an OPERATES or LOCATED_IN link carrying a count of it, as the
 * curated seeds do); else, for a facility type, its owner OPERATES it when a count of it is
 * scoped to that owner.
 */
function relationOf(
  proposal: NewEntity,
  e: NewEntityEdit,
  made: readonly Made[],
): RelationEntry | undefined {
  const key = e.key.trim();
  const r = proposal.relation;
  if (r) {
    const fact = made.find((m) => m.fact.about === key || m.fact.scope === key)?.fact;
    if (!fact) return undefined;
    const end = (k: string) => (k === proposal.key ? key : k);
    const [from, to] = [end(r.from), end(r.to)];
    const counts =
      r.type === "OPERATES" ? fact.variable === FACILITY_COUNT : r.type === "LOCATED_IN";
    return linkOf(from, r.type, to, fact, counts && (fact.about === from || fact.about === to));
  }
  if (entityKindOf(e.kind) !== "FacilityType") return undefined;
  const count = made.find(
    (m) => m.fact.about === key && m.fact.variable === FACILITY_COUNT && m.fact.scope,
  )?.fact;
  return count && linkOf(count.scope as string, "OPERATES", key, count, true);
}

/**
 * The entries of the proposals that accepted figures keep (their `about` is the proposal's key),
 * each once under the key the curator gave it (the first such figure's version), with their
 * links, and what keeps them from being sent.
 */
export function proposedEntities(
  draftId: string,
  made: readonly Made[],
): { entities: EntityEntry[]; relations: RelationEntry[]; problems: string[] } {
  const entities: EntityEntry[] = [];
  const relations: RelationEntry[] = [];
  const problems: string[] = [];
  const added = new Set<string>();
  for (const { figure, edit } of made) {
    const e = acceptedEntity(edit);
    const proposal = figure.newEntity;
    const key = e?.key.trim() ?? "";
    if (!e || !proposal || added.has(key)) continue;
    added.add(key);
    problems.push(...problemsOf(figure, e));
    entities.push({
      key,
      kind: entityKindOf(e.kind) ?? e.kind.trim(),
      labels: [
        { text: e.en.trim(), language: "en", kind: "preferred", from: "curated" },
        { text: e.es.trim(), language: "es", kind: "preferred", from: "curated" },
      ],
      description: `Proposed with ${draftId}, from the words "${proposal.words}"; named by the curator.`,
    });
    const relation = relationOf(proposal, e, made);
    if (relation) relations.push(relation);
  }
  return { entities, relations, problems };
}
