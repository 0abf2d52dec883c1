import type { Db } from "../db/db.js";
import { type LabelRows, labelsOf } from "../loaders/labels.js";
import type { SeedBundle } from "../model/bundle.js";
import type {
  EntityKind,
  Granularity,
  Qualifier,
  RelationType,
  Statistic,
  Unit,
} from "../model/vocabulary.js";
import type { Label } from "../model/entity.js";

/**
 * What the drafter knows of the graph: every entity and variable with its labels, the links
 * around an organization or program (what it runs, operates, provides, where it is), and every
 * fact (to find what a new figure corroborates or contradicts). Read once per draft, from the
 * database (`readDraftGraph`) or from a seed bundle (`draftGraphOf`, for draft:eval).
 */
export interface DraftGraph {
  entities: DraftEntity[];
  variables: DraftVariable[];
  relations: DraftRelation[];
  facts: DraftFact[];
}

/** The kinds of link the drafter reads (cypher/draft-graph.cypher lists the same). */
export const DRAFT_RELATION_TYPES = [
  "RUNS",
  "HAS_COMPONENT",
  "PART_OF",
  "OPERATES",
  "PROVIDES",
  "LOCATED_IN",
  "WITHIN",
] as const satisfies readonly RelationType[];

export interface DraftRelation {
  from: string;
  type: (typeof DRAFT_RELATION_TYPES)[number];
  to: string;
}

export interface DraftEntity {
  key: string;
  kind: EntityKind;
  labels: Pick<Label, "text" | "language" | "kind">[];
  start?: string;
  end?: string;
  granularity?: Granularity;
}

export interface DraftVariable {
  key: string;
  unit: Unit;
  labels: Pick<Label, "text" | "language" | "kind">[];
}

export interface DraftFact {
  key: string;
  variable: string;
  about: string;
  scope: string | null;
  period: string;
  statistic: Statistic;
  value: number | null;
  qualifier: Qualifier;
  quotes: { document: string; quote: string; start: number }[];
}

/** The draft graph of a seed bundle; `withFacts: false` keeps its entities and variables only. */
export function draftGraphOf(bundle: SeedBundle, withFacts = true): DraftGraph {
  return {
    entities: bundle.entities.map((e) => ({
      key: e.key,
      kind: e.kind,
      labels: e.labels,
      start: e.start,
      end: e.end,
      granularity: e.granularity,
    })),
    variables: bundle.variables.map((v) => ({ key: v.key, unit: v.unit, labels: v.labels })),
    relations: sortRelations(
      bundle.relations.flatMap((r) =>
        (DRAFT_RELATION_TYPES as readonly string[]).includes(r.type)
          ? [{ from: r.from, type: r.type as DraftRelation["type"], to: r.to }]
          : [],
      ),
    ),
    facts: withFacts
      ? bundle.facts.map((f) => ({
          key: f.key,
          variable: f.variable,
          about: f.about,
          scope: f.scope ?? null,
          period: f.period,
          statistic: f.statistic,
          value: f.value,
          qualifier: f.qualifier,
          quotes: f.citations.map((c) => ({
            document: c.document,
            quote: c.quote,
            start: c.start,
          })),
        }))
      : [],
  };
}

interface Row {
  entities: (LabelRows & {
    key: string;
    kind: EntityKind;
    start: string | null;
    end: string | null;
    granularity: Granularity | null;
  })[];
  variables: (LabelRows & { key: string; unit: Unit })[];
  relations: DraftRelation[];
  facts: DraftFact[];
}

/** The links in one order, each once (a link stated twice in the seeds is one in the graph). */
function sortRelations(relations: DraftRelation[]): DraftRelation[] {
  const seen = new Map(relations.map((r) => [`${r.from} ${r.type} ${r.to}`, r]));
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** The draft graph of the database, in one read. */
export async function readDraftGraph(db: Db): Promise<DraftGraph> {
  const [row] = await db.read<Row>("draft-graph", { relationTypes: DRAFT_RELATION_TYPES });
  const labels = (r: LabelRows) =>
    labelsOf(r).map(({ text, language, kind }) => ({ text, language, kind }));
  return {
    entities: (row?.entities ?? []).map((e) => ({
      key: e.key,
      kind: e.kind,
      labels: labels(e),
      start: e.start ?? undefined,
      end: e.end ?? undefined,
      granularity: e.granularity ?? undefined,
    })),
    variables: (row?.variables ?? []).map((v) => ({ key: v.key, unit: v.unit, labels: labels(v) })),
    relations: sortRelations(row?.relations ?? []),
    facts: row?.facts ?? [],
  };
}
