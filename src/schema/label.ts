import { builder, type Types } from "../builder.js";
import type { Context } from "../context.js";
import type { LabelRows } from "../loaders/labels.js";
import { type LabelRow, labelsOf } from "../loaders/labels.js";
import { LABEL_KIND, LABEL_SOURCE, type Language as LanguageCode } from "../model/vocabulary.js";
import { Language } from "./language.js";

export { Language };

/**
 * Names in two languages: the `Label` type and its enums, and what the `name(lang:)` and `labels`
 * fields of entities and variables resolve with. `Label.document` is defined with Document
 * (document.ts), which this file must not import: entities import it.
 */

const LabelKind = builder.enumType("LabelKind", {
  description: "What a label is to its entity.",
  values: LABEL_KIND,
});

const LabelSource = builder.enumType("LabelSource", {
  description: "Where a label comes from. Labels are names, not facts.",
  values: LABEL_SOURCE,
});

export const Label = builder.objectRef<LabelRow>("Label").implement({
  description: "A name of an entity or variable in one language, with where it comes from.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The name." }),
    language: t.expose("language", { type: Language, description: "Its language." }),
    kind: t.expose("kind", { type: LabelKind, description: "Preferred, alias or acronym." }),
    source: t.expose("source", {
      type: LabelSource,
      description: "Whether the words are in a source or given by the curators.",
    }),
  }),
});

export const LabelInput = builder.inputType("LabelInput", {
  description: "A name of an entity, in a language (given through the API: a curated label).",
  fields: (t) => ({
    text: t.string({ required: true, description: "The name." }),
    language: t.field({ type: Language, required: true, description: "Its language." }),
    kind: t.field({ type: LabelKind, required: true, description: "Preferred, alias or acronym." }),
  }),
});

/** A row's preferred name in `language` (English when the Spanish one is missing). */
export function nameIn(
  row: { name: string; nameEs?: string | null },
  language: LanguageCode,
): string {
  return language === "es" && row.nameEs ? row.nameEs : row.name;
}

/** A row's labels, optionally of one language. */
export function labelsIn(row: LabelRows, language: LanguageCode | null | undefined): LabelRow[] {
  const all = labelsOf(row);
  return language ? all.filter((l) => l.language === language) : all;
}

/** A row that has both preferred names and the labels (or can be completed to one). */
type Named = LabelRows & { name: string; nameEs?: string | null };

/**
 * The `name(lang:)` and `labels(language:)` fields of a type with labels (entities, variables).
 * `details` completes a row that lacks the Spanish name or the labels (an entity row of a
 * relation page); the English name needs no details.
 */
export function nameFields<Parent extends { name: string }>(
  f:
    | PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>
    | PothosSchemaTypes.InterfaceFieldBuilder<Types, Parent>,
  labelsDescription: string,
  details: (row: Parent, ctx: Context) => Named | Promise<Named>,
) {
  return {
    name: f.string({
      description: "Its preferred name in a language (English unless asked otherwise).",
      args: {
        lang: f.arg({
          type: Language,
          required: true,
          defaultValue: "en",
          description: "The language of the name.",
        }),
      },
      // The English name is on every row: answered at once, with no promise per field.
      resolve: (row, { lang }, ctx) =>
        lang === "en" ? row.name : Promise.resolve(details(row, ctx)).then((d) => nameIn(d, lang)),
    }),
    labels: f.field({
      type: [Label],
      description: labelsDescription,
      args: {
        language: f.arg({
          type: Language,
          required: false,
          description: "Only the labels in this language.",
        }),
      },
      resolve: async (row, { language }, ctx) => labelsIn(await details(row, ctx), language),
    }),
  };
}
