// `/drafts`: a curator pastes (or uploads) a new document, drafts its facts (one `draft` request:
// nothing is written), reviews every figure (accept, correct, reject) beside the text with each
// quote marked, and commits the settled facts file (one `ingestDocument` request). Both requests
// carry the curator's bearer token. Editing makes no request. The work in progress is kept in this tab
// (sessionStorage), so that a link followed, a reload or a language switch loses nothing; the
// token is kept in sessionStorage only.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, request } from "../client";
import { Heading, useTitle } from "../components";
import {
  buildFactsFile,
  initialEdit,
  newPeriodsOf,
  outcomeOf,
  periodNames,
} from "../../../src/draft/facts-file";
import type { DraftAnswer, FigureEdit } from "../drafts/facts-file";
import { choicesOf, DraftText, FigureCard, focusById, nameIn, type Named } from "../drafts/review";
import { formatFact, type Qualifier, type Unit } from "../format";
import type { ResultOf } from "../graphql";
import { useLang, word } from "../lang";
import { DraftQuery, IngestMutation } from "../queries";
import { href } from "../router";

type Language = "" | "EN" | "ES";
type Ingested = ResultOf<typeof IngestMutation>["ingestDocument"];

interface Form {
  text: string;
  id: string;
  language: Language;
}

interface Work {
  form: Form;
  /** The last draft, with the form it was drafted from (the commit sends that text). */
  drafted?: { form: Form; answer: DraftAnswer };
  edits: FigureEdit[];
  periodNames: Record<string, { en: string; es: string }>;
  title: string;
  committed?: Ingested;
}

const WORK_KEY = "imss-explorer.drafts.work";
const TOKEN_KEY = "imss-explorer.drafts.token";
const HEADER = /^ date \d{4}-\d{2}-\d{2} /;
const ID = /^[\w.-]{1,100}$/;

const EMPTY: Work = {
  form: { text: "", id: "", language: "" },
  edits: [],
  periodNames: {},
  title: "",
};

function session<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

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
  const work = session<Work>(WORK_KEY);
  if (!work?.form || !Array.isArray(work.edits)) return undefined;
  const figures = work.drafted?.answer?.draft?.figures;
  if (work.drafted && (!figures || figures.length !== work.edits.length)) return undefined;
  return { ...EMPTY, ...work };
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
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
  if (!ID.test(form.id))
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

/** A failure of a request, for reading: a title, the server's words, and its problems. */
function Refusal({ title, error }: { title: string; error: ApiError }) {
  const heading =
    error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN"
      ? `${title}: the token was refused`
      : error.code === "BAD_USER_INPUT"
        ? `${title}: the server refused the input`
        : title;
  return (
    <div class="error" role="alert" id="commit-error" tabIndex={-1} data-error-code={error.code}>
      <h3>{heading}</h3>
      <p class="server-message">{error.message}</p>
      {error.problems.length > 1 && (
        <ul>
          {error.problems.map((p) => (
            <li key={`${p.entry} ${p.path} ${p.reason}`}>
              {p.entry} at {p.path}: {p.reason}
            </li>
          ))}
        </ul>
      )}
      <p class="small">Nothing was written.</p>
    </div>
  );
}

export function DraftsView() {
  useTitle("Draft a document");
  const lang = useLang();
  const [work, setWork] = useState<Work>(() => restored() ?? EMPTY);
  const [token, setToken] = useState(readToken);
  const [drafting, setDrafting] = useState(false);
  const [draftError, setDraftError] = useState<ApiError | string[] | undefined>();
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<ApiError | string[] | undefined>();
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const { form, drafted, edits } = work;

  // Kept in this tab: the work (debounced, and when the view or the page is left), the token.
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

  const answer = drafted?.answer;
  const draft = answer?.draft;
  const choices = useMemo(() => (answer ? choicesOf(answer) : undefined), [answer]);
  const stale = drafted !== undefined && !sameForm(drafted.form, form);
  const built = useMemo(
    () =>
      draft && drafted
        ? buildFactsFile({
            draft,
            text: drafted.form.text,
            edits,
            periodNames: work.periodNames,
            title: work.title,
          })
        : undefined,
    [draft, drafted, edits, work.periodNames, work.title],
  );

  const setForm = (patch: Partial<Form>) =>
    setWork((w) => ({ ...w, form: { ...w.form, ...patch } }));
  const setEdit = (index: number, patch: Partial<FigureEdit>) => {
    setCommitError(undefined);
    setWork((w) => ({
      ...w,
      edits: w.edits.map((e, i) => (i === index ? { ...e, ...patch } : e)),
    }));
  };

  async function runDraft(event: Event) {
    event.preventDefault();
    const problems = formProblems(form);
    if (!token.trim()) problems.push("Enter a curator token: drafting is a curator’s.");
    if (problems.length > 0) {
      setDraftError(problems);
      return;
    }
    setDrafting(true);
    setDraftError(undefined);
    setCommitError(undefined);
    const sent = { ...form };
    try {
      const result = await request(
        DraftQuery,
        { input: { id: sent.id, text: sent.text, language: sent.language || null } },
        undefined,
        { headers: { authorization: `Bearer ${token.trim()}` }, attempts: 1 },
      );
      setWork((w) => ({
        ...w,
        drafted: { form: sent, answer: result },
        edits: result.draft.figures.map((f) => initialEdit(result.draft, f)),
        periodNames: {},
        committed: undefined,
      }));
      requestAnimationFrame(() => reviewHeading.current?.focus());
    } catch (error) {
      setDraftError(error instanceof ApiError ? error : new ApiError("server", String(error)));
    } finally {
      setDrafting(false);
    }
  }

  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = (await file.text()).replace(/^\uFEFF/, "");
    setForm({ text, id: idOfFileName(file.name) });
  }

  async function commit(event: Event) {
    event.preventDefault();
    if (!built || !drafted || committing || work.committed) return;
    const problems = [...built.problems];
    if (stale)
      problems.unshift(
        "The text, id or language changed since this draft: draft it again (the commit sends the drafted text).",
      );
    if (!token.trim()) problems.push("Enter a curator token.");
    if (problems.length > 0) {
      setCommitError(problems);
      requestAnimationFrame(() => focusById("commit-error"));
      return;
    }
    setCommitting(true);
    setCommitError(undefined);
    try {
      const result = await request(
        IngestMutation,
        {
          input: {
            id: drafted.form.id,
            text: drafted.form.text,
            facts: JSON.stringify(built.file, null, 2),
          },
        },
        undefined,
        { headers: { authorization: `Bearer ${token.trim()}` }, attempts: 1 },
      );
      setWork((w) => ({ ...w, committed: result.ingestDocument }));
      requestAnimationFrame(() => focusById("commit-done"));
    } catch (error) {
      setCommitError(error instanceof ApiError ? error : new ApiError("server", String(error)));
      requestAnimationFrame(() => focusById("commit-error"));
    } finally {
      setCommitting(false);
    }
  }

  function startOver() {
    setWork(EMPTY);
    setDraftError(undefined);
    setCommitError(undefined);
    requestAnimationFrame(() => document.getElementById("draft-text")?.focus());
  }

  /** The server's problems with one figure's entry ("facts[0] (key: k)"), by figure. */
  const problemsByFigure = useMemo(() => {
    const by = new Map<number, string[]>();
    if (!(commitError instanceof ApiError) || !draft) return by;
    draft.figures.forEach((f, i) => {
      const edit = edits[i];
      if (!edit) return;
      const outcome = outcomeOf({ draft }, f, edit);
      const key =
        outcome.kind === "fact"
          ? outcome.key
          : outcome.kind === "corroboration"
            ? outcome.fact
            : "";
      if (!key) return;
      const mine = commitError.problems.filter((p) => p.entry.includes(`(key: ${key})`));
      if (mine.length > 0)
        by.set(
          i,
          mine.map((p) => `${p.path}: ${p.reason}`),
        );
    });
    return by;
  }, [commitError, draft, edits]);

  const decided = edits.filter((e) => e.decision !== undefined).length;
  const settled = draft
    ? draft.figures.filter((f, i) => f.unsettled.length === 0 && edits[i]?.decision === undefined)
    : [];
  const usedPeriods = built?.file.entities ?? [];
  const offered = draft ? newPeriodsOf(draft) : new Map();
  const counts = built && {
    facts: built.file.facts?.length ?? 0,
    corroborations: built.file.corroborations?.length ?? 0,
    conflicts: built.file.conflicts?.length ?? 0,
    skips: built.file.skips?.length ?? 0,
    rejected: edits.filter((e) => e.decision === "reject").length,
  };

  return (
    <div class="drafts">
      <Heading>Draft a document’s facts</Heading>
      <p class="lead">
        Paste a new press release (or upload its .txt file) and draft it: every figure is proposed
        with its quote, entity, variable, period and statistic, beside what the graph already says.
        Accept, correct or reject each figure, then commit them. Both take a curator’s token.
        Nothing is written until you commit.
      </p>

      <form class="draft-form" onSubmit={runDraft} aria-labelledby="draft-form-h">
        <h2 id="draft-form-h">The document</h2>
        <div class="field field-wide">
          <label for="draft-text">Its whole text</label>
          <textarea
            id="draft-text"
            rows={8}
            value={form.text}
            spellcheck={false}
            aria-describedby="draft-text-hint"
            placeholder=" date 2022-01-20 The Institute reported …"
            onInput={(event) => setForm({ text: event.currentTarget.value })}
          />
          <div id="draft-text-hint" class="field-hint small muted">
            It starts with its date: <code>" date YYYY-MM-DD "</code>, as the seed documents do.
            Offsets count from that first space.
          </div>
        </div>
        <div class="form-row">
          <div class="field">
            <label for="draft-file">Or upload a .txt file</label>
            <input id="draft-file" type="file" accept=".txt,text/plain" onChange={upload} />
          </div>
          <div class="field">
            <label for="draft-id">Document id</label>
            <input
              id="draft-id"
              type="text"
              value={form.id}
              spellcheck={false}
              autocomplete="off"
              placeholder="950_new_release"
              aria-describedby="draft-id-hint"
              onInput={(event) => setForm({ id: event.currentTarget.value })}
            />
            <div id="draft-id-hint" class="field-hint small muted">
              A file name without .txt (from the file’s name when you upload one).
            </div>
          </div>
          <div class="field">
            <label for="draft-language">Language</label>
            <select
              id="draft-language"
              value={form.language}
              onChange={(event) => setForm({ language: event.currentTarget.value as Language })}
            >
              <option value="">Detect it from the text</option>
              <option value="EN">English</option>
              <option value="ES">Spanish (español)</option>
            </select>
          </div>
          <div class="field">
            <label for="curator-token">Curator token</label>
            <input
              id="curator-token"
              type="password"
              autocomplete="off"
              spellcheck={false}
              value={token}
              aria-describedby="curator-token-hint"
              onInput={(event) => setToken(event.currentTarget.value)}
            />
            <div id="curator-token-hint" class="field-hint small muted">
              Sent as a bearer token with the draft and the commit; kept in this tab
              (sessionStorage), forgotten when it closes.
            </div>
          </div>
        </div>
        <p class="actions">
          <button type="submit" class="primary" disabled={drafting}>
            {drafting ? "Drafting…" : "Draft"}
          </button>
          {drafting && (
            <span role="status" class="muted">
              Drafting against the graph…
            </span>
          )}
          {(drafted || form.text) && (
            <button type="button" onClick={startOver}>
              Start over
            </button>
          )}
        </p>
        {draftError instanceof ApiError && (
          <div class="error" role="alert" data-error-code={draftError.code}>
            <h3>
              {draftError.code === "UNAUTHENTICATED" || draftError.code === "FORBIDDEN"
                ? "The draft failed: the token was refused"
                : "The draft failed"}
            </h3>
            <p class="server-message">{draftError.message}</p>
          </div>
        )}
        {Array.isArray(draftError) && (
          <div class="error" role="alert">
            <h3>Not drafted</h3>
            <ul>
              {draftError.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </form>

      {draft && drafted && choices && built && counts && (
        <section class="review" aria-labelledby="review-h">
          <h2 id="review-h" tabIndex={-1} ref={reviewHeading}>
            Review the draft of <code>{draft.id}</code>
          </h2>
          <p>
            Dated {draft.date}, in {word(draft.language, "EN")}
            {drafted.form.language === "" && " (detected)"}: {draft.figures.length} figures (
            {["NEW", "CORROBORATES", "CONFLICTS", "LATER_PERIOD"]
              .map((kind) => ({
                kind,
                n: draft.figures.filter((f) => f.graph.kind === kind).length,
              }))
              .filter((x) => x.n > 0)
              .map((x) => `${x.n} ${x.kind.toLowerCase().replace("_", " ")}`)
              .join(", ")}
            ), {draft.skips.length} numbers skipped.{" "}
            {draft.figures.filter((f) => f.unsettled.length > 0).length} with something to settle.
          </p>
          {stale && (
            <p class="notice attention" role="status">
              The text, id or language changed since this draft. Draft again to review it; the
              review below is of the drafted text.
            </p>
          )}
          <div class="review-tools">
            <span role="status" class="decided">
              {decided} of {draft.figures.length} figures decided.
            </span>
            {settled.length > 0 && (
              <button
                type="button"
                onClick={() =>
                  setWork((w) => ({
                    ...w,
                    edits: w.edits.map((e, i) =>
                      e.decision === undefined && draft.figures[i]?.unsettled.length === 0
                        ? { ...e, decision: "accept" }
                        : e,
                    ),
                  }))
                }
              >
                Accept the {settled.length} undecided figures with nothing to settle
              </button>
            )}
          </div>

          <div class="review-layout">
            <section class="review-text" aria-labelledby="text-h">
              <h2 id="text-h">The text</h2>
              <p class="legend small">
                <mark class="mark-undecided">undecided</mark>{" "}
                <mark class="mark-attention">to settle</mark>{" "}
                <mark class="mark-accepted">accepted</mark>{" "}
                <mark class="mark-rejected">rejected</mark>{" "}
                <span class="skipped-number">skipped number</span>
              </p>
              <DraftText text={drafted.form.text} draft={draft} edits={edits} />
            </section>

            <section class="review-figures" aria-labelledby="figures-h">
              <h2 id="figures-h">Figures ({draft.figures.length})</h2>
              {draft.figures.length === 0 && <p class="muted">The drafter found no figure.</p>}
              <datalist id="draft-things">
                {choices.things.map((n) => (
                  <option key={n.key} value={n.key}>
                    {nameIn(lang, n)}
                  </option>
                ))}
              </datalist>
              <datalist id="draft-variables">
                {choices.variables.map((n) => (
                  <option key={n.key} value={n.key}>
                    {nameIn(lang, n)}
                  </option>
                ))}
              </datalist>
              <datalist id="draft-periods">
                {[...choices.periods, ...[...offered.keys()].map((k) => choices.byKey.get(k))]
                  .filter((n): n is Named => n !== undefined)
                  .map((n) => (
                    <option key={n.key} value={n.key}>
                      {nameIn(lang, n)}
                    </option>
                  ))}
              </datalist>
              <fieldset class="figure-set" disabled={work.committed !== undefined}>
                <legend class="visually-hidden">The figures and your decisions</legend>
                <ol class="figure-cards">
                  {draft.figures.map((f, i) => (
                    <FigureCard
                      key={f.index}
                      draft={draft}
                      figure={f}
                      edit={edits[i] as FigureEdit}
                      text={drafted.form.text}
                      choices={choices}
                      lang={lang}
                      problems={problemsByFigure.get(i) ?? []}
                      onChange={(patch) => setEdit(i, patch)}
                      onReset={() =>
                        setEdit(i, {
                          ...initialEdit(draft, f),
                          decision: edits[i]?.decision,
                          key: undefined,
                        })
                      }
                    />
                  ))}
                </ol>
              </fieldset>
            </section>
          </div>

          <section aria-labelledby="skips-h" class="skips">
            <h2 id="skips-h">Skipped numbers ({draft.skips.length})</h2>
            {draft.skips.length === 0 ? (
              <p class="muted">The drafter skipped no number.</p>
            ) : (
              <table class="stack">
                <thead>
                  <tr>
                    <th scope="col">Number</th>
                    <th scope="col">In the words</th>
                    <th scope="col">Why it is not a figure</th>
                  </tr>
                </thead>
                <tbody>
                  {draft.skips.map((s) => (
                    <tr key={`${s.start}-${s.raw}`} data-start={s.start}>
                      <td data-label="Number">
                        <strong>{s.raw}</strong> <span class="small muted">at {s.start}</span>
                      </td>
                      <td data-label="In the words" class="small">
                        …{drafted.form.text.slice(Math.max(0, s.start - 40), s.start)}
                        <strong>{s.raw}</strong>
                        {drafted.form.text.slice(
                          s.start + s.raw.length,
                          s.start + s.raw.length + 40,
                        )}
                        …
                      </td>
                      <td data-label="Why it is not a figure">{s.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {counts.rejected > 0 && (
              <p class="small muted">
                The numbers of the {counts.rejected} figures you rejected are skipped too, as
                “rejected by the curator”.
              </p>
            )}
          </section>

          <form class="commit" onSubmit={commit} aria-labelledby="commit-h">
            <h2 id="commit-h">Commit</h2>
            <p>The facts file sent with the document holds:</p>
            <ul class="commit-summary">
              <li>
                <strong>{counts.facts}</strong> {words(counts.facts, "new fact")}
              </li>
              <li>
                <strong>{counts.corroborations}</strong>{" "}
                {words(counts.corroborations, "corroboration")} (new citations of the graph’s facts)
              </li>
              <li>
                <strong>{counts.conflicts}</strong> {words(counts.conflicts, "conflict")} with the
                graph’s facts
              </li>
              <li>
                <strong>{counts.skips}</strong> {words(counts.skips, "skipped number")} (
                {counts.rejected} rejected by you)
              </li>
              <li>
                <strong>{usedPeriods.length}</strong> {words(usedPeriods.length, "new period")}
              </li>
            </ul>
            {usedPeriods.length > 0 && (
              <fieldset class="new-periods">
                <legend>Names of the new periods</legend>
                {usedPeriods.map((p) => {
                  const names = work.periodNames[p.key] ?? periodNames(p);
                  const set = (patch: Partial<typeof names>) =>
                    setWork((w) => ({
                      ...w,
                      periodNames: { ...w.periodNames, [p.key]: { ...names, ...patch } },
                    }));
                  return (
                    <div key={p.key} class="form-row">
                      <p class="small">
                        <code>{p.key}</code>: {p.start} to {p.end} ({p.granularity})
                      </p>
                      <div class="field">
                        <label for={`period-${p.key}-en`}>English name</label>
                        <input
                          id={`period-${p.key}-en`}
                          type="text"
                          value={names.en}
                          onInput={(event) => set({ en: event.currentTarget.value })}
                        />
                      </div>
                      <div class="field">
                        <label for={`period-${p.key}-es`}>Spanish name</label>
                        <input
                          id={`period-${p.key}-es`}
                          type="text"
                          lang="es"
                          value={names.es}
                          onInput={(event) => set({ es: event.currentTarget.value })}
                        />
                      </div>
                    </div>
                  );
                })}
              </fieldset>
            )}
            <div class="form-row">
              <div class="field">
                <label for="commit-title">Document title (optional)</label>
                <input
                  id="commit-title"
                  type="text"
                  value={work.title}
                  onInput={(event) => setWork((w) => ({ ...w, title: event.currentTarget.value }))}
                />
              </div>
            </div>
            <p class="actions">
              <button
                type="submit"
                class="primary"
                disabled={committing || work.committed !== undefined}
              >
                {committing ? "Committing…" : "Commit"}
              </button>
              <span class="muted small">
                {decided} of {draft.figures.length} figures decided
                {built.problems.length > 0 && `; ${built.problems.length} things to fix first`}.
              </span>
            </p>
            {Array.isArray(commitError) && (
              <div class="error" role="alert" id="commit-error" tabIndex={-1}>
                <h3>Not committed yet</h3>
                <ul>
                  {commitError.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
                <p class="small">Nothing was sent.</p>
              </div>
            )}
            {commitError instanceof ApiError && (
              <Refusal title="Not committed" error={commitError} />
            )}
            {work.committed && <Committed result={work.committed} startOver={startOver} />}
            <details class="facts-file">
              <summary>The facts file (JSON, seed format)</summary>
              <pre>
                <code>{JSON.stringify(built.file, null, 2)}</code>
              </pre>
            </details>
          </form>
        </section>
      )}
    </div>
  );
}

/** "new fact", "new facts". */
const words = (n: number, one: string) => `${one}${n === 1 ? "" : "s"}`;
const count = (n: number, one: string) => `${n} ${words(n, one)}`;

function Committed({ result, startOver }: { result: Ingested; startOver: () => void }) {
  const doc = result.document;
  const row = (f: Ingested["facts"][number]) => (
    <li key={f.key}>
      <a href={href.fact(f.about.key, f.key)}>
        <code>{f.key}</code>
      </a>{" "}
      {formatFact({
        value: f.value,
        unit: f.unit as Unit,
        qualifiers: f.qualifiers as Qualifier[],
      })}
    </li>
  );
  return (
    <div class="success" role="status" id="commit-done" tabIndex={-1}>
      <h3>Committed</h3>
      <p>
        <a class="committed-document" href={href.document(doc.key)}>
          {doc.title}
        </a>{" "}
        ({doc.date}) is in the graph, with {count(result.facts.length, "new fact")} and{" "}
        {count(result.corroborated.length, "new citation")} of the graph’s facts. The change log
        records who wrote them.
      </p>
      {result.facts.length > 0 && (
        <>
          <h4>New facts</h4>
          <ul class="committed-facts">{result.facts.map(row)}</ul>
        </>
      )}
      {result.corroborated.length > 0 && (
        <>
          <h4>Corroborated facts</h4>
          <ul class="committed-corroborated">{result.corroborated.map(row)}</ul>
        </>
      )}
      <p>
        <button type="button" onClick={startOver}>
          Draft another document
        </button>
      </p>
    </div>
  );
}
