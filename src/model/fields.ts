import { z } from "zod";

/** The rules of a seed entry's fields: keys, ids, offsets, dates, lengths and extra properties. */

/** Character offset (UTF-16 code units) of a quote in its document's full text. */
export const Offset = z.number().int().nonnegative();

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
export const DocumentId = bounded(MAX_LENGTH.key).min(1);

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");

/** A moment as Neo4j writes a datetime: `2022-01-20T17:03:12.123456789Z` (an offset instead of Z). */
export const IsoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/,
    "must be a date and time as YYYY-MM-DDThh:mm:ss[.fraction]Z (or an offset instead of Z)",
  );

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
export function extraProperties(reserved: readonly string[]) {
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
