import { z } from "zod";
import { bounded, ENTITY_FIELDS, extraProperties, IsoDate, Key, MAX_LENGTH } from "./fields.js";
import {
  ENTITY_KINDS,
  GRANULARITIES,
  LABEL_KINDS,
  LABEL_SOURCES,
  type Language,
  LANGUAGES,
  UNITS,
} from "./vocabulary.js";

/** The named things of the seeds: entities (periods among them), variables, and their labels. */

/**
 * A name of an entity or variable in one language. Labels are names, not facts: they carry no
 * figure, but each says where it comes from.
 */
export const Label = z
  .object({
    text: bounded(MAX_LENGTH.name).trim().min(1),
    language: z.enum(LANGUAGES),
    kind: z.enum(LABEL_KINDS),
    from: z.enum(LABEL_SOURCES),
  })
  .strict();
export type Label = z.infer<typeof Label>;

/** Labels hold one preferred name in each language, and no text twice in one language. */
function checkLabels(labels: Label[], ctx: z.RefinementCtx): void {
  for (const language of LANGUAGES) {
    const preferred = labels.filter((l) => l.language === language && l.kind === "preferred");
    if (preferred.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["labels"],
        message: `needs exactly one preferred label in "${language}" (it has ${preferred.length})`,
      });
    }
  }
  const seen = new Set<string>();
  labels.forEach((l, i) => {
    const id = `${l.language}\u0000${l.text.toLowerCase()}`;
    if (seen.has(id)) {
      ctx.addIssue({
        code: "custom",
        path: ["labels", i, "text"],
        message: `"${l.text}" is already a label in "${l.language}"`,
      });
    }
    seen.add(id);
  });
}

/** The preferred label's text in a language. */
export function preferredLabel(labels: readonly Label[], language: Language): string {
  return labels.find((l) => l.language === language && l.kind === "preferred")?.text ?? "";
}

/** Every label but the English preferred one: the names the API lists as `aliases`. */
export function aliasesOf(labels: readonly Label[]): string[] {
  return labels.filter((l) => !(l.language === "en" && l.kind === "preferred")).map((l) => l.text);
}

export const Entity = z
  .object({
    key: Key,
    kind: z.enum(ENTITY_KINDS),
    /** Its names: a preferred one in English and in Spanish, and any aliases and acronyms. */
    labels: z.array(Label).min(1).max(50),
    description: bounded(MAX_LENGTH.text).min(1),
    /** TimePeriod only. */
    start: IsoDate.optional(),
    end: IsoDate.optional(),
    granularity: z.enum(GRANULARITIES).optional(),
    /** Extra scalar attributes (e.g. an acronym's Spanish expansion). */
    properties: extraProperties(ENTITY_FIELDS).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    checkLabels(e.labels, ctx);
    const isPeriod = e.kind === "TimePeriod";
    for (const field of ["start", "end", "granularity"] as const) {
      if (isPeriod && e[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "a TimePeriod needs it" });
      }
      if (!isPeriod && e[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "only a TimePeriod has it" });
      }
    }
    if (isPeriod && e.start && e.end && e.start > e.end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "ends before it starts" });
    }
  })
  .transform((e) => ({ ...e, name: preferredLabel(e.labels, "en"), aliases: aliasesOf(e.labels) }));
export type Entity = z.infer<typeof Entity>;

export const Variable = z
  .object({
    key: Key,
    /** Its names, as an entity's: a preferred one in English and in Spanish at least. */
    labels: z.array(Label).min(1).max(50),
    unit: z.enum(UNITS),
    description: bounded(MAX_LENGTH.text).min(1),
  })
  .strict()
  .superRefine((v, ctx) => checkLabels(v.labels, ctx))
  .transform((v) => ({ ...v, name: preferredLabel(v.labels, "en") }));
export type Variable = z.infer<typeof Variable>;
