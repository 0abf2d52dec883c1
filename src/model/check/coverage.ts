import { type ParsedNumber, parseNumbers } from "../../text/parse-numbers.js";
import { headerLength } from "../document-header.js";
import type { FromFile, SeedBundle, SeedDocument } from "../bundle.js";
import type { Entity } from "../entity.js";
import type { Fact } from "../fact.js";
import type { Skip } from "../seed-file.js";
import type { SeedCheck } from "./seed-check.js";

/**
 * Coverage: every number of a document's body is used by a fact citation, or stands on the
 * skip list (`skips:` entries) with the reason it is not a figure. A number is used when its
 * span lies inside a citation's quote and
 * - it is a figure whose value is the fact's value (an unreadable figure, such as
 *   "2 million 117 1,417", counts when the citation is marked garbled and the fact's value is
 *   null), or
 * - it is a year or a date part that the fact's period or comparedTo period contains (a year)
 *   or starts or ends on (a date part).
 * Phone numbers and codes ("800 623 2323", "2-30-100") are not figures by their very form and
 * need no skip.
 */

/** The numbers of a document's body (after the header date), read in its language. */
export function bodyNumbers(doc: SeedDocument): ParsedNumber[] {
  const from = headerLength(doc.text);
  return numbersOf(doc).filter((n) => n.start >= from);
}

const numbersCache = new WeakMap<SeedDocument, ParsedNumber[]>();
/** Every number of a document's text, read in its language (cached per document). */
export function numbersOf(doc: SeedDocument): ParsedNumber[] {
  let found = numbersCache.get(doc);
  if (!found) {
    found = parseNumbers(doc.text, doc.language);
    numbersCache.set(doc, found);
  }
  return found;
}

/** Whether a number needs a fact or a skip: a phone number or a code does not. */
export function isFigureLike(n: ParsedNumber): boolean {
  return n.kind !== "phone" && n.kind !== "code";
}

/**
 * Does a period (its first and last day) account for a year or a date part: the year lies in
 * it, or the date is its first or last day?
 */
export function periodAccountsFor(
  p: { start?: string; end?: string },
  n: Pick<ParsedNumber, "kind" | "value" | "month">,
): boolean {
  if (!p.start || !p.end || n.value === null) return false;
  if (n.kind === "year")
    return Number(p.start.slice(0, 4)) <= n.value && n.value <= Number(p.end.slice(0, 4));
  if (n.kind === "date-part" && n.month !== undefined) {
    const md = `${String(n.month).padStart(2, "0")}-${String(n.value).padStart(2, "0")}`;
    return p.start.slice(5) === md || p.end.slice(5) === md;
  }
  return false;
}

/** Does the fact's period (or an increase's comparison period) account for the number? */
function inPeriod(periods: Map<string, Entity>, fact: Fact, n: ParsedNumber): boolean {
  return [fact.period, fact.comparedTo].some((key) => {
    const p = key ? periods.get(key) : undefined;
    return p !== undefined && periodAccountsFor(p, n);
  });
}

/** Which facts of the bundle use a number of a document (see the module comment). */
export function factsUsing(bundle: SeedBundle): (doc: SeedDocument, n: ParsedNumber) => string[] {
  const periods = new Map<string, Entity>(
    bundle.entities.filter((e) => e.kind === "TimePeriod").map((e) => [e.key, e]),
  );
  return (doc, n) => {
    const keys: string[] = [];
    for (const fact of bundle.facts) {
      for (const c of fact.citations) {
        if (c.document !== doc.id || n.start < c.start || n.end > c.start + c.quote.length)
          continue;
        const used =
          n.kind === "year" || n.kind === "date-part"
            ? inPeriod(periods, fact, n)
            : n.value === null
              ? fact.value === null && c.garbled !== undefined
              : fact.value === n.value;
        if (used) keys.push(fact.key);
      }
    }
    return keys;
  };
}

function describeNumber(doc: SeedDocument, n: ParsedNumber): string {
  const around = doc.text.slice(Math.max(0, n.start - 30), n.end + 30);
  return `${n.kind} "${n.raw}" at ${n.start} (in ${JSON.stringify(around)})`;
}

/**
 * Step 8: every number of every document is used or skipped, and every skip names a number
 * that no fact uses. A number that is neither is reported on its document's file.
 */
export function checkCoverage(
  check: SeedCheck,
  bundle: SeedBundle,
  only?: readonly string[],
): void {
  const usedBy = factsUsing(bundle);
  const skipped = new Set(bundle.skips.map((s) => `${s.document}@${s.start}:${s.raw}`));
  for (const doc of bundle.documents) {
    if (only && !only.includes(doc.id)) continue;
    for (const n of bodyNumbers(doc)) {
      if (!isFigureLike(n) || skipped.has(`${doc.id}@${n.start}:${n.raw}`)) continue;
      if (usedBy(doc, n).length > 0) continue;
      check.problems.push({
        file: doc.file,
        entry: "(document)",
        path: `number at ${n.start}`,
        reason:
          `${describeNumber(doc, n)} is used by no fact: cite it in a fact, or add a skip ` +
          `({ document: ${doc.id}, raw: "${n.raw}", start: ${n.start}, reason: ... }) saying why it is not a figure`,
      });
    }
  }
  for (const skip of bundle.skips)
    if (!only || only.includes(skip.document)) checkSkip(check, bundle, usedBy, skip);
}

function checkSkip(
  check: SeedCheck,
  bundle: SeedBundle,
  usedBy: (doc: SeedDocument, n: ParsedNumber) => string[],
  skip: FromFile<Skip>,
): void {
  const doc = bundle.documents.find((d) => d.id === skip.document);
  if (!doc) {
    check.problem(skip, "document", `unknown document "${skip.document}"`);
    return;
  }
  const n = bodyNumbers(doc).find((x) => x.start === skip.start && x.raw === skip.raw);
  if (!n) {
    const near = bodyNumbers(doc).filter((x) => x.raw === skip.raw);
    check.problem(
      skip,
      "start",
      `no number "${skip.raw}" starts at ${skip.start}` +
        (near.length > 0 ? ` (it is at ${near.map((x) => x.start).join(", ")})` : ""),
    );
    return;
  }
  const users = usedBy(doc, n);
  if (users.length > 0)
    check.problem(skip, "raw", `"${skip.raw}" is used by ${users.join(", ")}: remove the skip`);
}
