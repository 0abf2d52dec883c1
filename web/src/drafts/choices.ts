// What a curator may pick from in the review of a draft: every period, entity and variable, with
// its names in both languages (the EN | ES switch changes the names shown without a request).
import { newPeriodsOf, periodNames } from "../../../src/draft/facts-file";
import type { Lang } from "../lang";
import type { DraftAnswer } from "./draft-answer";

/** A key with its names in both languages. */
export interface Named {
  key: string;
  kind?: string;
  name: string;
  nameEs: string;
}

export const nameIn = (lang: Lang, n: Pick<Named, "name" | "nameEs">) =>
  lang === "ES" ? n.nameEs : n.name;

/** What a curator may pick instead of the proposals: every period, entity and variable. */
export interface Choices {
  periods: Named[];
  things: Named[];
  variables: Named[];
  /** Every key above, and the candidates', with its names. */
  byKey: Map<string, Named>;
}

export function choicesOf(answer: DraftAnswer): Choices {
  const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);
  // Lists are null only beside an error, which `request` turns into an ApiError.
  const periods = (answer.periods?.edges ?? []).map((e) => e.node).sort(byName);
  const things = (answer.things?.edges ?? []).map((e) => e.node).sort(byName);
  const variables = [...answer.variables].sort(byName);
  const byKey = new Map<string, Named>();
  for (const n of [...periods, ...things, ...variables]) byKey.set(n.key, n);
  for (const f of answer.draft.figures) {
    for (const c of f.about) byKey.set(c.key, { key: c.key, ...c.entity });
    for (const c of f.variable) byKey.set(c.key, { key: c.key, ...c.variable });
  }
  for (const p of newPeriodsOf(answer.draft).values()) {
    const names = periodNames(p);
    byKey.set(p.key, { key: p.key, kind: "TIME_PERIOD", name: names.en, nameEs: names.es });
  }
  return { periods, things, variables, byKey };
}
