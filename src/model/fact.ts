import { z } from "zod";
import { bounded, DocumentId, IsoDateTime, Key, MAX_LENGTH, Offset } from "./fields.js";
import { QUALIFIERS, STATISTICS, UNITS } from "./vocabulary.js";

/** A fact: a figure of a variable about an entity over a period, with the words that state it. */

export const Citation = z
  .object({
    /** The document id (its file name without .txt). */
    document: DocumentId,
    /** The verbatim words of the document that state the figure. */
    quote: bounded(MAX_LENGTH.quote).min(1),
    /**
     * Character offset (UTF-16 code units) of the quote in the document's full text. May be
     * left out: it is filled in when the quote occurs exactly once in the document.
     */
    start: Offset.optional(),
    /**
     * Set when the words are garbled: what is wrong with them and what, if
     * anything, settles it (e.g. the other document). The check that the quote
     * states the fact's value is skipped for a garbled citation.
     */
    garbled: bounded(MAX_LENGTH.text).min(1).optional(),
    note: bounded(MAX_LENGTH.text).min(1).optional(),
  })
  .strict();
/** A citation as written (its start may be missing). */
export type CitationEntry = z.infer<typeof Citation>;
/** A citation once its quote is located. */
export type Citation = CitationEntry & { start: number };

export const Fact = z
  .object({
    key: Key,
    variable: Key,
    /** The entity the figure is about (a service, a facility type, a program, ...). */
    about: Key,
    /** Whose figure it is when that is not `about` itself (e.g. the program that runs the facilities). */
    scope: Key.optional(),
    period: Key,
    statistic: z.enum(STATISTICS),
    /** For an increase: the period it is compared with. */
    comparedTo: Key.optional(),
    /** For a percent: the fact it is a percent of (a target reached in part, a total shared). */
    percentOf: Key.optional(),
    /** The value as a number; null when the source is garbled and nothing settles it. */
    value: z.number().nullable(),
    unit: z.enum(UNITS),
    qualifier: z.enum(QUALIFIERS).default("exact"),
    note: bounded(MAX_LENGTH.text).min(1).optional(),
    citations: z.array(Citation).min(1).max(50),
    /** Set when a curator deprecated the fact (deprecateFact): it stays, hidden from default reads. */
    deprecated: z
      .object({ reason: bounded(MAX_LENGTH.text).trim().min(3), at: IsoDateTime })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.statistic === "increase" && !f.comparedTo) {
      ctx.addIssue({
        code: "custom",
        path: ["comparedTo"],
        message: "an increase needs comparedTo",
      });
    }
    if (f.percentOf !== undefined && f.unit !== "percent") {
      ctx.addIssue({
        code: "custom",
        path: ["percentOf"],
        message: `only a fact in percent is a percent of another (its unit is "${f.unit}")`,
      });
    }
    if (f.value === null && !f.citations.every((c) => c.garbled)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "only a fact whose every citation is garbled may have a null value",
      });
    }
  });
/** A fact as written (its citations' starts may be missing). */
export type FactEntry = z.infer<typeof Fact>;
/** A fact once its citations are located. */
export type Fact = Omit<FactEntry, "citations"> & { citations: Citation[] };

export const Conflict = z
  .object({
    facts: z.tuple([Key, Key]),
    note: bounded(MAX_LENGTH.text).min(1),
  })
  .strict();
export type Conflict = z.infer<typeof Conflict>;

/** A known part-of-total relation between facts, checked by the API's consistencyChecks. */
export const Check = z
  .object({
    key: Key,
    name: bounded(MAX_LENGTH.name).min(1),
    description: bounded(MAX_LENGTH.text).min(1),
    parts: z.array(Key).min(2),
    /** One or more stated totals the parts should add up to. */
    totals: z.array(Key).min(1),
  })
  .strict();
export type Check = z.infer<typeof Check>;

/** A new citation for a fact already in the graph: another document states the same figure. */
export const Corroboration = z
  .object({
    fact: Key,
    citation: Citation,
  })
  .strict();
export type CorroborationEntry = z.infer<typeof Corroboration>;
export type Corroboration = Omit<CorroborationEntry, "citation"> & { citation: Citation };
