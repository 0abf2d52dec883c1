import { z } from "zod";

/**
 * The curated seed format (seeds/curated/*.yaml), validated when loaded.
 *
 * A seed file may hold any of the sections below; the loader merges every file
 * and then checks cross-references (keys, documents, quotes, values).
 *
 * A quote's `start` (a citation's, a relation source's) may be left out: the loader fills it in
 * where the quote occurs exactly once in its document (check/starts.ts), and asks to choose
 * among the offsets where it occurs more than once. The types named after a section
 * (`Fact`, `Relation`, `Citation`) are the entries once located, with every start known; the
 * `...Entry` types are the entries as written.
 */

/** Character offset (UTF-16 code units) of a quote in its document's full text. */
const Offset = z.number().int().nonnegative();

/**
 * The most characters of each kind of string the graph stores: enough for every seed, small
 * enough for Neo4j's index entries (a name is in a composite range index) and for reading.
 */
export const MAX_LENGTH = {
  key: 100,
  name: 200,
  title: 300,
  quote: 1000,
  text: 2000,
  property: 500,
} as const;

/** A string of at most `max` characters, saying so when longer. */
export function bounded(max: number): z.ZodString {
  return z.string().max(max, `must be at most ${max} characters`);
}

/** A stable key: lower-case words joined by hyphens. */
export const Key = bounded(MAX_LENGTH.key).regex(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  "must be lower-case words joined by hyphens (a slug)",
);

/** A document's id: its file name without .txt. */
const DocumentId = bounded(MAX_LENGTH.key).min(1);

export const ENTITY_KINDS = [
  "Organization",
  "Program",
  "FacilityType",
  "Service",
  "Condition",
  "Place",
  "Person",
  "TimePeriod",
] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export const GRANULARITIES = ["day", "typical-day", "month", "year", "range"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");

/** A moment as Neo4j writes a datetime: `2022-01-20T17:03:12.123456789Z` (an offset instead of Z). */
const IsoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/,
    "must be a date and time as YYYY-MM-DDThh:mm:ss[.fraction]Z (or an offset instead of Z)",
  );

export const LANGUAGES = ["en", "es"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const LABEL_KINDS = [
  "preferred", // the name to show in that language (one per language)
  "alias", // another name or spelling (a plural, a variant)
  "acronym", // "UMF", "IMSS"
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export const LABEL_SOURCES = [
  "text", // the words occur in a source document (the check finds which)
  "curated", // a translation or descriptive name given by the curators
] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

/**
 * A name of an entity or variable in one language. Labels are names, not facts: they carry no
 * figure, but each says where it comes from.
 */
export const Label = z
  .object({
    text: bounded(MAX_LENGTH.name).trim().min(1),
    language: Language,
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

/**
 * The node properties that the loader sets on an entity (cypher/seed/02-entities.cypher): an
 * entity's extra `properties` may not set them, nor may anything else but the entity's own fields.
 */
export const ENTITY_FIELDS = [
  "key",
  "kind",
  "name",
  "nameEs",
  "aliases",
  "labelTexts",
  "labelLanguages",
  "labelKinds",
  "labelSources",
  "labelDocuments",
  "searchNames",
  "searchTextEn",
  "searchTextEs",
  "description",
  "start",
  "end",
  "granularity",
  // Not set by the loader, but taken: an entry's own field, and the lock of curation-link.cypher.
  "labels",
  "curationLock",
] as const;

/** The relationship properties that the loader sets on a relation (cypher/seed/04-relations.cypher). */
export const RELATION_FIELDS = [
  "fact",
  "period",
  "sourceDocument",
  "sourceQuote",
  "sourceStart",
] as const;

/**
 * Extra scalar attributes of an entity or a relation: named like a property (a letter, then
 * letters and digits), never one of the fields the graph relies on (`reserved`).
 */
function extraProperties(reserved: readonly string[]) {
  return z
    .record(
      z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9]{0,39}$/,
          "must be a letter, then letters or digits (40 at most)",
        ),
      z.union([bounded(MAX_LENGTH.property), z.number(), z.boolean()]),
    )
    .superRefine((properties, ctx) => {
      for (const name of Object.keys(properties))
        if (reserved.includes(name))
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `"${name}" is reserved (the graph sets it from the entry's own fields); it cannot be set through properties`,
          });
    });
}

export const Entity = z
  .object({
    key: Key,
    kind: EntityKind,
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

export const RELATION_TYPES = [
  "RUNS", // Organization -> Program
  "OPERATES", // Program | Organization -> FacilityType (a count fact may sit on the link)
  "PROVIDES", // FacilityType | Program -> Service
  "LOCATED_IN", // anything -> Place
  "HOLDS_ROLE", // Person -> Organization (properties.role, period)
  "WITHIN", // TimePeriod -> TimePeriod, Place -> Place
  "PART_OF", // a part -> its whole (beds, directorates, programs' sub-strategies)
  "ADDRESSES", // Program | Service -> Condition
  "HAS_COMPONENT", // Program -> Program (a model, a sub-strategy)
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const Relation = z
  .object({
    from: Key,
    type: RelationType,
    to: Key,
    /** The fact that carries this link's figure (e.g. the count of facilities a program operates). */
    fact: Key.optional(),
    /** When the link holds. */
    period: Key.optional(),
    properties: extraProperties(RELATION_FIELDS).optional(),
    /**
     * Where the link comes from: a document id and the verbatim words that state it, at `start`
     * (filled in when left out and the words occur once in the document).
     */
    source: z
      .object({
        document: DocumentId,
        quote: bounded(MAX_LENGTH.quote).min(1),
        start: Offset.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** A relation as written (its source's start may be missing). */
export type RelationEntry = z.infer<typeof Relation>;
/** Words of a document at a known offset. */
export interface Located {
  document: string;
  quote: string;
  start: number;
}
/** A relation once its source is located. */
export type Relation = Omit<RelationEntry, "source"> & { source?: Located };

export const UNITS = ["count", "people", "jobs", "pesos", "pesos-per-day", "years"] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

export const Variable = z
  .object({
    key: Key,
    /** Its names, as an entity's: a preferred one in English and in Spanish at least. */
    labels: z.array(Label).min(1).max(50),
    unit: Unit,
    description: bounded(MAX_LENGTH.text).min(1),
  })
  .strict()
  .superRefine((v, ctx) => checkLabels(v.labels, ctx))
  .transform((v) => ({ ...v, name: preferredLabel(v.labels, "en") }));
export type Variable = z.infer<typeof Variable>;

export const STATISTICS = [
  "daily-average", // on a typical day
  "total", // a sum over the period
  "increase", // growth over `comparedTo`
  "stock", // a count standing at the end of the period
  "cumulative", // running total from the period's start to its end
] as const;
export type Statistic = (typeof STATISTICS)[number];

export const QUALIFIERS = [
  "exact",
  "more-than", // "more than": a lower bound
  "just-over", // "just over": a lower bound close to the value
  "about", // "some", "about": an approximation
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

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
    /** The value as a number; null when the source is garbled and nothing settles it. */
    value: z.number().nullable(),
    unit: Unit,
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

/** What the seeds say about a source document besides its text. */
export const DocumentEntry = z
  .object({
    /** The document's file name without .txt. */
    id: DocumentId,
    /** The language it is written in: its numbers are read, and its text indexed, in it. */
    language: Language,
    title: bounded(MAX_LENGTH.title).trim().min(1).optional(),
  })
  .strict();
export type DocumentEntry = z.infer<typeof DocumentEntry>;

/** A number of a document that is deliberately not a figure, with why (see check/coverage.ts). */
export const Skip = z
  .object({
    document: DocumentId,
    /** The number's words, as the number reader reports them. */
    raw: bounded(MAX_LENGTH.name).min(1),
    /** Its offset in the document's text. */
    start: z.number().int().nonnegative(),
    reason: bounded(MAX_LENGTH.text)
      .trim()
      .min(20, "say why it is not a figure (20 characters at least)"),
  })
  .strict();
export type Skip = z.infer<typeof Skip>;

/** A new citation for a fact already in the graph: another document states the same figure. */
export const Corroboration = z
  .object({
    fact: Key,
    citation: Citation,
  })
  .strict();
export type CorroborationEntry = z.infer<typeof Corroboration>;
export type Corroboration = Omit<CorroborationEntry, "citation"> & { citation: Citation };

/**
 * An entry of the change log: who changed what, and when (a curator through the API, or
 * `npm run ingest`). A backup (`npm run backup`) writes the log so that a restore keeps it.
 */
export const Change = z
  .object({
    key: z.string().min(1),
    at: IsoDateTime,
    by: z.string().min(1),
    action: z.string().min(1),
    /** The key of the entity or fact, or the id of the document, that was changed. */
    target: z.string().min(1),
    summary: z.string(),
  })
  .strict();
export type Change = z.infer<typeof Change>;

export const SeedFile = z
  .object({
    documents: z.array(DocumentEntry).default([]),
    corroborations: z.array(Corroboration).default([]),
    skips: z.array(Skip).default([]),
    entities: z.array(Entity).default([]),
    variables: z.array(Variable).default([]),
    relations: z.array(Relation).default([]),
    facts: z.array(Fact).default([]),
    conflicts: z.array(Conflict).default([]),
    checks: z.array(Check).default([]),
    changes: z.array(Change).default([]),
  })
  .strict();
export type SeedFile = z.infer<typeof SeedFile>;
