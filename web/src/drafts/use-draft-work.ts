// The state of `/drafts`: the curator's work (the form, the draft, the edits of its figures, the
// names of new periods, the title, the commit's answer), kept in this tab (sessionStorage) so that
// a link followed, a reload or a language switch loses nothing; the token, kept there only; and
// the two requests, `draft` and `ingestDocument`, each sent once, never retried.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { buildFactsFile } from "../../../src/draft/facts-file";
import { initialEdit } from "../../../src/draft/figure-edit";
import { DOCUMENT_ID, HEADER } from "../../../src/model/document-header";
import { ApiError, request } from "../client";
import type { ResultOf } from "../graphql";
import { DraftQuery, IngestMutation } from "../queries";
import { focusById } from "./draft-text";
import type { DraftAnswer, FigureEdit } from "./draft-answer";
import { proposalOf } from "./new-entity-fields";

export type Language = "" | "EN" | "ES";
export type Ingested = ResultOf<typeof IngestMutation>["ingestDocument"];

export interface Form {
  text: string;
  id: string;
  language: Language;
}

export interface Work {
  form: Form;
  /** The last draft, with the form it was drafted from (the commit sends that text). */
  drafted?: { form: Form; answer: DraftAnswer };
  edits: FigureEdit[];
  periodNames: Record<string, { en: string; es: string }>;
  title: string;
  committed?: Ingested;
}

/** A request's failure: the server's, or what keeps it from being sent. */
export type Failure = ApiError | string[] | undefined;

interface Requests {
  drafting: boolean;
  draftError: Failure;
  committing: boolean;
  commitError: Failure;
}

const WORK_KEY = "imss-explorer.drafts.work";
const TOKEN_KEY = "imss-explorer.drafts.token";

const EMPTY: Work = {
  form: { text: "", id: "", language: "" },
  edits: [],
  periodNames: {},
  title: "",
};

function keep(key: string, value: unknown) {
  try {
    if (value === undefined || value === "") sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
  } catch {
    // storage full or disabled: the work stays on the page until it is left
  }
}

/** The work kept in this tab, if it is whole (one edit per drafted figure). */
function restored(): Work | undefined {
  try {
    const work = JSON.parse(sessionStorage.getItem(WORK_KEY) || "null") as Work | null;
    if (!work?.form || !Array.isArray(work.edits)) return undefined;
    const figures = work.drafted?.answer?.draft?.figures;
    if (work.drafted && (!figures || figures.length !== work.edits.length)) return undefined;
    return { ...EMPTY, ...work };
  } catch {
    return undefined;
  }
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Keeps the work (debounced, and when the view or the page is left) and the token in this tab. */
function useKept(work: Work, token: string) {
  const latest = useRef(work);
  latest.current = work;
  useEffect(() => {
    const timer = setTimeout(() => keep(WORK_KEY, work), 250);
    return () => clearTimeout(timer);
  }, [work]);
  useEffect(() => {
    const flush = () => keep(WORK_KEY, latest.current);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);
  useEffect(() => keep(TOKEN_KEY, token), [token]);
}

/** A file name as a document id: "920_en_rural_network.txt" → "920_en_rural_network". */
export function idOfFileName(name: string): string {
  return name
    .replace(/\.txt$/i, "")
    .replace(/[^\w.-]+/g, "_")
    .slice(0, 100);
}

/** What is wrong with the form before anything is sent. */
function formProblems(form: Form): string[] {
  const problems: string[] = [];
  if (!DOCUMENT_ID.test(form.id))
    problems.push(
      "The id must be a file name without .txt: letters, digits, _ . - (at most 100), e.g. 950_new_release.",
    );
  if (!HEADER.test(form.text))
    problems.push(
      `The text must start with " date YYYY-MM-DD " (a space, "date", the document's date, a space), e.g. " date 2022-01-20 The Institute …".`,
    );
  return problems;
}

const sameForm = (a: Form, b: Form) =>
  a.text === b.text && a.id === b.id && a.language === b.language;

const bearer = (token: string) => ({
  headers: { authorization: `Bearer ${token.trim()}` },
  attempts: 1,
});

/** The two requests of the view, their state and what they need from the work. */
function useRequests(work: Work, setWork: (update: (w: Work) => Work) => void, token: string) {
  const [requests, setRequests] = useState<Requests>({
    drafting: false,
    draftError: undefined,
    committing: false,
    commitError: undefined,
  });
  const update = (patch: Partial<Requests>) => setRequests((r) => ({ ...r, ...patch }));
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const { form, drafted, edits, periodNames, title } = work;
  const stale = drafted !== undefined && !sameForm(drafted.form, form);
  const built = useMemo(
    () =>
      drafted &&
      buildFactsFile({
        draft: drafted.answer.draft,
        text: drafted.form.text,
        edits,
        periodNames,
        title,
      }),
    [drafted, edits, periodNames, title],
  );

  async function runDraft(event: Event) {
    event.preventDefault();
    const problems = formProblems(form);
    if (!token.trim()) problems.push("Enter a curator token: drafting is a curator’s.");
    if (problems.length > 0) {
      update({ draftError: problems });
      return;
    }
    update({ drafting: true, draftError: undefined, commitError: undefined });
    const sent = { ...form };
    const input = { id: sent.id, text: sent.text, language: sent.language || null };
    try {
      const result = await request(DraftQuery, { input }, undefined, bearer(token));
      const edits = result.draft.figures.map((f) => initialEdit(result.draft, f));
      const answer = { form: sent, answer: result };
      setWork((w) => ({ ...w, drafted: answer, edits, periodNames: {}, committed: undefined }));
      requestAnimationFrame(() => reviewHeading.current?.focus());
    } catch (error) {
      update({ draftError: ApiError.of(error) });
    } finally {
      update({ drafting: false });
    }
  }

  async function commit(event: Event) {
    event.preventDefault();
    if (!built || !drafted || requests.committing || work.committed) return;
    const problems = [...built.problems];
    if (stale)
      problems.unshift(
        "The text, id or language changed since this draft: draft it again (the commit sends the drafted text).",
      );
    if (!token.trim()) problems.push("Enter a curator token.");
    if (problems.length > 0) {
      update({ commitError: problems });
      requestAnimationFrame(() => focusById("commit-error"));
      return;
    }
    update({ committing: true, commitError: undefined });
    const { id, text } = drafted.form;
    const input = { id, text, facts: JSON.stringify(built.file, null, 2) };
    try {
      const result = await request(IngestMutation, { input }, undefined, bearer(token));
      setWork((w) => ({ ...w, committed: result.ingestDocument }));
      requestAnimationFrame(() => focusById("commit-done"));
    } catch (error) {
      update({ commitError: ApiError.of(error) });
      requestAnimationFrame(() => focusById("commit-error"));
    } finally {
      update({ committing: false });
    }
  }

  return { ...requests, update, reviewHeading, stale, built, runDraft, commit };
}

/**
 * The edits with one figure's patch; a change of its proposed entity is shared by the figures
 * proposing the same key (those that keep it follow its key).
 */
function editsWith(w: Work, index: number, patch: Partial<FigureEdit>): FigureEdit[] {
  const figures = w.drafted?.answer.draft.figures ?? [];
  const proposed = (i: number) => proposalOf(figures[i])?.key;
  const shared = patch.newEntity && proposed(index);
  return w.edits.map((e, i) => {
    if (i === index) return { ...e, ...patch };
    if (!shared || !patch.newEntity || proposed(i) !== shared) return e;
    const kept = e.newEntity && e.about.trim() === e.newEntity.key.trim();
    return { ...e, newEntity: patch.newEntity, about: kept ? patch.newEntity.key.trim() : e.about };
  });
}

export function useDraftWork() {
  const [work, setWork] = useState<Work>(() => restored() ?? EMPTY);
  const [token, setToken] = useState(readToken);
  useKept(work, token);
  const requests = useRequests(work, setWork, token);
  return {
    work,
    setWork,
    token,
    setToken,
    ...requests,
    setForm: (patch: Partial<Form>) => setWork((w) => ({ ...w, form: { ...w.form, ...patch } })),
    setEdit: (index: number, patch: Partial<FigureEdit>) => {
      requests.update({ commitError: undefined });
      setWork((w) => ({ ...w, edits: editsWith(w, index, patch) }));
    },
    startOver: () => {
      setWork(EMPTY);
      requests.update({ draftError: undefined, commitError: undefined });
      requestAnimationFrame(() => document.getElementById("draft-text")?.focus());
    },
  };
}

export type DraftWork = ReturnType<typeof useDraftWork>;
