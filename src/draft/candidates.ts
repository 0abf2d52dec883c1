import type { EntityKind, Language } from "../model/vocabulary.js";
import type { DraftEntity } from "./draft-graph.js";
import type { GraphAround } from "./graph-around.js";
import type { IndexedLabel, LabelIndex } from "./label-index.js";
import type { Candidate } from "./match.js";
import type { NounPhrase } from "./noun-phrase.js";

/**
 * The entities a figure may be about, ranked as a reader ranks them: by the head noun of the
 * words after it and its modifiers (found through the label index, both languages' analysis),
 * by the subject of its sentence, paragraph or document and what the graph says that subject
 * operates or provides, and by the graph's facts (the same value held for a candidate at another
 * date). A name that only shares a word with the head ("Hospital discharge" for "hospitals") is
 * not a candidate. When the head names a kind of facility and no entity's name fits it, the
 * figure is about something the graph lacks (`propose`).
 */

export interface AboutContext {
  language: Language;
  index: LabelIndex;
  around: GraphAround;
  entities: Map<string, DraftEntity>;
}

/** A head-matched candidate's score from its words alone, below which a facility head is new. */
const FITS = 0.45;

export interface Ranked {
  about: Candidate[];
  /** The head names a facility and nothing fits it: propose a new entity of this kind. */
  propose: EntityKind | null;
}

/**
 * Ranks a figure's candidates: `found` are the names in its words (Matcher.entities), `phrase`
 * its noun phrase, `subjects` the organizations and programs it may belong to (nearest first).
 */
export function rankAbout(
  c: AboutContext,
  found: Candidate[],
  phrase: NounPhrase | null,
  subjects: string[],
  value: number | null,
): Ranked {
  if (!phrase) return { about: withEvidence(c, found, subjects, value, false), propose: null };
  const headed = headCandidates(c, phrase);
  const byHead = headed.filter((h) => h.score >= FITS);
  if (byHead.length === 0) {
    if (isFacilityHead(c, phrase)) return { about: [], propose: "FacilityType" };
    // A name with the figure's head whose modifiers the figure contradicts is not it ("health
    // workers" are no "Domestic Workers"), nor is one that shares other words of the figure's
    // but not its head ("Health Brigade"); a name found whole, or before the figure, may be.
    const contradicted = new Set(headed.map((h) => h.key));
    const left = found.filter(
      (f) => f.score >= 0.6 || (!contradicted.has(f.key) && !sharesOtherWords(c, f.key, phrase)),
    );
    return { about: withEvidence(c, left, subjects, value, false), propose: null };
  }
  // Names found in the words that hold the head too stay (with the better of both scores);
  // names that only share other words with the figure go.
  const scores = new Map(byHead.map((h) => [h.key, h]));
  for (const f of found) {
    const head = scores.get(f.key);
    if (head) {
      if (f.score > head.score) scores.set(f.key, { ...f, why: `${f.why}; ${head.why}` });
    } else if (f.score >= 0.6 && holdsHead(c, f.key, phrase)) scores.set(f.key, f);
  }
  return { about: withEvidence(c, [...scores.values()], subjects, value, true), propose: null };
}

/** Entities whose label has the figure's head as its own head, scored by their modifiers. */
function headCandidates(c: AboutContext, phrase: NounPhrase): Candidate[] {
  const head = phrase.head.term as string;
  const modifiers = phrase.modifiers.flatMap((t) => (t.term ? [t.term] : []));
  const best = new Map<string, Candidate>();
  for (const key of c.index.lookup(phrase.head.word, c.language)) {
    const kind = c.entities.get(key)?.kind;
    if (!kind || kind === "TimePeriod" || kind === "Place") continue;
    for (const label of c.index.labelsIn(key, c.language)) {
      if (label.head !== head) continue;
      const score = modifierScore(label, modifiers, phrase);
      const old = best.get(key);
      if (!old || score > old.score)
        best.set(key, { key, score, why: `"${phrase.head.word}" is the head of "${label.text}"` });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/**
 * How well a label's modifiers agree with the figure's: those of the label found in the
 * figure's words raise it, those found in its paragraph before it a little ("the rural
 * population ... 3,622 medical units"); the figure's own modifiers that the label lacks lower it
 * ("mobile units" is not a "Rural Medical Unit").
 */
function modifierScore(label: IndexedLabel, modifiers: string[], phrase: NounPhrase): number {
  const own = label.terms.filter((t) => t !== label.head);
  const matched = own.filter((t) => phrase.terms.has(t)).length;
  const near = own.filter((t) => !phrase.terms.has(t) && phrase.context().has(t)).length;
  const extra = modifiers.filter((m) => !label.terms.includes(m)).length;
  return (
    FITS + 0.3 * (own.length ? matched / own.length : 1) + Math.min(0.1, 0.05 * near) - 0.15 * extra
  );
}

/** Whether a name holds words of the figure's but not its head. */
function sharesOtherWords(c: AboutContext, key: string, phrase: NounPhrase): boolean {
  const labels = c.index.labelsIn(key, c.language);
  return !holdsHead(c, key, phrase) && labels.some((l) => l.terms.some((t) => phrase.terms.has(t)));
}

function holdsHead(c: AboutContext, key: string, phrase: NounPhrase): boolean {
  return c.index.labelsIn(key, c.language).some((l) => l.terms.includes(phrase.head.term ?? ""));
}

/**
 * Whether the head names a kind of facility: it is the head of a facility type's label, or one
 * of the words a new kind of unit is named with.
 */
function isFacilityHead(c: AboutContext, phrase: NounPhrase): boolean {
  const head = phrase.head.term as string;
  if (FACILITY_HEADS[c.language].has(head)) return true;
  for (const key of c.index.lookup(phrase.head.word, c.language))
    if (c.entities.get(key)?.kind === "FacilityType")
      if (c.index.labelsIn(key, c.language).some((l) => l.head === head)) return true;
  return false;
}

/** Heads (as each index stems them) that name a kind of facility, whether the graph has one or not. */
const FACILITY_HEADS: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    "clinic",
    "hospit",
    "unit",
    "center",
    "centr",
    "modul",
    "offic",
    "pharmaci",
    "laboratori",
    "dispensari",
  ]),
  es: new Set([
    "clinic",
    "hospital",
    "unidad",
    "centr",
    "modul",
    "oficin",
    "farmaci",
    "laboratori",
    "consultori",
    "dispensari",
  ]),
};

/**
 * The candidates raised by what the graph says around the figure: a subject that operates or
 * provides the candidate (the nearest counts most), one that only others operate, and a fact the
 * graph holds for the candidate with the figure's value (at another date: a restatement).
 */
function withEvidence(
  c: AboutContext,
  candidates: Candidate[],
  subjects: string[],
  value: number | null,
  bySubject: boolean,
): Candidate[] {
  const nearest = subjects[0];
  const ranked = candidates.map((cand) => {
    let { score, why } = cand;
    if (bySubject && nearest) {
      const operator = subjects.find((s) => c.around.operates(s, cand.key));
      if (operator === nearest) {
        score += 0.15;
        why += `; ${nearest} operates or provides it`;
      } else if (operator) {
        score += 0.05;
        why += `; ${operator} operates or provides it`;
      } else if (c.around.operatedByOthers(nearest, cand.key)) {
        score -= 0.1;
        why += `; others than ${nearest} operate it`;
      }
    }
    const held =
      value === null ? undefined : c.around.factsAbout(cand.key).find((f) => f.value === value);
    if (held) {
      score += 0.25;
      why += `; the graph holds ${value} for it (${held.variable}, ${held.period}: ${held.key})`;
    }
    return { key: cand.key, score: Math.max(0, Math.min(1, score)), why };
  });
  // A stable sort: candidates of equal score keep the order they came in.
  return ranked.sort((a, b) => b.score - a.score).slice(0, 3);
}
