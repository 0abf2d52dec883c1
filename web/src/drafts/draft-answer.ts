// The draft as the API gives it (`/drafts`), and the curator's edit of a figure typed with the
// API's vocabularies (src/draft/figure-edit.ts); src/draft/facts-file.ts, the server's own
// builder, turns them into the facts file that the view sends once, on "Commit".
import {
  factKeyOf,
  type FigureEdit as AnyFigureEdit,
  initialEdit,
} from "../../../src/draft/figure-edit";
import { namesOf, QUALIFIER, STATISTIC, UNIT } from "../../../src/model/vocabulary";
import type { Qualifier, Statistic, Unit } from "../format";
import type { ResultOf } from "../graphql";
import type { DraftQuery } from "../queries";

export type DraftAnswer = ResultOf<typeof DraftQuery>;
export type Draft = DraftAnswer["draft"];
export type DraftFigure = Draft["figures"][number];
export type GraphMatchKind = DraftFigure["graph"]["kind"];
export type FigureEdit = AnyFigureEdit<Statistic, Qualifier, Unit>;

// The choices of the curator's fields: the domain's vocabularies, written once (src/model/).
export const STATISTICS: readonly Statistic[] = namesOf(STATISTIC);
export const QUALIFIERS: readonly Qualifier[] = namesOf(QUALIFIER);
export const UNITS: readonly Unit[] = namesOf(UNIT);

/** The fields a curator corrects, for "corrected" and for a reset. */
export const FIELDS = [
  "about",
  "variable",
  "scope",
  "period",
  "comparedTo",
  "statistic",
  "qualifier",
  "unit",
  "value",
  "quote",
] as const satisfies readonly (keyof FigureEdit)[];

/** Whether the curator changed what the drafter proposed. */
export function isCorrected(draft: Pick<Draft, "id">, f: DraftFigure, edit: FigureEdit): boolean {
  const proposed = initialEdit(draft, f);
  if (edit.key !== undefined && edit.key !== factKeyOf(draft.id, f, { ...edit, key: undefined }))
    return true;
  if (JSON.stringify(edit.newEntity ?? null) !== JSON.stringify(proposed.newEntity)) return true;
  return FIELDS.some((field) => edit[field] !== proposed[field]);
}
