// The commit of a review (`/drafts`): what the facts file holds, the names of its new periods, the
// document's title, and "Commit" (one `ingestDocument` request); the refusal or what was written.
import { type FactsFile, periodNames } from "../../../src/draft/facts-file";
import { ApiError } from "../client";
import { Committed, words } from "./commit-result";
import type { DraftWork } from "./use-draft-work";

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

type Entry = NonNullable<FactsFile["entities"]>[number];
type PeriodEntry = Entry & { start: string; end: string; granularity: string };
const isPeriod = (e: Entry): e is PeriodEntry =>
  e.kind === "TimePeriod" && !!e.start && !!e.end && !!e.granularity;

function CommitSummary({ built, work }: DraftWork) {
  const file = built?.file;
  const periods = (file?.entities ?? []).filter(isPeriod).length;
  const n = {
    facts: file?.facts?.length ?? 0,
    corroborations: file?.corroborations?.length ?? 0,
    conflicts: file?.conflicts?.length ?? 0,
    skips: file?.skips?.length ?? 0,
    periods,
    entities: (file?.entities?.length ?? 0) - periods,
    rejected: work.edits.filter((e) => e.decision === "reject").length,
  };
  return (
    <ul class="commit-summary">
      <li>
        <strong>{n.facts}</strong> {words(n.facts, "new fact")}
      </li>
      <li>
        <strong>{n.corroborations}</strong> {words(n.corroborations, "corroboration")} (new
        citations of the graph’s facts)
      </li>
      <li>
        <strong>{n.conflicts}</strong> {words(n.conflicts, "conflict")} with the graph’s facts
      </li>
      <li>
        <strong>{n.skips}</strong> {words(n.skips, "skipped number")} ({n.rejected} rejected by you)
      </li>
      <li>
        <strong>{n.periods}</strong> {words(n.periods, "new period")}
      </li>
      <li>
        <strong>{n.entities}</strong> {n.entities === 1 ? "new entity" : "new entities"} (proposed
        by the drafter, named by you)
      </li>
    </ul>
  );
}

function NewPeriodNames({ built, work, setWork }: DraftWork) {
  const used = (built?.file.entities ?? []).filter(isPeriod);
  if (used.length === 0) return null;
  return (
    <fieldset class="new-periods">
      <legend>Names of the new periods</legend>
      {used.map((p) => {
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
            {(["en", "es"] as const).map((l) => (
              <div key={l} class="field">
                <label for={`period-${p.key}-${l}`}>
                  {l === "en" ? "English name" : "Spanish name"}
                </label>
                <input
                  id={`period-${p.key}-${l}`}
                  type="text"
                  lang={l === "es" ? "es" : undefined}
                  value={names[l]}
                  onInput={(event) => set({ [l]: event.currentTarget.value })}
                />
              </div>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

function CommitFailure({ error }: { error: DraftWork["commitError"] }) {
  if (error instanceof ApiError) return <Refusal title="Not committed" error={error} />;
  if (!error) return null;
  return (
    <div class="error" role="alert" id="commit-error" tabIndex={-1}>
      <h3>Not committed yet</h3>
      <ul>
        {error.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p class="small">Nothing was sent.</p>
    </div>
  );
}

export function CommitPanel(props: DraftWork) {
  const { work, setWork, built, committing, commit, startOver } = props;
  const decided = work.edits.filter((e) => e.decision !== undefined).length;
  const problems = built?.problems.length ?? 0;
  return (
    <form class="commit" onSubmit={commit} aria-labelledby="commit-h">
      <h2 id="commit-h">Commit</h2>
      <p>The facts file sent with the document holds:</p>
      <CommitSummary {...props} />
      <NewPeriodNames {...props} />
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
        <button type="submit" class="primary" disabled={committing || work.committed !== undefined}>
          {committing ? "Committing…" : "Commit"}
        </button>
        <span class="muted small">
          {decided} of {work.edits.length} figures decided
          {problems > 0 && `; ${problems} things to fix first`}.
        </span>
      </p>
      <CommitFailure error={props.commitError} />
      {work.committed && <Committed result={work.committed} startOver={startOver} />}
      <details class="facts-file">
        <summary>The facts file (JSON, seed format)</summary>
        <pre>
          <code>{JSON.stringify(built?.file, null, 2)}</code>
        </pre>
      </details>
    </form>
  );
}
