import type { FromFile, SeedBundle, SeedDocument, SeedProblem } from "../bundle.js";
import type { Entity } from "../entity.js";
import type { EntityKind } from "../vocabulary.js";
import type { Fact } from "../fact.js";
import { SEED_SECTIONS, type Section } from "../seed-file.js";
import { quoteProblem } from "./quotes.js";

/** "an Organization", "a Program". */
export function an(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? "an" : "a"} ${word}`;
}

/**
 * What the steps of checkSeeds share: the problems found so far, each valid entry's name, the
 * keys of entries that failed their schema (references to them are not reported again), and,
 * from step 2 on, the entries by key and the references between them.
 */
export class SeedCheck {
  readonly problems: SeedProblem[] = [];
  /** Each valid item's entry name, for messages. */
  readonly entryOf = new WeakMap<object, string>();
  /** Keys of entries that failed the schema: references to them are not reported again. */
  readonly invalidKeys = Object.fromEntries(
    Object.keys(SEED_SECTIONS).map((section) => [section, new Set<string>()]),
  ) as Record<Section, Set<string>>;
  entities = new Map<string, FromFile<Entity>>();
  variables = new Map<string, FromFile<SeedBundle["variables"][number]>>();
  facts = new Map<string, FromFile<Fact>>();
  private docs = new Map<string, SeedDocument>();

  problem(item: { file: string }, path: string, reason: string): void {
    this.problems.push({ file: item.file, entry: this.entryOf.get(item) ?? "?", path, reason });
  }

  /** The documents that citations and sources may quote (known from step 1 on). */
  knowDocuments(documents: SeedDocument[]): void {
    this.docs = new Map(documents.map((d) => [d.id, d]));
  }

  /** Step 2: every entry by key, a duplicate key being a problem. */
  indexKeys(bundle: SeedBundle): void {
    this.entities = this.index(bundle.entities);
    this.variables = this.index(bundle.variables);
    this.facts = this.index(bundle.facts);
    this.index(bundle.checks);
    this.index(bundle.changes);
  }

  private index<T extends { key: string; file: string }>(items: T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of items) {
      const first = map.get(item.key);
      if (first) {
        this.problem(
          item,
          "key",
          `duplicate key "${item.key}" (first in ${first.file}, ${this.entryOf.get(first)})`,
        );
      } else {
        map.set(item.key, item);
      }
    }
    return map;
  }

  /** An entity reference: exists (and has one of `kinds`, if given). */
  entityRef(
    item: { file: string },
    path: string,
    key: string,
    kinds?: readonly EntityKind[],
  ): FromFile<Entity> | undefined {
    const e = this.entities.get(key);
    if (!e) {
      if (!this.invalidKeys.entities.has(key)) this.problem(item, path, `unknown entity "${key}"`);
      return undefined;
    }
    if (kinds && !kinds.includes(e.kind)) {
      this.problem(item, path, `"${key}" is ${an(e.kind)}, not ${kinds.map(an).join(" or ")}`);
      return undefined;
    }
    return e;
  }

  factRef(item: { file: string }, path: string, key: string): FromFile<Fact> | undefined {
    const f = this.facts.get(key);
    if (!f && !this.invalidKeys.facts.has(key)) this.problem(item, path, `unknown fact "${key}"`);
    return f;
  }

  /** The document a citation or source at `path` quotes; a problem if there is none. */
  documentRef(item: { file: string }, path: string, id: string): SeedDocument | undefined {
    const doc = this.docs.get(id);
    if (!doc) {
      this.problem(
        item,
        `${path}.document`,
        `unknown document "${id}" (known: ${[...this.docs.keys()].join(", ") || "none"})`,
      );
    }
    return doc;
  }

  /** The document of a citation or source, and whether its quote is where it says. */
  citationRef(
    item: { file: string },
    path: string,
    c: { document: string; quote: string; start: number },
  ): SeedDocument | undefined {
    const doc = this.documentRef(item, path, c.document);
    if (!doc) return undefined;
    const reason = quoteProblem(doc, c.quote, c.start);
    if (reason) {
      this.problem(item, `${path}.start`, reason);
      return undefined;
    }
    return doc;
  }
}
