import type { EntityKind, Language, Unit } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import type { DraftEntity, DraftGraph, DraftVariable } from "./draft-graph.js";
import { type Before, type Named, SentenceWords } from "./sentence-words.js";
import { nameStems, type Word } from "./words.js";

/** A name of an entity found in a text, at its offsets. */
export interface Mention {
  key: string;
  kind: EntityKind;
  label: string;
  start: number;
  end: number;
}

/** A proposed key with how sure the drafter is (0 to 1) and why. */
export interface Candidate {
  key: string;
  score: number;
  why: string;
}

/**
 * Figures a count usually has, best first: a service or a facility is counted far more often
 * than a condition or a place is. Breaks ties between names that match equally well.
 */
const KIND_ORDER: EntityKind[] = [
  "Service",
  "FacilityType",
  "Program",
  "Organization",
  "Person",
  "Condition",
  "Place",
];

/**
 * Finds the entities and variables whose labels (in any language, stemmed as the document's
 * language) are in the words around a figure.
 */
export class Matcher {
  private readonly entityNames: Named<DraftEntity>[];
  private readonly variableNames: Named<DraftVariable>[];
  /** Indexes in entityNames of the names that start with each stem. */
  private readonly namesByFirstStem = new Map<string, number[]>();

  constructor(
    private readonly graph: DraftGraph,
    private readonly language: Language,
  ) {
    this.entityNames = graph.entities
      .filter((e) => e.kind !== "TimePeriod")
      .flatMap((e) => e.labels.map((l) => this.named(e, l.text)));
    this.variableNames = graph.variables.flatMap((v) => v.labels.map((l) => this.named(v, l.text)));
    this.entityNames.forEach((n, i) => {
      const first = n.stems[0];
      if (first === undefined) return;
      const list = this.namesByFirstStem.get(first);
      if (list) list.push(i);
      else this.namesByFirstStem.set(first, [i]);
    });
  }

  private named<T>(item: T, label: string): Named<T> {
    return { item, label, stems: [...new Set(nameStems(label, this.language))] };
  }

  hasVariableWithUnit(unit: string): boolean {
    return this.graph.variables.some((v) => v.unit === unit);
  }

  /**
   * The entities named in the words after a figure, best first (three at most). `carried` words
   * (a list's head word, "detections" in "... detections of diabetes, 1,234 of hypertension")
   * come first in `phrase`; a name they alone make up does not count. When the best name is a
   * condition and the sentence before the figure holds the rest of a service's name that
   * contains it ("the detection of ... 5.9 million from diabetes"), the service comes first: a
   * condition is what a service detects or treats, and the service is what is counted.
   */
  entities(phrase: Word[], before: Before, carried = 0): Candidate[] {
    const stems = phrase.filter((w) => !w.stop).map((w) => w.stem);
    const best = new Map<string, { score: number; why: string; kind: EntityKind }>();
    const put = (key: string, score: number, why: string, kind: EntityKind) => {
      const old = best.get(key);
      if (!old || score > old.score) best.set(key, { score, why, kind });
    };
    for (const n of this.entityNames) {
      if (carried > 0 && n.stems.every((st) => stems.indexOf(st) < carried)) continue;
      const s = scoreName(n.stems, stems) - (n.item.kind === "Condition" ? 0.05 : 0);
      if (s > 0) put(n.item.key, s, `"${n.label}" in the words`, n.item.kind);
    }
    const ranked = () =>
      [...best.entries()].sort(
        ([ka, a], [kb, b]) =>
          b.score - a.score ||
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
          ka.localeCompare(kb),
      );
    const top = ranked()[0];
    if (top && top[1].kind === "Condition") {
      const condition = this.entityNames.filter((n) => n.item.key === top[0]).map((n) => n.stems);
      const inContext = (st: string) => stems.includes(st) || before.hasStem(st);
      for (const n of this.entityNames) {
        if (n.item.kind !== "Service") continue;
        const holds = condition.some((c) => c.length > 0 && c.every((st) => n.stems.includes(st)));
        if (holds && n.stems.every(inContext))
          put(
            n.item.key,
            top[1].score + 0.06,
            `"${n.label}": the sentence's service for ${top[0]}`,
            "Service",
          );
      }
    }
    return ranked()
      .slice(0, 3)
      .map(([key, { score, why }]) => ({ key, score: Math.min(1, score), why }));
  }

  /** The entity named last in the words before a figure (its sentence), any kind but a period or place. */
  namedLast(before: Before): Candidate | undefined {
    const found = before.last;
    if (!found) return undefined;
    const n = this.entityNames[found.name] as Named<DraftEntity>;
    return { key: n.item.key, score: 0.5, why: `"${n.label}" named before the figure` };
  }

  /**
   * The variable of a figure: one whose name is in the words after it (then the figure is about
   * whoever the sentence names: "146,000 nurses"), else one in the unit's terms ("pesos"), else
   * the one whose name names the entity's kind ("Services delivered" for a Service).
   */
  variables(
    content: Word[],
    before: Before,
    unit: string | undefined,
    entity: Candidate | undefined,
    proposedKind?: EntityKind,
  ): { candidates: Candidate[]; driven: boolean; unit?: Unit } {
    const stems = content.map((w) => w.stem);
    const named = new Map<string, Candidate>();
    for (const n of this.variableNames) {
      const s = scoreName(n.stems, stems, true);
      if (s <= 0) continue;
      const old = named.get(n.item.key);
      if (!old || s > old.score)
        named.set(n.item.key, {
          key: n.item.key,
          score: Math.min(1, s),
          why: `"${n.label}" in the words`,
        });
    }
    const byName = [...named.values()].sort(
      (a, b) => b.score - a.score || a.key.localeCompare(b.key),
    );
    const unitOf = (key: string) => this.graph.variables.find((v) => v.key === key)?.unit;
    const top = byName[0];
    // A proposed entity's figure takes its variable from its kind, unless a variable is named whole.
    if (top && top.score >= (entity?.score ?? (proposedKind ? 0.6 : 0))) {
      return { candidates: byName.slice(0, 3), driven: true, unit: unitOf(top.key) };
    }
    if (unit === "pesos" || unit === "pesos-per-day") {
      const inUnit = this.graph.variables.filter((v) => v.unit === unit);
      if (inUnit.length > 0) {
        const words = new Set([...stems, ...before.lastWords(6).map((w) => w.stem)]);
        const ranked = inUnit
          .map((v) => ({
            key: v.key,
            score: inUnit.length === 1 ? 0.8 : 0.5 + 0.1 * overlap(this.stemsOf(v), words),
            why: `the only variable in ${unit}`,
          }))
          .sort((a, b) => b.score - a.score);
        return { candidates: ranked.slice(0, 3), driven: false, unit };
      }
    }
    const kind =
      proposedKind ??
      (entity ? this.graph.entities.find((e) => e.key === entity.key)?.kind : undefined);
    if (kind) {
      const kindStems = nameStems(kind.replace(/([a-z])([A-Z])/g, "$1 $2"), "en");
      const byKind = this.graph.variables
        .filter(
          (v) =>
            v.unit === "count" &&
            v.labels.some(
              (l) =>
                l.language === "en" && kindStems.some((k) => nameStems(l.text, "en").includes(k)),
            ),
        )
        .map((v) => ({ key: v.key, score: 0.7, why: `its name names ${kind}s` }));
      if (byKind.length > 0)
        return { candidates: byKind.slice(0, 3), driven: false, unit: "count" };
    }
    return { candidates: byName.slice(0, 3), driven: false };
  }

  private stemsOf(v: DraftVariable): string[] {
    return v.labels.flatMap((l) => nameStems(l.text, this.language));
  }

  /**
   * The organization named last in the words before a figure, in its sentence, else the program
   * named last: staff, collections and coverage are an organization's before a program's.
   */
  organizationBefore(before: Before): DraftEntity | undefined {
    const found = before.organization ?? before.program;
    return found && (this.entityNames[found.name] as Named<DraftEntity>).item;
  }

  /**
   * The words of a sentence, indexed once: where each entity's name occurs in them (as
   * consecutive content stems), so that what is named before each of its figures is looked up,
   * not searched for. `before(k)` is the view of its first k words.
   */
  sentence(words: Word[]): SentenceWords {
    return new SentenceWords(words, this.entityNames, this.namesByFirstStem);
  }

  /**
   * Every name of an entity of these kinds in the words, left to right, the longest at each
   * place ("IMSS-BIENESTAR program", not "IMSS"), with its offsets in the text.
   */
  mentions(words: Word[], kinds: readonly EntityKind[]): Mention[] {
    const content = words.filter((w) => !w.stop);
    const out: Mention[] = [];
    for (let i = 0; i < content.length;) {
      let best: { n: Named<DraftEntity>; length: number } | undefined;
      for (const index of this.namesByFirstStem.get((content[i] as Word).stem) ?? []) {
        const n = this.entityNames[index] as Named<DraftEntity>;
        const length = n.stems.length;
        if (length === 0 || i + length > content.length || (best && best.length >= length))
          continue;
        if (n.stems.every((st, j) => content[i + j]?.stem === st)) best = { n, length };
      }
      if (best && kinds.includes(best.n.item.kind)) {
        const last = content[i + best.length - 1] as Word;
        out.push({
          key: best.n.item.key,
          kind: best.n.item.kind,
          label: best.n.label,
          start: (content[i] as Word).start,
          end: last.end,
        });
      }
      i += best ? best.length : 1;
    }
    return out;
  }

  /** The organization a document speaks for: the one whose names it uses most. */
  mainOrganization(body: string): string | null {
    const folded = foldText(body);
    let best: { key: string; count: number } | undefined;
    for (const e of this.graph.entities) {
      if (e.kind !== "Organization") continue;
      let count = 0;
      for (const l of e.labels) {
        const name = foldText(l.text);
        if (name.length < 3) continue;
        count += folded.split(name).length - 1;
      }
      if (count > 0 && (!best || count > best.count)) best = { key: e.key, count };
    }
    return best?.key ?? null;
  }
}

/**
 * How well a name's stems are in the words: every stem of the name present scores above 0.6,
 * more for longer names and for names that start where the words start; a name half present
 * scores below 0.5. `head`: a name whose first stem is the words' first counts as half present.
 */
function scoreName(name: string[], stems: string[], head = false): number {
  if (name.length === 0 || stems.length === 0) return 0;
  const positions = name.map((s) => stems.indexOf(s));
  const matched = positions.filter((p) => p >= 0).length;
  const first = Math.min(...positions.filter((p) => p >= 0));
  if (matched === name.length) {
    const span = Math.max(...positions) - first + 1;
    return (
      0.62 +
      0.08 * Math.min(name.length, 4) -
      0.04 * Math.min(first, 5) -
      0.02 * (span - name.length)
    );
  }
  if (head && positions[0] === 0) return 0.45;
  if (matched > 0 && matched / name.length >= 0.5 && name.length > 1)
    return 0.2 + 0.2 * (matched / name.length) - 0.03 * Math.min(first, 5);
  return 0;
}

function overlap(a: string[], b: Set<string>): number {
  return a.filter((s) => b.has(s)).length;
}
