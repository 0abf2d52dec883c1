// The review of a draft (`/drafts`): what was drafted, the text with every quote marked beside
// one card per figure, the skipped numbers, and the commit. Editing makes no request.
import { useMemo } from "preact/hooks";
import { newPeriodsOf, outcomeOf } from "../../../src/draft/facts-file";
import { initialEdit } from "../../../src/draft/figure-edit";
import { ApiError } from "../client";
import { useLang, word, type Lang } from "../lang";
import { choicesOf, nameIn, type Choices, type Named } from "./choices";
import { CommitPanel } from "./commit-panel";
import { DraftText } from "./draft-text";
import type { Draft, FigureEdit, GraphMatchKind } from "./draft-answer";
import { FigureCard } from "./figure-card";
import type { DraftWork } from "./use-draft-work";

type Drafted = NonNullable<DraftWork["work"]["drafted"]>;

/** How the summary counts the figures of each kind of graph match. */
const KIND_WORDS: Record<GraphMatchKind, string> = {
  NEW: "new",
  CORROBORATES: "corroborates",
  CONFLICTS: "conflicts",
  RESTATES: "restating the graph’s value at another period",
  CHANGED: "changed from the graph’s value at another period",
};

function ReviewSummary({ work, stale, setWork, drafted }: DraftWork & { drafted: Drafted }) {
  const draft = drafted.answer.draft;
  const decided = work.edits.filter((e) => e.decision !== undefined).length;
  const settled = draft.figures.filter(
    (f, i) => f.unsettled.length === 0 && work.edits[i]?.decision === undefined,
  );
  const kinds = (Object.keys(KIND_WORDS) as GraphMatchKind[])
    .map((kind) => ({ kind, n: draft.figures.filter((f) => f.graph.kind === kind).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${KIND_WORDS[x.kind]}`)
    .join(", ");
  const acceptSettled = () =>
    setWork((w) => ({
      ...w,
      edits: w.edits.map((e, i) =>
        e.decision === undefined && draft.figures[i]?.unsettled.length === 0
          ? { ...e, decision: "accept" }
          : e,
      ),
    }));
  return (
    <>
      <p>
        Dated {draft.date}, in {word(draft.language, "EN")}
        {drafted.form.language === "" && " (detected)"}: {draft.figures.length} figures ({kinds}),{" "}
        {draft.skips.length} numbers skipped.{" "}
        {draft.figures.filter((f) => f.unsettled.length > 0).length} with something to settle.
      </p>
      {stale && (
        <p class="notice attention" role="status">
          The text, id or language changed since this draft. Draft again to review it; the review
          below is of the drafted text.
        </p>
      )}
      <div class="review-tools">
        <span role="status" class="decided">
          {decided} of {draft.figures.length} figures decided.
        </span>
        {settled.length > 0 && (
          <button type="button" onClick={acceptSettled}>
            Accept the {settled.length} undecided figures with nothing to settle
          </button>
        )}
      </div>
    </>
  );
}

/** The keys a key field suggests as it is typed: every entity, variable and period. */
function KeyLists({ choices, draft, lang }: { choices: Choices; draft: Draft; lang: Lang }) {
  const option = (n: Named) => (
    <option key={n.key} value={n.key}>
      {nameIn(lang, n)}
    </option>
  );
  const offered = [...newPeriodsOf(draft).keys()].map((k) => choices.byKey.get(k));
  return (
    <>
      <datalist id="draft-things">{choices.things.map(option)}</datalist>
      <datalist id="draft-variables">{choices.variables.map(option)}</datalist>
      <datalist id="draft-periods">
        {[...choices.periods, ...offered].filter((n): n is Named => n !== undefined).map(option)}
      </datalist>
    </>
  );
}

/** The server's problems with one figure's entry ("facts[0] (key: k)"), by figure. */
function useProblemsByFigure({ commitError, work }: DraftWork, draft: Draft) {
  return useMemo(() => {
    const by = new Map<number, string[]>();
    if (!(commitError instanceof ApiError)) return by;
    draft.figures.forEach((f, i) => {
      const edit = work.edits[i];
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
  }, [commitError, draft, work.edits]);
}

function FigureList(props: DraftWork & { drafted: Drafted; lang: Lang }) {
  const { work, setEdit, drafted, lang } = props;
  const draft = drafted.answer.draft;
  const choices = useMemo(() => choicesOf(drafted.answer), [drafted.answer]);
  const problems = useProblemsByFigure(props, draft);
  return (
    <section class="review-figures" aria-labelledby="figures-h">
      <h2 id="figures-h">Figures ({draft.figures.length})</h2>
      {draft.figures.length === 0 && <p class="muted">The drafter found no figure.</p>}
      <KeyLists choices={choices} draft={draft} lang={lang} />
      <fieldset class="figure-set" disabled={work.committed !== undefined}>
        <legend class="visually-hidden">The figures and your decisions</legend>
        <ol class="figure-cards">
          {draft.figures.map((f, i) => (
            <FigureCard
              key={f.index}
              draft={draft}
              figure={f}
              edit={work.edits[i] as FigureEdit}
              text={drafted.form.text}
              choices={choices}
              lang={lang}
              problems={problems.get(i) ?? []}
              onChange={(patch) => setEdit(i, patch)}
              onReset={() =>
                setEdit(i, { ...initialEdit(draft, f), decision: work.edits[i]?.decision })
              }
            />
          ))}
        </ol>
      </fieldset>
    </section>
  );
}

function SkippedNumbers({ work, drafted }: DraftWork & { drafted: Drafted }) {
  const { skips } = drafted.answer.draft;
  const text = drafted.form.text;
  const rejected = work.edits.filter((e) => e.decision === "reject").length;
  return (
    <section aria-labelledby="skips-h" class="skips">
      <h2 id="skips-h">Skipped numbers ({skips.length})</h2>
      {skips.length === 0 ? (
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
            {skips.map((s) => (
              <tr key={`${s.start}-${s.raw}`} data-start={s.start}>
                <td data-label="Number">
                  <strong>{s.raw}</strong> <span class="small muted">at {s.start}</span>
                </td>
                <td data-label="In the words" class="small">
                  …{text.slice(Math.max(0, s.start - 40), s.start)}
                  <strong>{s.raw}</strong>
                  {text.slice(s.start + s.raw.length, s.start + s.raw.length + 40)}…
                </td>
                <td data-label="Why it is not a figure">{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rejected > 0 && (
        <p class="small muted">
          The numbers of the {rejected} figures you rejected are skipped too, as “rejected by the
          curator”.
        </p>
      )}
    </section>
  );
}

export function ReviewPanel(props: DraftWork & { drafted: Drafted }) {
  const { drafted, reviewHeading } = props;
  const lang = useLang();
  const draft = drafted.answer.draft;
  return (
    <section class="review" aria-labelledby="review-h">
      <h2 id="review-h" tabIndex={-1} ref={reviewHeading}>
        Review the draft of <code>{draft.id}</code>
      </h2>
      <ReviewSummary {...props} />
      <div class="review-layout">
        <section class="review-text" aria-labelledby="text-h">
          <h2 id="text-h">The text</h2>
          <p class="legend small">
            <mark class="mark-undecided">undecided</mark>{" "}
            <mark class="mark-attention">to settle</mark>{" "}
            <mark class="mark-accepted">accepted</mark> <mark class="mark-rejected">rejected</mark>{" "}
            <span class="skipped-number">skipped number</span>
          </p>
          <DraftText text={drafted.form.text} draft={draft} edits={props.work.edits} />
        </section>
        <FigureList {...props} lang={lang} />
      </div>
      <SkippedNumbers {...props} />
      <CommitPanel {...props} />
    </section>
  );
}
