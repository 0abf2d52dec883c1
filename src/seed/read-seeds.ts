import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { type ParsedNumber, parseNumbers } from "./parse-numbers.js";
import {
  Check,
  Conflict,
  ENTITY_KINDS,
  Entity,
  type EntityKind,
  Fact,
  Relation,
  type SeedFile,
  Variable,
} from "./seed-format.js";

/**
 * Reads and checks the seeds: the source documents (seeds/documents/*.txt) and
 * the curated YAML (seeds/curated/*.yaml, merged in file-name order).
 *
 * Every problem is collected before anything is thrown, so one run lists them
 * all; each names the file, the entry (e.g. `facts[12] (key: umf-count)`), the
 * field path and the reason.
 */

export interface SeedDocument {
  /** The file name without .txt. */
  id: string;
  /** The date in the header (YYYY-MM-DD). */
  date: string;
  /** The whole file content, header included: citation offsets index into it. */
  text: string;
  /** The file it was read from. */
  file: string;
}

type FromFile<T> = T & { file: string };

export interface SeedBundle {
  documents: SeedDocument[];
  entities: FromFile<Entity>[];
  variables: FromFile<Variable>[];
  relations: FromFile<Relation>[];
  facts: FromFile<Fact>[];
  conflicts: FromFile<Conflict>[];
  checks: FromFile<Check>[];
}

export interface SeedProblem {
  /** The file, as a path relative to the working directory when the seeds dir is relative. */
  file: string;
  /** The entry, e.g. `facts[12] (key: umf-count)`, or `(file)` for the file as a whole. */
  entry: string;
  /** The field path inside the entry, e.g. `citations[0].start`; empty for the entry itself. */
  path: string;
  reason: string;
}

export class SeedError extends Error {
  readonly problems: SeedProblem[];

  constructor(problems: SeedProblem[]) {
    super(
      `${problems.length} seed problem${problems.length === 1 ? "" : "s"}:\n${problems
        .map((p) => `  - ${formatProblem(p)}`)
        .join("\n")}`,
    );
    this.name = "SeedError";
    this.problems = problems;
  }
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}: ${p.entry}${p.path ? ` at ${p.path}` : ""}: ${p.reason}`;
}

/** The header every document starts with: " date YYYY-MM-DD ". */
const HEADER = /^ date (\d{4}-\d{2}-\d{2}) /;

/** The length of a document's header (where its body starts), or 0 if it has none. */
export function headerLength(text: string): number {
  return HEADER.exec(text)?.[0].length ?? 0;
}

/** Reads seeds/documents/*.txt and seeds/curated/*.yaml under `dir` and checks them. */
export async function readSeeds(dir = "seeds"): Promise<SeedBundle> {
  const problems: SeedProblem[] = [];
  const documents: SeedDocument[] = [];
  const docDir = join(dir, "documents");
  for (const name of (await readdir(docDir)).filter((n) => n.endsWith(".txt")).sort()) {
    const file = join(docDir, name);
    const text = await readFile(file, "utf8");
    const header = HEADER.exec(text);
    if (!header) {
      problems.push({
        file,
        entry: "(document)",
        path: "header",
        reason: `the document does not start with " date YYYY-MM-DD " (it starts with ${JSON.stringify(text.slice(0, 20))})`,
      });
      continue;
    }
    documents.push({ id: name.slice(0, -".txt".length), date: header[1] as string, text, file });
  }

  const files: { file: string; data: unknown }[] = [];
  const curatedDir = join(dir, "curated");
  for (const name of (await readdir(curatedDir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = join(curatedDir, name);
    const doc = parseDocument(await readFile(file, "utf8"), {
      uniqueKeys: true,
      prettyErrors: true,
    });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        problems.push({
          file,
          entry: "(file)",
          path: pos ? `line ${pos.line}, column ${pos.col}` : "",
          reason: `invalid YAML: ${err.message.split("\n")[0]}`,
        });
      }
      continue;
    }
    files.push({ file, data: doc.toJS() });
  }

  let bundle: SeedBundle;
  try {
    bundle = checkSeeds(documents, files);
  } catch (e) {
    if (e instanceof SeedError) throw new SeedError([...problems, ...e.problems]);
    throw e;
  }
  if (problems.length > 0) throw new SeedError(problems);
  return bundle;
}

const SECTIONS = {
  entities: Entity,
  variables: Variable,
  relations: Relation,
  facts: Fact,
  conflicts: Conflict,
  checks: Check,
} as const satisfies Record<keyof SeedFile, z.ZodType>;
type Section = keyof typeof SECTIONS;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** How an entry is named in messages: `facts[12] (key: umf-count)`. */
function entryName(section: Section, index: number, raw: unknown): string {
  const at = `${section}[${index}]`;
  if (!isRecord(raw)) return at;
  if (section === "relations") {
    const [from, type, to] = [raw.from, raw.type, raw.to].map((x) =>
      typeof x === "string" ? x : "?",
    );
    return `${at} (${from} ${type} ${to})`;
  }
  if (section === "conflicts") {
    const facts = Array.isArray(raw.facts) ? raw.facts.map(String).join(" vs ") : "?";
    return `${at} (${facts})`;
  }
  return typeof raw.key === "string" ? `${at} (key: ${raw.key})` : at;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

const RELATION_KINDS: Record<
  Relation["type"],
  { from: readonly EntityKind[] | "any"; to: readonly EntityKind[] | "same" }
> = {
  RUNS: { from: ["Organization"], to: ["Program"] },
  OPERATES: { from: ["Program", "Organization"], to: ["FacilityType"] },
  PROVIDES: { from: ["FacilityType", "Program"], to: ["Service"] },
  LOCATED_IN: { from: "any", to: ["Place"] },
  HOLDS_ROLE: { from: ["Person"], to: ["Organization"] },
  WITHIN: { from: ["TimePeriod", "Place"], to: "same" },
  PART_OF: { from: "any", to: "same" },
  ADDRESSES: { from: ["Program", "Service"], to: ["Condition"] },
  HAS_COMPONENT: { from: ["Program"], to: ["Program"] },
};

/** Kinds a fact's `scope` may have: whose figure it is. */
const SCOPE_KINDS: readonly EntityKind[] = ["Organization", "Program", "FacilityType"];

/** "an Organization", "a Program". */
function an(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? "an" : "a"} ${word}`;
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** All offsets at which `needle` occurs in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function clip(s: string, n = 60): string {
  return JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);
}

/**
 * Checks that `quote` stands at `start` in the document; returns the reason if
 * not, saying where the quote actually occurs, if anywhere.
 */
function quoteProblem(doc: SeedDocument, quote: string, start: number): string | undefined {
  if (doc.text.slice(start, start + quote.length) === quote) return undefined;
  const found = occurrences(doc.text, quote);
  const there = clip(doc.text.slice(start, start + quote.length));
  if (found.length > 0) {
    return `the quote is not at offset ${start} (the text there is ${there}); it occurs at offset${
      found.length > 1 ? "s" : ""
    } ${found.join(", ")}`;
  }
  // Not found: say how much of it is found, to help locate the typo.
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.text.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const hint =
    lo >= 8
      ? `; its first ${lo} characters occur at offset ${doc.text.indexOf(quote.slice(0, lo))}, then the document has ${clip(
          doc.text.slice(
            doc.text.indexOf(quote.slice(0, lo)) + lo,
            doc.text.indexOf(quote.slice(0, lo)) + lo + 20,
          ),
          20,
        )} where the quote has ${clip(quote.slice(lo, lo + 20), 20)}`
      : "";
  return `the quote does not occur in document ${doc.id}${hint}`;
}

/**
 * Checks parsed seed files against the documents. `files` are the parsed YAML
 * contents with their (relative) file names. Returns the merged bundle or
 * throws a SeedError listing every problem.
 */
export function checkSeeds(
  documents: SeedDocument[],
  files: { file: string; data: unknown }[],
): SeedBundle {
  const problems: SeedProblem[] = [];
  const bundle: SeedBundle = {
    documents,
    entities: [],
    variables: [],
    relations: [],
    facts: [],
    conflicts: [],
    checks: [],
  };
  /** Each valid item's entry name, for messages. */
  const entryOf = new WeakMap<object, string>();
  /** Keys of entries that failed the schema: references to them are not reported again. */
  const invalidKeys: Record<Section, Set<string>> = {
    entities: new Set(),
    variables: new Set(),
    relations: new Set(),
    facts: new Set(),
    conflicts: new Set(),
    checks: new Set(),
  };

  // 1. Shape: each entry on its own, so that one bad entry hides no other problem.
  for (const { file, data } of files) {
    const content = data ?? {};
    if (!isRecord(content)) {
      problems.push({
        file,
        entry: "(file)",
        path: "",
        reason: "a seed file must be a mapping of sections",
      });
      continue;
    }
    for (const [name, value] of Object.entries(content)) {
      if (!(name in SECTIONS)) {
        problems.push({
          file,
          entry: "(file)",
          path: name,
          reason: `unknown section (expected ${Object.keys(SECTIONS).join(", ")})`,
        });
        continue;
      }
      const section = name as Section;
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) {
        problems.push({ file, entry: section, path: "", reason: "a section must be a list" });
        continue;
      }
      value.forEach((raw, index) => {
        const entry = entryName(section, index, raw);
        const parsed = SECTIONS[section].safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            problems.push({ file, entry, path: formatPath(issue.path), reason: issue.message });
          }
          if (isRecord(raw) && typeof raw.key === "string") invalidKeys[section].add(raw.key);
          return;
        }
        const item = { ...parsed.data, file };
        entryOf.set(item, entry);
        (bundle[section] as object[]).push(item);
      });
    }
  }

  const problem = (item: { file: string }, path: string, reason: string) => {
    problems.push({ file: item.file, entry: entryOf.get(item) ?? "?", path, reason });
  };

  // 2. Duplicate keys.
  const index = <T extends { key: string; file: string }>(items: T[]): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      const first = map.get(item.key);
      if (first) {
        problem(
          item,
          "key",
          `duplicate key "${item.key}" (first in ${first.file}, ${entryOf.get(first)})`,
        );
      } else {
        map.set(item.key, item);
      }
    }
    return map;
  };
  const entities = index(bundle.entities);
  const variables = index(bundle.variables);
  const facts = index(bundle.facts);
  index(bundle.checks);
  const docs = new Map(documents.map((d) => [d.id, d]));

  /** An entity reference: exists (and has one of `kinds`, if given). */
  const entityRef = (
    item: { file: string },
    path: string,
    key: string,
    kinds?: readonly EntityKind[],
  ): FromFile<Entity> | undefined => {
    const e = entities.get(key);
    if (!e) {
      if (!invalidKeys.entities.has(key)) problem(item, path, `unknown entity "${key}"`);
      return undefined;
    }
    if (kinds && !kinds.includes(e.kind)) {
      problem(item, path, `"${key}" is ${an(e.kind)}, not ${kinds.map(an).join(" or ")}`);
      return undefined;
    }
    return e;
  };
  const factRef = (
    item: { file: string },
    path: string,
    key: string,
  ): FromFile<Fact> | undefined => {
    const f = facts.get(key);
    if (!f && !invalidKeys.facts.has(key)) problem(item, path, `unknown fact "${key}"`);
    return f;
  };
  /** The document of a citation or source, and whether its quote is where it says. */
  const citationRef = (
    item: { file: string },
    path: string,
    c: { document: string; quote: string; start: number },
  ): SeedDocument | undefined => {
    const doc = docs.get(c.document);
    if (!doc) {
      problem(
        item,
        `${path}.document`,
        `unknown document "${c.document}" (known: ${[...docs.keys()].join(", ") || "none"})`,
      );
      return undefined;
    }
    const reason = quoteProblem(doc, c.quote, c.start);
    if (reason) {
      problem(item, `${path}.start`, reason);
      return undefined;
    }
    return doc;
  };

  // 3. Entities: period dates.
  for (const e of bundle.entities) {
    if (e.kind !== "TimePeriod" || !e.start || !e.end) continue;
    let ok = true;
    for (const field of ["start", "end"] as const) {
      if (!isRealDate(e[field] as string)) {
        problem(e, field, `"${e[field]}" is not a real date`);
        ok = false;
      }
    }
    if (!ok) continue;
    const [y, m] = e.start.split("-").map(Number) as [number, number];
    const expected: Partial<Record<NonNullable<Entity["granularity"]>, [string, string]>> = {
      day: [e.start, e.start],
      month: [
        `${e.start.slice(0, 8)}01`,
        `${e.start.slice(0, 8)}${String(lastDayOfMonth(y, m)).padStart(2, "0")}`,
      ],
      year: [`${y}-01-01`, `${y}-12-31`],
    };
    const want = e.granularity ? expected[e.granularity] : undefined;
    if (want && (e.start !== want[0] || e.end !== want[1])) {
      problem(
        e,
        "end",
        `a ${e.granularity} period starting ${e.start} runs ${want[0]} to ${want[1]}, not ${e.start} to ${e.end}`,
      );
    }
  }

  // 4. Variables need nothing more; facts next.
  for (const f of bundle.facts) {
    const variable = variables.get(f.variable);
    if (!variable) {
      if (!invalidKeys.variables.has(f.variable))
        problem(f, "variable", `unknown variable "${f.variable}"`);
    } else if (variable.unit !== f.unit) {
      problem(
        f,
        "unit",
        `unit "${f.unit}" differs from the unit "${variable.unit}" of variable "${variable.key}"`,
      );
    }
    entityRef(
      f,
      "about",
      f.about,
      ENTITY_KINDS.filter((k) => k !== "TimePeriod"),
    );
    if (f.scope !== undefined) entityRef(f, "scope", f.scope, SCOPE_KINDS);
    entityRef(f, "period", f.period, ["TimePeriod"]);
    const allGarbled = f.citations.every((c) => c.garbled !== undefined);
    if (f.comparedTo !== undefined) {
      entityRef(f, "comparedTo", f.comparedTo, ["TimePeriod"]);
      if (f.statistic !== "increase")
        problem(f, "comparedTo", "only an increase is compared with a period");
      if (f.comparedTo === f.period && !allGarbled) {
        problem(
          f,
          "comparedTo",
          "an increase compared with its own period: if the source says so, mark it garbled",
        );
      }
    }
    f.citations.forEach((c, i) => {
      const path = `citations[${i}]`;
      const doc = citationRef(f, path, c);
      if (!doc || c.garbled !== undefined || f.value === null) return;
      // The numbers of the quote are read from the whole document and kept if they
      // lie inside the quote, so that a quote cannot cut an expression
      // ("315 thousand 476" out of "12 million 315 thousand 476") and change its value.
      const end = c.start + c.quote.length;
      const inDoc = numbersOf(doc);
      const cut = inDoc.find(
        (n) => n.start < end && n.end > c.start && (n.start < c.start || n.end > end),
      );
      if (cut) {
        problem(
          f,
          `${path}.quote`,
          `the quote cuts the number "${cut.raw}" (at ${cut.start}-${cut.end}) in two`,
        );
        return;
      }
      const inQuote = inDoc.filter((n) => n.start >= c.start && n.end <= end);
      const values = inQuote.filter((n) => n.kind === "number" && n.value !== null);
      if (values.some((n) => sameNumber(n.value as number, f.value as number))) return;
      const unclear = inQuote.filter((n) => n.value === null);
      problem(
        f,
        `${path}.quote`,
        `the quote does not state the value ${f.value}: ` +
          (values.length > 0
            ? `it states ${values.map((n) => `"${n.raw}" (${n.value})`).join(", ")}`
            : "it states no figure") +
          (unclear.length > 0
            ? `; ${unclear.map((n) => `"${n.raw}"`).join(", ")} cannot be read with confidence (${unclear[0]?.ambiguous?.reason}): mark the citation garbled`
            : ""),
      );
    });
  }

  // 5. Relations.
  const seenRelations = new Map<string, FromFile<Relation>>();
  for (const r of bundle.relations) {
    const rule = RELATION_KINDS[r.type];
    const from = entityRef(r, "from", r.from, rule.from === "any" ? undefined : rule.from);
    const to = entityRef(r, "to", r.to, rule.to === "same" ? undefined : rule.to);
    if (from && to && rule.to === "same" && from.kind !== to.kind) {
      problem(
        r,
        "to",
        `a ${r.type} links two entities of one kind, not ${an(from.kind)} and ${an(to.kind)}`,
      );
    }
    if (r.type === "WITHIN" && from?.kind === "TimePeriod" && to?.kind === "TimePeriod") {
      if (
        (from.start as string) < (to.start as string) ||
        (from.end as string) > (to.end as string)
      ) {
        problem(
          r,
          "to",
          `${from.key} (${from.start} to ${from.end}) is not within ${to.key} (${to.start} to ${to.end})`,
        );
      }
    }
    if (r.type === "HOLDS_ROLE" && typeof r.properties?.role !== "string") {
      problem(r, "properties.role", "a HOLDS_ROLE relation needs properties.role");
    }
    if (r.fact !== undefined) {
      const f = factRef(r, "fact", r.fact);
      if (f && f.about !== r.from && f.about !== r.to) {
        problem(r, "fact", `fact "${f.key}" is about "${f.about}", neither end of the relation`);
      }
    }
    if (r.period !== undefined) entityRef(r, "period", r.period, ["TimePeriod"]);
    if (r.source) citationRef(r, "source", r.source);
    const id = `${r.from} ${r.type} ${r.to} ${r.period ?? ""}`;
    const first = seenRelations.get(id);
    if (first) problem(r, "", `duplicate relation (first in ${first.file}, ${entryOf.get(first)})`);
    else seenRelations.set(id, r);
  }

  // 6. Conflicts: two facts about the same thing that disagree.
  for (const c of bundle.conflicts) {
    const [a, b] = c.facts.map((k, i) => factRef(c, `facts[${i}]`, k));
    if (!a || !b) continue;
    if (a.key === b.key) {
      problem(c, "facts", "a conflict is between two different facts");
      continue;
    }
    for (const field of ["variable", "about", "period"] as const) {
      if (a[field] !== b[field]) {
        problem(
          c,
          "facts",
          `the facts differ in ${field} ("${a[field]}" vs "${b[field]}"): they do not conflict`,
        );
      }
    }
    if (a.value === b.value && a.qualifier === b.qualifier) {
      problem(c, "facts", "the facts agree: make them one fact with both citations");
    }
  }

  // 7. Checks: parts and totals measure the same variable over the same period.
  for (const ch of bundle.checks) {
    const parts = ch.parts.map((k, i) => factRef(ch, `parts[${i}]`, k));
    const totals = ch.totals.map((k, i) => factRef(ch, `totals[${i}]`, k));
    for (const k of ch.parts.filter((k) => ch.totals.includes(k))) {
      problem(ch, "totals", `"${k}" is both a part and a total`);
    }
    const all = [...parts, ...totals].filter((f): f is FromFile<Fact> => f !== undefined);
    const [first] = all;
    if (!first) continue;
    for (const field of ["variable", "period", "statistic"] as const) {
      const other = all.find((f) => f[field] !== first[field]);
      if (other) {
        problem(
          ch,
          "",
          `"${first.key}" and "${other.key}" differ in ${field} ("${first[field]}" vs "${other[field]}")`,
        );
      }
    }
  }

  if (problems.length > 0) throw new SeedError(problems);
  return bundle;
}

/** The numbers of a document's text, cached per document. */
const numbersCache = new WeakMap<SeedDocument, ParsedNumber[]>();
function numbersOf(doc: SeedDocument): ParsedNumber[] {
  let found = numbersCache.get(doc);
  if (!found) {
    found = parseNumbers(doc.text);
    numbersCache.set(doc, found);
  }
  return found;
}

export interface SeedCounts {
  documents: number;
  entities: number;
  entitiesByKind: Record<EntityKind, number>;
  variables: number;
  relations: number;
  relationsWithSource: number;
  facts: number;
  citations: number;
  garbledCitations: number;
  conflicts: number;
  checks: number;
}

/** How much the bundle holds. */
export function seedCounts(bundle: SeedBundle): SeedCounts {
  const entitiesByKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<
    EntityKind,
    number
  >;
  for (const e of bundle.entities) entitiesByKind[e.kind] += 1;
  const citations = bundle.facts.flatMap((f) => f.citations);
  return {
    documents: bundle.documents.length,
    entities: bundle.entities.length,
    entitiesByKind,
    variables: bundle.variables.length,
    relations: bundle.relations.length,
    relationsWithSource: bundle.relations.filter((r) => r.source).length,
    facts: bundle.facts.length,
    citations: citations.length,
    garbledCitations: citations.filter((c) => c.garbled !== undefined).length,
    conflicts: bundle.conflicts.length,
    checks: bundle.checks.length,
  };
}
