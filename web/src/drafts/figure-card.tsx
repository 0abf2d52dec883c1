// One card per drafted figure (`/drafts`): its value and quote, how sure the drafter is, what it
// could not settle, what the graph says, its fields as choices (figure-fields.tsx) and the
// curator's decision. Editing here changes local state only: no request.
import { Citations, FactValue } from "../components";
import { formatFact, formatNumber, statisticText } from "../format";
import { href } from "../router";
import { nameIn } from "./choices";
import { focusById, statusOf } from "./draft-text";
import { isCorrected, type DraftFigure, type GraphMatchKind } from "./draft-answer";
import { FigureFields, type CardProps } from "./figure-fields";
import { percent } from "./key-picker";
import { PercentOfLine, PlaceLine } from "./figure-links";
import { NewEntityFields } from "./new-entity-fields";

const MATCH_TEXT: Record<GraphMatchKind, string> = {
  NEW: "new",
  CORROBORATES: "corroborates",
  CONFLICTS: "conflicts",
  RESTATES: "restates",
  CHANGED: "changed",
};

const MATCH_HELP: Record<GraphMatchKind, string> = {
  NEW: "The graph has nothing on it: a new fact.",
  CORROBORATES: "The graph already states this value for the same thing and period.",
  CONFLICTS: "The graph states another value for the same thing and period.",
  RESTATES: "The graph states the same value for the same thing in another period.",
  CHANGED: "The graph states another value for the same thing in another period.",
};

export function MatchBadge({ kind }: { kind: GraphMatchKind }) {
  return (
    <span class={`badge match-${kind.toLowerCase().replace(/_/g, "-")}`} title={MATCH_HELP[kind]}>
      {MATCH_TEXT[kind]}
    </span>
  );
}

const draftedValue = (f: DraftFigure) =>
  formatFact({ value: f.value, unit: f.unit, qualifiers: [f.qualifier] });

/** The figure as drafted: its value, badges, quote, confidence, and what is left to settle. */
function FigureHead({ draft, figure: f, edit }: CardProps) {
  const n = f.index;
  const status = statusOf(edit);
  const corrected = isCorrected(draft, f, edit);
  return (
    <>
      <header class="figure-head">
        <h3 id={`figure-${n}-h`}>
          Figure {n + 1}: <span class="figure">{draftedValue(f)}</span>
        </h3>
        <span class="badges">
          <MatchBadge kind={f.graph.kind} />
          {corrected && status !== "rejected" && (
            <span class="badge badge-corrected">corrected</span>
          )}
          <span class={`badge status-${status}`}>{status}</span>
        </span>
      </header>
      <p class="figure-quote">
        <q class="quote">{f.quote}</q>{" "}
        <a
          class="small"
          href={`#mark-${n}`}
          onClick={(event) => {
            event.preventDefault();
            focusById(`mark-${n}`);
          }}
        >
          in the text (chars {f.start}–{f.end})
        </a>
      </p>
      <p class="confidence small">
        <label for={`f${n}-confidence`}>Confidence</label>{" "}
        <meter
          id={`f${n}-confidence`}
          min={0}
          max={1}
          low={0.5}
          high={0.69}
          optimum={1}
          value={f.confidence}
        >
          {percent(f.confidence)}
        </meter>{" "}
        {percent(f.confidence)}
      </p>
    </>
  );
}

/** A list of things to settle, or of the server's refusals. */
function Notes({ title, items, refused }: { title: string; items: string[]; refused?: boolean }) {
  if (items.length === 0) return null;
  return (
    <div class={`to-settle${refused ? " refused" : ""}`} role="note">
      <strong>{title}</strong>
      <ul>
        {items.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a figure restates or changed from, with its period and source: "restates 80 (20 January
 * 2022, <document>)", "changed from 3,622 (20 January 2022, <document>)".
 */
function EarlierValue({ figure: f, lang }: CardProps) {
  const g = f.graph;
  if (g.kind !== "RESTATES" && g.kind !== "CHANGED") return null;
  return (
    <p class={`graph-earlier match-${g.kind.toLowerCase()}`}>
      {g.kind === "RESTATES" ? "restates" : "changed from"}{" "}
      <strong>{formatNumber(g.value, g.fact?.unit ?? f.unit)}</strong> (
      {g.period ? nameIn(lang, g.period) : "another period"}
      {g.document && (
        <>
          , <a href={href.document(g.document.key)}>{g.document.title}</a>
        </>
      )}
      )
    </p>
  );
}

/** What this document says beside what the graph's fact says. */
function GraphSideBySide({ figure: f, choices, lang }: CardProps) {
  const graph = f.graph.fact;
  if (!graph || f.graph.kind === "NEW") return null;
  const period = choices.byKey.get(f.period[0]?.key ?? f.newPeriod?.key ?? "");
  return (
    <div class="versus graph-match">
      <div class="side">
        <p class="small muted">This document says</p>
        <p class="big figure">{draftedValue(f)}</p>
        <p class="small">
          {period ? nameIn(lang, period) : (f.period[0]?.key ?? f.newPeriod?.key ?? "")}
        </p>
        <q class="quote">{f.quote}</q>
      </div>
      <div class="side">
        <p class="small muted">
          The graph says (<code>{graph.key}</code>)
        </p>
        <p class="big">
          <FactValue fact={graph} />
        </p>
        <p class="small">
          {nameIn(lang, graph.variable)}, {nameIn(lang, graph.about)}, {nameIn(lang, graph.period)}{" "}
          ({statisticText(graph.statistic)})
        </p>
        <Citations citations={graph.citations.map((c) => ({ ...c, garbled: null }))} />
      </div>
    </div>
  );
}

/** A corroborating figure: a new citation of the graph's fact, or a new fact. */
function RecordAs({ figure: f, edit, onChange }: CardProps) {
  const graph = f.graph.fact;
  if (f.graph.kind !== "CORROBORATES" || !graph) return null;
  const name = `f${f.index}-record`;
  return (
    <fieldset class="record-as">
      <legend>Record it as</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={edit.corroborate}
          onChange={() => onChange({ corroborate: true })}
        />
        <span>
          a new citation of the graph’s fact <code>{graph.key}</code> (a corroboration)
        </span>
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={!edit.corroborate}
          onChange={() => onChange({ corroborate: false })}
        />
        <span>a new fact</span>
      </label>
    </fieldset>
  );
}

/** A conflicting figure: whether to record the conflict, with its note. */
function ConflictChoice({ figure: f, edit, onChange }: CardProps) {
  const graph = f.graph.fact;
  if (f.graph.kind !== "CONFLICTS" || !graph) return null;
  return (
    <div class="conflict-choice">
      <label class="check-label">
        <input
          type="checkbox"
          checked={edit.conflict}
          onChange={(event) => onChange({ conflict: event.currentTarget.checked })}
        />{" "}
        Record the conflict with <code>{graph.key}</code>
      </label>
      {edit.conflict && (
        <div class="field field-wide">
          <label for={`f${f.index}-note`}>Conflict note</label>
          <textarea
            id={`f${f.index}-note`}
            rows={2}
            value={edit.conflictNote}
            onInput={(event) => onChange({ conflictNote: event.currentTarget.value })}
          />
        </div>
      )}
    </div>
  );
}

function Decision({ draft, figure: f, edit, onChange, onReset }: FigureCardProps) {
  const name = `f${f.index}-decision`;
  return (
    <>
      <div class="decision-row">
        <fieldset class="decision">
          <legend>Decision</legend>
          {(["accept", "reject"] as const).map((decision) => (
            <label key={decision}>
              <input
                type="radio"
                name={name}
                value={decision}
                checked={edit.decision === decision}
                onChange={() => onChange({ decision })}
              />{" "}
              {decision === "accept" ? "Accept" : "Reject"}
            </label>
          ))}
        </fieldset>
        {isCorrected(draft, f, edit) && (
          <button type="button" class="small-button" onClick={onReset}>
            Undo corrections
          </button>
        )}
      </div>
      {edit.decision === "reject" && (
        <p class="small muted">
          Its number “{f.raw}” goes to the skipped numbers: “rejected by the curator”.
        </p>
      )}
    </>
  );
}

interface FigureCardProps extends CardProps {
  /** What the server said is wrong with this figure's entry, after a refused commit. */
  problems: readonly string[];
  /** Back to what the drafter proposed (the decision stays). */
  onReset: () => void;
}

export function FigureCard(props: FigureCardProps) {
  const { figure: f, edit, problems } = props;
  const n = f.index;
  const status = statusOf(edit);
  const asCitation = f.graph.kind === "CORROBORATES" && edit.corroborate && f.graph.fact !== null;
  const open = status !== "rejected";
  return (
    <li
      id={`figure-${n}`}
      class={`figure-card card-${status}${status === "undecided" && f.unsettled.length > 0 ? " card-attention" : ""}`}
      tabIndex={-1}
      aria-labelledby={`figure-${n}-h`}
      data-figure={n}
      data-status={status}
    >
      <FigureHead {...props} />
      <Notes title="To settle:" items={f.unsettled} />
      <Notes title="The server refused it:" items={[...problems]} refused />
      <EarlierValue {...props} />
      <PercentOfLine {...props} />
      <PlaceLine {...props} />
      <GraphSideBySide {...props} />
      {open && <RecordAs {...props} />}
      {open && !asCitation && <NewEntityFields {...props} />}
      {open && !asCitation && <FigureFields {...props} />}
      {open && !asCitation && <ConflictChoice {...props} />}
      <Decision {...props} />
    </li>
  );
}
