import type { Language, Statistic } from "../model/vocabulary.js";
import { foldText } from "../text/fold.js";
import type { Drafting, DraftFigure } from "./draft.js";
import { compareWithGraph } from "./graph-match.js";
import { clauseEnd } from "./sentences.js";

/**
 * The percents of a draft: a percentage is progress towards a target ("73 por ciento de avance de
 * la meta", "89 per cent of the target") or a share of a total ("64 percent of the
 * consultations", "el 38% de ellas"), linked to what it is a percent of where the words say so:
 * another figure of the draft, or a fact of the graph.
 */

/** What a percent is a percent of: a figure of the draft (its index) or a graph fact, and the words. */
export interface PercentOf {
  figure: number | null;
  fact: string | null;
  words: string;
}

export const TARGET_PROGRESS = "target-progress";
export const SHARE_OF_TOTAL = "share-of-total";

/** Words after a percent that make it progress towards a target (folded). */
const PROGRESS: Record<Language, RegExp> = {
  en: /\b(progress|advance|complet|of (the|its|their|that|this|our) ([a-z]+ )?(goal|target))/,
  es: /\b(avance|cumplimiento|de (la|su|esta|dicha) meta|del objetivo|de lo programado)/,
};
/** The words that name the target a percent is of (folded). */
const OF_TARGET: Record<Language, RegExp> = {
  en: /\bof (the|its|their|that|this|our) ([a-z]+ )?(goal|target)( for (that|this|the) year)?/,
  es: /\b(de (la|su|esta|dicha) meta( anual| de [0-9]{4})?|del objetivo)/,
};
/** "of the consultations", "de ellas": what a share is of, right after the percent (folded). */
const OF_TOTAL: Record<Language, RegExp> = {
  en: /^\s*(of\s+(the|those|these|them|it|this|all)\b(\s+[a-z]+)?)/,
  es: /^\s*(de\s+(las|los|la|el|ellas|ellos|estas|estos|este|esta|dichas|dichos|todas|todos)\b(\s+[a-z]+)?)/,
};
/** Pronouns: the total is the figure just before. */
const PRONOUN = /^(them|it|this|those|these|ellas|ellos|estas|estos|este|esta|dichas|dichos)$/;

/** The percent sign or words right after a number ("%", "por ciento", "percent", "per cent"). */
const PERCENT_AFTER = /^[ \t\u00a0]*-?(%|por\s+ciento|per\s?cent)(?![\p{L}])/iu;

/** The words of a percent's clause after its number, and where they start. */
function tailOf(d: Drafting, f: DraftFigure): { text: string; folded: string } {
  const text = d.doc.text;
  const from =
    f.numberEnd + (PERCENT_AFTER.exec(text.slice(f.numberEnd, f.numberEnd + 20))?.[0].length ?? 0);
  const end = clauseEnd(text, from, Math.min(text.length, from + 160));
  const words = text.slice(from, end);
  return { text: words, folded: foldText(words) };
}

/** Where the clause of a figure starts: after the punctuation before it (as sentences.ts cuts). */
function clauseStartOf(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    const c = text[i] as string;
    if (";:.\n".includes(c)) return i + 1;
    if (c === "," && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))) return i + 1;
  }
  return 0;
}

/**
 * A goal's period is the year its own clause names ("y se prevé que en 2022 ... lleguen a"),
 * when the graph has it, rather than the sentence's first year.
 */
export function periodOfTargets(d: Drafting, figures: DraftFigure[]): void {
  for (const f of figures) {
    if (f.statistic !== "target") continue;
    const from = clauseStartOf(d.doc.text, f.numberStart);
    const year = d.numbers.find(
      (n) => n.kind === "year" && n.start >= from && n.end <= f.numberStart,
    );
    const key = year ? `year-${year.value}` : undefined;
    if (!key || f.period[0]?.key === key || !d.entities.has(key)) continue;
    f.period = [{ key, score: 0.8, why: "the year the goal's clause names" }, ...f.period].slice(
      0,
      3,
    );
    f.newPeriod = null;
    f.unsettled = f.unsettled.filter((u) => !u.startsWith("period:"));
    f.graph = compareWithGraph(f, d);
  }
}

/**
 * Makes each percent of the draft a fact of target-progress or share-of-total, with its
 * percentOf; every other figure's percentOf is null. A percent is never a target itself.
 */
export function linkPercents(d: Drafting, figures: DraftFigure[]): void {
  periodOfTargets(d, figures);
  figures.forEach((f, i) => {
    if (!PERCENT_AFTER.test(d.doc.text.slice(f.numberEnd, f.numberEnd + 20))) return;
    f.unit = "percent";
    const language = d.doc.language;
    const tail = tailOf(d, f);
    const progress = PROGRESS[language].test(tail.folded);
    const sentence = d.sentences.of(f.numberStart).index;
    const before = figures
      .slice(0, i)
      .map((g, index) => ({ g, index }))
      .filter(({ g }) => g.unit !== "percent")
      .reverse();
    const achievement = before.find(
      ({ g }) => g.statistic !== "target" && d.sentences.of(g.numberStart).index === sentence,
    );
    if (progress) {
      const target = before.find(({ g }) => g.statistic === "target" && within(d, f, g));
      const words = OF_TARGET[language].exec(tail.folded);
      const inGraph = target ? null : targetInGraph(d, f);
      f.percentOf =
        target || inGraph
          ? {
              figure: target?.index ?? null,
              fact: inGraph?.fact ?? null,
              words: wordsAt(tail, words),
            }
          : null;
      if (f.about.length === 0 && inGraph) {
        f.about = [{ key: inGraph.about, score: 0.6, why: "what the graph's goal is of" }];
        f.unsettled = f.unsettled.filter((u) => !u.startsWith("about:"));
      }
      // Progress is towards the goal: of what the goal is of.
      if (target?.g.about[0])
        f.about = [
          { ...target.g.about[0], why: "what the goal it is progress towards is of" },
          ...f.about.filter((c) => c.key !== target.g.about[0]?.key),
        ].slice(0, 3);
      settle(
        f,
        TARGET_PROGRESS,
        achievement?.g.statistic ?? "cumulative",
        "the words say progress",
      );
    } else {
      const of = OF_TOTAL[language].exec(tail.folded);
      // "de ellas": a pronoun names the figure before; the words after it are not its noun.
      const pronoun = of && PRONOUN.test(of[2] ?? "");
      if (of && pronoun) of[0] = of[0].slice(0, of[0].length - (of[3]?.length ?? 0));
      const noun = pronoun ? undefined : of?.[3]?.trim();
      const total = of ? totalOf(d, before, sentence, noun) : undefined;
      f.percentOf =
        of && total ? { figure: total.index, fact: null, words: wordsAt(tail, of) } : null;
      const statistic = total?.g.statistic ?? (f.statistic === "target" ? "total" : f.statistic);
      settle(f, SHARE_OF_TOTAL, statistic, "a percentage of a total");
    }
    if (f.percentOf === null && !progress && OF_TOTAL[language].test(tail.folded))
      f.unsettled.push("percentOf: the words say it is a percent of a total the draft lacks");
    if (f.percentOf === null && progress)
      f.unsettled.push("percentOf: a target the draft and the graph lack");
    f.graph = compareWithGraph(f, d);
  });
}

/** The variable, statistic and unit of a percent; the percent variable proposed first. */
function settle(f: DraftFigure, variable: string, statistic: Statistic, why: string): void {
  f.variable = [
    { key: variable, score: 0.8, why },
    ...f.variable.filter((c) => c.key !== variable),
  ].slice(0, 3);
  f.statistic = statistic;
  f.unsettled = f.unsettled.filter((u) => !u.startsWith("variable:"));
  f.confidence = Math.min(
    f.about[0]?.score ?? 0,
    0.8,
    f.period[0]?.score ?? (f.newPeriod ? 0.5 : 0),
  );
}

/** The text of the tail that a match of its folded form covers (folding keeps offsets in Latin text). */
function wordsAt(tail: { text: string }, m: RegExpExecArray | null): string {
  if (!m) return "";
  const start = m.index + (m[0].length - m[0].trimStart().length);
  return tail.text.slice(start, m.index + m[0].length).trim();
}

/**
 * The total a share is of: the figure just before (a pronoun: "de ellas"), else the nearest
 * figure before it, in its sentence or the one before, whose quote names the noun ("of the
 * consultations"), else the nearest one in its sentence.
 */
function totalOf(
  d: Drafting,
  before: { g: DraftFigure; index: number }[],
  sentence: number,
  noun: string | undefined,
): { g: DraftFigure; index: number } | undefined {
  const near = before.filter(
    ({ g }) => g.statistic !== "target" && d.sentences.of(g.numberStart).index >= sentence - 1,
  );
  if (!noun) return near[0];
  const stem = noun.slice(0, Math.max(4, noun.length - 2));
  return (
    near.find(({ g }) => foldText(g.quote).includes(stem)) ??
    near.find(({ g }) => d.sentences.of(g.numberStart).index === sentence)
  );
}

/** A figure's period as dates: its graph period's, or the new one it proposes. */
function spanOf(d: Drafting, f: DraftFigure): { start?: string; end?: string } {
  const key = f.period[0]?.key;
  const known = key ? d.entities.get(key) : undefined;
  return known ?? f.newPeriod ?? {};
}

/** Whether progress `f` lies within the period of goal `g` (when both are known). */
function within(d: Drafting, f: DraftFigure, g: DraftFigure): boolean {
  const p = spanOf(d, f);
  const t = spanOf(d, g);
  if (!p.start || !p.end || !t.start || !t.end) return true;
  return t.start <= p.start && p.end <= t.end;
}

/**
 * A target of the graph the progress may be towards: of its entity, or (when the words name
 * none after the figure) of an entity its sentence names; the one of its period first.
 */
function targetInGraph(d: Drafting, f: DraftFigure): { fact: string; about: string } | null {
  const about = f.about[0]?.key;
  const { span } = d.sentences.of(f.numberStart);
  const sentence = foldText(d.doc.text.slice(span.start, span.end));
  const named = (key: string) =>
    d.entities.get(key)?.labels.some((l) => sentence.includes(foldText(l.text))) === true;
  const targets = d.graph.facts.filter(
    (x) => x.statistic === "target" && (about ? x.about === about : named(x.about)),
  );
  const period = f.period[0]?.key;
  const found = targets.find((x) => x.period === period) ?? targets[0];
  return found ? { fact: found.key, about: found.about } : null;
}
