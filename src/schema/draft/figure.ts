import { builder } from "../../builder.js";
import type { DraftFigure } from "../../draft/draft.js";
import { Qualifier, Statistic, Unit } from "../fact-enums.js";
import { DraftCandidate } from "./candidate.js";
import { EntityCandidate } from "./entity-candidate.js";
import { DraftGraphMatch } from "./graph-match.js";
import { NewEntity } from "./new-entity.js";
import { NewPeriod } from "./new-period.js";
import { VariableCandidate } from "./variable-candidate.js";

export const DraftedFigure = builder
  .objectRef<DraftFigure & { index: number; key: string }>("DraftFigure")
  .implement({
    description: "A figure of the document, with what the drafter proposes for it.",
    fields: (t) => ({
      index: t.exposeInt("index", {
        description: "Its place among the draft's figures (0-based).",
      }),
      key: t.exposeString("key", { description: "The fact key the draft gives it." }),
      value: t.exposeFloat("value", {
        nullable: true,
        description: "The value (null when unreadable).",
      }),
      raw: t.exposeString("raw", { description: "The number's words." }),
      quote: t.exposeString("quote", { description: "The words that state it." }),
      start: t.exposeInt("start", { description: "The quote's offset in the text (UTF-16)." }),
      end: t.exposeInt("end", { description: "Where the quote ends." }),
      qualifier: t.expose("qualifier", {
        type: Qualifier,
        description: "As the words qualify it.",
      }),
      unit: t.expose("unit", { type: Unit, description: "Its unit." }),
      statistic: t.expose("statistic", { type: Statistic, description: "How it counts." }),
      about: t.expose("about", {
        type: [EntityCandidate],
        description: "Entities it may be about, best first.",
      }),
      newEntity: t.expose("newEntity", {
        type: NewEntity,
        nullable: true,
        description:
          "An entity to add, proposed instead of about's first when none of the graph's fits (about may still list weak alternatives).",
      }),
      place: t.exposeString("place", {
        nullable: true,
        description:
          'The key of the place (a state or region) the figure\'s sentence names for it, e.g. "in Jalisco": not its scope (an organization or program), for the curator to keep as a note or a LOCATED_IN relation of what it is about.',
      }),
      variable: t.expose("variable", {
        type: [VariableCandidate],
        description: "Variables it may measure, best first.",
      }),
      period: t.expose("period", {
        type: [DraftCandidate],
        description: "Periods of the graph it may hold in, best first.",
      }),
      newPeriod: t.expose("newPeriod", {
        type: NewPeriod,
        nullable: true,
        description: "A period to add, when none of the graph's fits.",
      }),
      scope: t.exposeString("scope", {
        nullable: true,
        description: "Whose figure it is, when not its entity's.",
      }),
      comparedTo: t.exposeString("comparedTo", {
        nullable: true,
        description: "For an increase: the period it is compared with.",
      }),
      confidence: t.exposeFloat("confidence", {
        description: "How sure the drafter is of the whole figure (0 to 1).",
      }),
      unsettled: t.exposeStringList("unsettled", {
        description: "What the curator must settle (empty when sure).",
      }),
      graph: t.expose("graph", {
        type: DraftGraphMatch,
        description: "What the graph already says.",
      }),
    }),
  });
