import { z } from "zod";
import {
  bounded,
  DocumentId,
  extraProperties,
  Key,
  MAX_LENGTH,
  Offset,
  RELATION_FIELDS,
} from "./fields.js";
import { RELATION_TYPES } from "./vocabulary.js";

/** A structural link between two entities, with where it comes from. */

export const Relation = z
  .object({
    from: Key,
    type: z.enum(RELATION_TYPES),
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
