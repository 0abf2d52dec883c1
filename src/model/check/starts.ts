import type { FilledStart, FromFile, ParsedBundle, SeedBundle } from "../bundle.js";
import type { Corroboration, Fact } from "../fact.js";
import type { Relation } from "../relation.js";
import { notFound, occurrences } from "./quotes.js";
import type { SeedCheck } from "./seed-check.js";

/** A quote as written: its start may be left out. */
interface Quote {
  document: string;
  quote: string;
  start?: number | undefined;
}

/**
 * Step 1b, starts: a quote whose `start` is left out (a citation's, a relation source's) is
 * looked for in its document. Where it occurs exactly once, that offset is filled in and
 * reported (`bundle.filledStarts`), so that a curator need not count characters; where it
 * occurs more than once, the problem lists the offsets to choose from; where it does not occur,
 * the problem says how much of it does (quotes.ts). An entry with a quote left unlocated is left
 * out of the later steps, as an entry of the wrong shape is. A start that is given is checked
 * later, by citationRef.
 */
export function locateQuotes(check: SeedCheck, parsed: ParsedBundle): SeedBundle {
  const filledStarts: FilledStart[] = [];

  /** Fills in `q.start` when it can (the entries are the loader's own copies); false if not. */
  const locate = (item: { file: string }, path: string, q: Quote): boolean => {
    if (q.start !== undefined) return true;
    const doc = check.documentRef(item, path, q.document);
    if (!doc) return false;
    const found = occurrences(doc.text, q.quote);
    const [only] = found;
    if (found.length === 1 && only !== undefined) {
      q.start = only;
      filledStarts.push({
        file: item.file,
        entry: check.entryOf.get(item) ?? "?",
        path,
        start: only,
      });
      return true;
    }
    if (found.length === 0) {
      check.problem(item, `${path}.quote`, notFound(doc, q.quote));
    } else {
      check.problem(
        item,
        `${path}.start`,
        `the start is left out, and the quote occurs ${found.length} times in document ${doc.id}, ` +
          `at offsets ${found.join(", ")}: give the one meant as start (or quote more words)`,
      );
    }
    return false;
  };

  const facts = parsed.facts.filter((f) => {
    // Every citation is looked at, so that one run reports every quote.
    const located = f.citations.map((c, i) => locate(f, `citations[${i}]`, c));
    if (located.every(Boolean)) return true;
    // References to it are not reported again.
    check.invalidKeys.facts.add(f.key);
    return false;
  });
  const relations = parsed.relations.filter((r) => !r.source || locate(r, "source", r.source));
  const corroborations = parsed.corroborations.filter((c) => locate(c, "citation", c.citation));
  return {
    ...parsed,
    // Every start of these is known now (filled in above, or given).
    facts: facts as FromFile<Fact>[],
    relations: relations as FromFile<Relation>[],
    corroborations: corroborations as FromFile<Corroboration>[],
    filledStarts,
  };
}
