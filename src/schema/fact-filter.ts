import { builder } from "../builder.js";
import type { Db } from "../db/db.js";
import { type FactFilterInput } from "../loaders/fact-filter.js";
import type { FactFilter as FactFilterShape } from "../loaders/facts.js";
import { namedKeys, requireNamed } from "../loaders/named.js";
import { Statistic } from "./fact-enums.js";

export const FactFilter = builder.inputType("FactFilter", {
  description:
    "Narrows a list of facts; all given conditions must hold. A key (or id) that names nothing is a NOT_FOUND error naming the field (e.g. `filter.about`), not an empty list.",
  fields: (t) => ({
    variable: t.string({
      required: false,
      description: "The key (or global id) of the variable measured.",
    }),
    about: t.string({
      required: false,
      description: "The key (or global id) of the entity the facts are about.",
    }),
    scope: t.string({
      required: false,
      description: "The key (or global id) of the program/organization the facts are scoped to.",
    }),
    period: t.string({
      required: false,
      description:
        "The key (or global id) of a period: facts of that period or of periods within it.",
    }),
    document: t.string({
      required: false,
      description: "The key (or global id) of a document that a citation of the fact quotes.",
    }),
    statistic: t.field({
      type: Statistic,
      required: false,
      description: "Only this kind of statistic.",
    }),
    garbled: t.boolean({
      required: false,
      description: "Only facts with (true) or without (false) a garbled citation.",
    }),
    includeDeprecated: t.boolean({
      required: false,
      defaultValue: false,
      description: "Include deprecated facts (hidden by default).",
    }),
  }),
});

/**
 * Rejects with NOT_FOUND, naming the field (`filter.about`...), when a key of the filter names
 * nothing. Called when a list came back empty: a list with items proves its keys exist.
 */
export function requireFactFilterKeys(
  db: Db,
  input: FactFilterInput,
  filter: FactFilterShape,
): Promise<void> {
  return requireNamed(
    db,
    namedKeys(
      {
        argument: "filter.variable",
        named: "variable",
        key: filter.variable,
        given: input?.variable,
      },
      { argument: "filter.about", named: "entity", key: filter.about, given: input?.about },
      { argument: "filter.scope", named: "entity", key: filter.scope, given: input?.scope },
      { argument: "filter.period", named: "period", key: filter.period, given: input?.period },
      {
        argument: "filter.document",
        named: "document",
        key: filter.document,
        given: input?.document,
      },
    ),
  );
}
