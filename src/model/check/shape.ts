import {
  emptyBundle,
  type FromFile,
  type ParsedBundle,
  type SeedDocument,
  type SourceText,
} from "../bundle.js";
import { type DocumentEntry, SEED_SECTIONS, type Section } from "../seed-file.js";
import type { SeedCheck } from "./seed-check.js";

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
  if (section === "skips") {
    const [doc, start, words] = [raw.document, raw.start, raw.raw].map(String);
    return `${at} (${doc} @${start} "${words}")`;
  }
  if (section === "corroborations")
    return typeof raw.fact === "string" ? `${at} (fact: ${raw.fact})` : at;
  if (section === "documents") return typeof raw.id === "string" ? `${at} (id: ${raw.id})` : at;
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

/**
 * Step 1, shape: each entry of each file on its own against its section's schema, so that one
 * bad entry hides no other problem. Returns the valid entries, merged in file order, as written
 * (a quote's start may still be missing: step 1b, check/starts.ts, locates it).
 */
export function parseSections(
  check: SeedCheck,
  texts: SourceText[],
  files: { file: string; data: unknown }[],
): ParsedBundle {
  const bundle: ParsedBundle = emptyBundle();
  const entries: FromFile<DocumentEntry>[] = [];
  for (const { file, data } of files) {
    const content = data ?? {};
    if (!isRecord(content)) {
      check.problems.push({
        file,
        entry: "(file)",
        path: "",
        reason: "a seed file must be a mapping of sections",
      });
      continue;
    }
    for (const [name, value] of Object.entries(content)) {
      if (!(name in SEED_SECTIONS)) {
        check.problems.push({
          file,
          entry: "(file)",
          path: name,
          reason: `unknown section (expected ${Object.keys(SEED_SECTIONS).join(", ")})`,
        });
        continue;
      }
      const section = name as Section;
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) {
        check.problems.push({ file, entry: section, path: "", reason: "a section must be a list" });
        continue;
      }
      value.forEach((raw, index) => {
        const entry = entryName(section, index, raw);
        const parsed = SEED_SECTIONS[section].safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            check.problems.push({
              file,
              entry,
              path: formatPath(issue.path),
              reason: issue.message,
            });
          }
          if (isRecord(raw) && typeof raw.key === "string") check.invalidKeys[section].add(raw.key);
          return;
        }
        const item = { ...parsed.data, file };
        check.entryOf.set(item, entry);
        if (section === "documents") entries.push(item as FromFile<DocumentEntry>);
        else (bundle[section] as object[]).push(item);
      });
    }
  }
  bundle.documents = describeDocuments(check, texts, entries);
  return bundle;
}

/**
 * Each document with its entry of a `documents:` section (its language, its title): every
 * document needs exactly one, and every entry a document. A document without one is still
 * checked, as English, so that one run reports everything.
 */
function describeDocuments(
  check: SeedCheck,
  texts: SourceText[],
  entries: FromFile<DocumentEntry>[],
): SeedDocument[] {
  const byId = new Map<string, FromFile<DocumentEntry>>();
  for (const e of entries) {
    const first = byId.get(e.id);
    if (first) {
      check.problem(e, "id", `document "${e.id}" is already described (in ${first.file})`);
    } else if (!texts.some((t) => t.id === e.id)) {
      check.problem(
        e,
        "id",
        `unknown document "${e.id}" (known: ${texts.map((t) => t.id).join(", ") || "none"})`,
      );
    } else {
      byId.set(e.id, e);
    }
  }
  return texts.map((t) => {
    const entry = byId.get(t.id);
    if (!entry) {
      check.problems.push({
        file: t.file,
        entry: "(document)",
        path: "language",
        reason: `no entry in a documents: section says its language (add - { id: ${t.id}, language: en|es })`,
      });
    }
    return {
      ...t,
      language: entry?.language ?? "en",
      title: entry?.title ?? `IMSS press release of ${t.date}`,
    };
  });
}
