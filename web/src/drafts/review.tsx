// The pieces of the drafts view (`/drafts`): the drafted text with each figure's quote marked,
// one card per figure (its proposals as choices, what is unsettled, what the graph says, the
// curator's decision), and the pickers of keys. Editing here changes local state only: no request.
import type { ComponentChildren } from "preact";
import { Citations, FactValue } from "../components";
import {
  formatFact,
  qualifierText,
  statisticText,
  type Qualifier,
  type Statistic,
  type Unit,
} from "../format";
import type { Lang } from "../lang";
import {
  factKeyOf,
  locateQuote,
  newPeriodsOf,
  periodNames,
  valueOf,
} from "../../../src/draft/facts-file";
import {
  isCorrected,
  QUALIFIERS,
  STATISTICS,
  UNITS,
  type Draft,
  type DraftAnswer,
  type DraftFigure,
  type FigureEdit,
  type GraphMatchKind,
} from "./facts-file";

/** A key with its names in both languages. */
export interface Named {
  key: string;
  kind?: string;
  name: string;
  nameEs: string;
}

export const nameIn = (lang: Lang, n: Pick<Named, "name" | "nameEs">) =>
  lang === "ES" ? n.nameEs : n.name;

/** What a curator may pick instead of the proposals: every period, entity and variable. */
export interface Choices {
  periods: Named[];
  things: Named[];
  variables: Named[];
  /** Every key above, and the candidates', with its names. */
  byKey: Map<string, Named>;
}

export function choicesOf(answer: DraftAnswer): Choices {
  const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);
  // Lists are null only beside an error, which `request` turns into an ApiError.
  const periods = (answer.periods?.edges ?? []).map((e) => e.node).sort(byName);
  const things = (answer.things?.edges ?? []).map((e) => e.node).sort(byName);
  const variables = [...answer.variables].sort(byName);
  const byKey = new Map<string, Named>();
  for (const n of [...periods, ...things, ...variables]) byKey.set(n.key, n);
  for (const f of answer.draft.figures) {
    for (const c of f.about) byKey.set(c.key, { key: c.key, ...c.entity });
    for (const c of f.variable) byKey.set(c.key, { key: c.key, ...c.variable });
  }
  for (const p of newPeriodsOf(answer.draft).values()) {
    const names = periodNames(p);
    byKey.set(p.key, { key: p.key, kind: "TIME_PERIOD", name: names.en, nameEs: names.es });
  }
  return { periods, things, variables, byKey };
}

const MATCH_TEXT: Record<GraphMatchKind, string> = {
  NEW: "new",
  CORROBORATES: "corroborates",
  CONFLICTS: "conflicts",
  LATER_PERIOD: "later period",
};

const MATCH_HELP: Record<GraphMatchKind, string> = {
  NEW: "The graph has nothing on it: a new fact.",
  CORROBORATES: "The graph already states this value for the same thing and period.",
  CONFLICTS: "The graph states another value for the same thing and period.",
  LATER_PERIOD: "The graph states a value for the same thing in another period.",
};

export function MatchBadge({ kind }: { kind: GraphMatchKind }) {
  return (
    <span class={`badge match-${kind.toLowerCase().replace(/_/g, "-")}`} title={MATCH_HELP[kind]}>
      {MATCH_TEXT[kind]}
    </span>
  );
}

const UNIT_TEXT: Record<Unit, string> = {
  COUNT: "count",
  PEOPLE: "people",
  JOBS: "jobs",
  PESOS: "pesos",
  PESOS_PER_DAY: "pesos a day",
  YEARS: "years",
};

export type FigureStatus = "undecided" | "accepted" | "rejected";

export const statusOf = (edit: FigureEdit): FigureStatus =>
  edit.decision === "accept" ? "accepted" : edit.decision === "reject" ? "rejected" : "undecided";

/** Where a figure's quote stands now: the corrected quote's place if it is in the text. */
export function spanOf(text: string, f: DraftFigure, edit: FigureEdit) {
  const at = locateQuote(text, edit.quote, f.start);
  return at >= 0 ? { start: at, end: at + edit.quote.length } : { start: f.start, end: f.end };
}

/** Moves focus (and the view) to an element of the page by id. */
export function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

/**
 * The drafted text with every figure's quote marked (by state: undecided, accepted, rejected,
 * to settle), each mark a link to its card; skipped numbers underlined, with their reason.
 */
export function DraftText({
  text,
  draft,
  edits,
}: {
  text: string;
  draft: Draft;
  edits: readonly FigureEdit[];
}) {
  const figures = draft.figures.map((f, i) => {
    const edit = edits[i] as FigureEdit;
    return { f, edit, ...spanOf(text, f, edit) };
  });
  const skips = draft.skips.map((s) => ({ ...s, end: s.start + s.raw.length }));
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...figures, ...skips]) {
    cuts.add(Math.min(s.start, text.length));
    cuts.add(Math.min(s.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ComponentChildren[] = [];
  const marked = new Set<number>();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const piece = text.slice(from, to);
    const covering = figures.filter((s) => s.start <= from && s.end >= to);
    if (covering.length > 0) {
      const s = covering.reduce((best, x) => (x.end - x.start < best.end - best.start ? x : best));
      const n = s.f.index;
      const status = statusOf(s.edit);
      const attention = status === "undecided" && s.f.unsettled.length > 0;
      const first = !marked.has(n);
      marked.add(n);
      pieces.push(
        <a
          key={from}
          id={first ? `mark-${n}` : undefined}
          class={`mark-link draft-mark mark-${status}${attention ? " mark-attention" : ""}`}
          href={`#figure-${n}`}
          data-figure={n}
          title={`Figure ${n + 1}: ${status}${attention ? ", something to settle" : ""}`}
          onClick={(event) => {
            event.preventDefault();
            focusById(`figure-${n}`);
          }}
        >
          <mark>{piece}</mark>
        </a>,
      );
      continue;
    }
    const skip = skips.find((s) => s.start <= from && s.end >= to);
    pieces.push(
      skip ? (
        <span key={from} class="skipped-number" title={`Skipped: ${skip.reason}`}>
          {piece}
        </span>
      ) : (
        piece
      ),
    );
  }
  return (
    <div class="doc-text draft-text" lang={draft.language.toLowerCase()}>
      {pieces}
    </div>
  );
}

interface Group {
  label: string;
  options: { key: string; text: string }[];
}

const OTHER = "\u0000other";

/**
 * A key chosen from the proposals or from every key of its kind (a select), or typed (the key
 * field beside it, which always shows the key). A typed key that is no option selects "Another key".
 */
function KeyPicker({
  id,
  label,
  value,
  groups,
  list,
  hint,
  attention,
  none,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  groups: Group[];
  /** A datalist of every key of its kind, for the key field. */
  list: string;
  hint?: ComponentChildren;
  attention?: boolean;
  /** An option for no key at all (a scope), with its text. */
  none?: string;
  onChange: (key: string) => void;
}) {
  const known =
    (none !== undefined && value === "") ||
    groups.some((g) => g.options.some((o) => o.key === value));
  return (
    <div class={`field key-field${attention ? " attention" : ""}`}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={known ? value : OTHER}
        onChange={(event) => {
          const key = event.currentTarget.value;
          if (key === OTHER) document.getElementById(`${id}-key`)?.focus();
          else onChange(key);
        }}
      >
        {none !== undefined && <option value="">{none}</option>}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.text}
                </option>
              ))}
            </optgroup>
          ))}
        <option value={OTHER}>Another key…</option>
      </select>
      <input
        id={`${id}-key`}
        class="key-input"
        type="text"
        list={list}
        aria-label={`${label}: key`}
        value={value}
        spellcheck={false}
        autocomplete="off"
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {hint && <div class="field-hint small muted">{hint}</div>}
    </div>
  );
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The proposals first (with how sure), then every other key of the kind. */
function groupsOf(
  proposals: readonly { key: string; score: number }[],
  all: readonly Named[],
  byKey: Map<string, Named>,
  lang: Lang,
  extra: Group[] = [],
): Group[] {
  const proposed = new Set(proposals.map((p) => p.key));
  const text = (key: string) => {
    const n = byKey.get(key);
    return n ? `${nameIn(lang, n)} (${key})` : key;
  };
  return [
    {
      label: "Proposed",
      options: proposals.map((p) => ({ key: p.key, text: `${text(p.key)}, ${percent(p.score)}` })),
    },
    ...extra.map((g) => ({ ...g, options: g.options.filter((o) => !proposed.has(o.key)) })),
    {
      label: "Others",
      options: all
        .filter(
          (n) => !proposed.has(n.key) && !extra.some((g) => g.options.some((o) => o.key === n.key)),
        )
        .map((n) => ({ key: n.key, text: text(n.key) })),
    },
  ];
}

/** Why the drafter proposes the key shown, or that the curator chose it. */
function why(candidates: readonly { key: string; score: number; why: string }[], key: string) {
  const c = candidates.find((x) => x.key === key);
  if (c) return `Proposed (${percent(c.score)}): ${c.why}.`;
  if (candidates.length === 0) return "The drafter had no proposal.";
  return "Your choice: the drafter did not propose it.";
}

/** The fields of `unsettled` ("about: unsure (...)" → about). */
export function unsettledFields(f: DraftFigure): Set<string> {
  return new Set(f.unsettled.map((u) => u.split(":")[0]?.trim() ?? ""));
}

export function FigureCard({
  draft,
  figure: f,
  edit,
  text,
  choices,
  lang,
  problems,
  onChange,
  onReset,
}: {
  draft: Draft;
  figure: DraftFigure;
  edit: FigureEdit;
  text: string;
  choices: Choices;
  lang: Lang;
  /** What the server said is wrong with this figure's entry, after a refused commit. */
  problems: readonly string[];
  onChange: (patch: Partial<FigureEdit>) => void;
  /** Back to what the drafter proposed (the decision stays). */
  onReset: () => void;
}) {
  const n = f.index;
  const id = (field: string) => `f${n}-${field}`;
  const status = statusOf(edit);
  const graph = f.graph.fact;
  const unsettled = unsettledFields(f);
  const corrected = isCorrected(draft, f, edit);
  const asCitation = f.graph.kind === "CORROBORATES" && edit.corroborate && graph !== null;
  const value = valueOf(edit);
  const quoteAt = locateQuote(text, edit.quote, f.start);
  const { byKey } = choices;
  const named = (key: string) => {
    const x = byKey.get(key);
    return x ? nameIn(lang, x) : key;
  };
  const newPeriod = f.newPeriod
    ? [
        {
          label: "New period (added with the document)",
          options: [
            {
              key: f.newPeriod.key,
              text: `${named(f.newPeriod.key)} (${f.newPeriod.key}), new`,
            },
          ],
        },
      ]
    : [];
  const drafted = formatFact({ value: f.value, unit: f.unit, qualifiers: [f.qualifier] });
  const shown = formatFact({
    value: Number.isNaN(value) ? null : value,
    unit: edit.unit,
    qualifiers: [edit.qualifier],
  });

  return (
    <li
      id={`figure-${n}`}
      class={`figure-card card-${status}${status === "undecided" && f.unsettled.length > 0 ? " card-attention" : ""}`}
      tabIndex={-1}
      aria-labelledby={`figure-${n}-h`}
      data-figure={n}
      data-status={status}
    >
      <header class="figure-head">
        <h3 id={`figure-${n}-h`}>
          Figure {n + 1}: <span class="figure">{drafted}</span>
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
        <label for={id("confidence")}>Confidence</label>{" "}
        <meter
          id={id("confidence")}
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
      {f.unsettled.length > 0 && (
        <div class="to-settle" role="note">
          <strong>To settle:</strong>
          <ul>
            {f.unsettled.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      )}
      {problems.length > 0 && (
        <div class="to-settle refused" role="note">
          <strong>The server refused it:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      {graph && f.graph.kind !== "NEW" && (
        <div class="versus graph-match">
          <div class="side">
            <p class="small muted">This document says</p>
            <p class="big figure">{drafted}</p>
            <p class="small">{named(f.period[0]?.key ?? f.newPeriod?.key ?? "")}</p>
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
              {nameIn(lang, graph.variable)}, {nameIn(lang, graph.about)},{" "}
              {nameIn(lang, graph.period)} ({statisticText(graph.statistic as Statistic)})
            </p>
            <Citations citations={graph.citations.map((c) => ({ ...c, garbled: null }))} />
          </div>
        </div>
      )}

      {f.graph.kind === "CORROBORATES" && graph && status !== "rejected" && (
        <fieldset class="record-as">
          <legend>Record it as</legend>
          <label>
            <input
              type="radio"
              name={id("record")}
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
              name={id("record")}
              checked={!edit.corroborate}
              onChange={() => onChange({ corroborate: false })}
            />
            <span>a new fact</span>
          </label>
        </fieldset>
      )}

      {!asCitation && status !== "rejected" && (
        <div class="fields">
          <KeyPicker
            id={id("about")}
            label="About (entity)"
            value={edit.about}
            groups={groupsOf(f.about, choices.things, byKey, lang)}
            list="draft-things"
            attention={unsettled.has("about")}
            hint={why(f.about, edit.about)}
            onChange={(about) => onChange({ about })}
          />
          <KeyPicker
            id={id("variable")}
            label="Variable"
            value={edit.variable}
            groups={groupsOf(f.variable, choices.variables, byKey, lang)}
            list="draft-variables"
            attention={unsettled.has("variable")}
            hint={why(f.variable, edit.variable)}
            onChange={(variable) => onChange({ variable })}
          />
          <KeyPicker
            id={id("period")}
            label="Period"
            value={edit.period}
            groups={groupsOf(f.period, choices.periods, byKey, lang, newPeriod)}
            list="draft-periods"
            attention={unsettled.has("period")}
            hint={
              f.newPeriod && edit.period === f.newPeriod.key
                ? `A new period, ${f.newPeriod.start} to ${f.newPeriod.end}: it is added with the document (name it below, under Commit).`
                : why(f.period, edit.period)
            }
            onChange={(period) => onChange({ period })}
          />
          <div class="field">
            <label for={id("statistic")}>Statistic</label>
            <select
              id={id("statistic")}
              value={edit.statistic}
              onChange={(event) => onChange({ statistic: event.currentTarget.value as Statistic })}
            >
              {STATISTICS.map((s) => (
                <option key={s} value={s}>
                  {statisticText(s)}
                </option>
              ))}
            </select>
          </div>
          {edit.statistic === "INCREASE" && (
            <KeyPicker
              id={id("comparedTo")}
              label="Compared with (period)"
              value={edit.comparedTo}
              groups={groupsOf(
                f.comparedTo ? [{ key: f.comparedTo, score: 1 }] : [],
                choices.periods,
                byKey,
                lang,
                newPeriod,
              )}
              list="draft-periods"
              attention={unsettled.has("comparedTo")}
              onChange={(comparedTo) => onChange({ comparedTo })}
            />
          )}
          <div class={`field${unsettled.has("value") ? " attention" : ""}`}>
            <label for={id("value")}>Value</label>
            <input
              id={id("value")}
              type="text"
              inputMode="decimal"
              value={edit.value}
              aria-describedby={id("value-hint")}
              aria-invalid={Number.isNaN(value) ? "true" : undefined}
              onInput={(event) => onChange({ value: event.currentTarget.value })}
            />
            <div id={id("value-hint")} class="field-hint small muted">
              {Number.isNaN(value)
                ? "Not a number: digits, with a decimal point if need be."
                : value === null
                  ? "Empty: the number cannot be read (its citation is marked garbled)."
                  : `Reads: ${shown}. The words “${f.raw}”.`}
            </div>
          </div>
          <div class="field">
            <label for={id("qualifier")}>Qualifier</label>
            <select
              id={id("qualifier")}
              value={edit.qualifier}
              onChange={(event) => onChange({ qualifier: event.currentTarget.value as Qualifier })}
            >
              {QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {qualifierText([q]) || "exact"}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={id("unit")}>Unit</label>
            <select
              id={id("unit")}
              value={edit.unit}
              onChange={(event) => onChange({ unit: event.currentTarget.value as Unit })}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_TEXT[u]}
                </option>
              ))}
            </select>
          </div>
          <KeyPicker
            id={id("scope")}
            label="Whose figure (scope)"
            value={edit.scope}
            none="(its entity’s own)"
            groups={groupsOf(
              f.scope ? [{ key: f.scope, score: 1 }] : [],
              choices.things.filter((t) => t.kind === "ORGANIZATION" || t.kind === "PROGRAM"),
              byKey,
              lang,
            )}
            list="draft-things"
            onChange={(scope) => onChange({ scope })}
          />
          <div class="field field-wide">
            <label for={id("quote")}>Quote (the words that state it)</label>
            <input
              id={id("quote")}
              type="text"
              value={edit.quote}
              aria-describedby={id("quote-hint")}
              aria-invalid={quoteAt < 0 ? "true" : undefined}
              onInput={(event) => onChange({ quote: event.currentTarget.value })}
            />
            <div id={id("quote-hint")} class="field-hint small muted">
              {quoteAt < 0
                ? "These words are not in the text."
                : `At chars ${quoteAt}–${quoteAt + edit.quote.length}.`}
            </div>
          </div>
          <div class="field field-wide">
            <label for={id("key")}>Fact key</label>
            <input
              id={id("key")}
              type="text"
              value={factKeyOf(draft.id, f, edit)}
              spellcheck={false}
              autocomplete="off"
              onInput={(event) => onChange({ key: event.currentTarget.value })}
            />
          </div>
        </div>
      )}

      {f.graph.kind === "CONFLICTS" && graph && !asCitation && status !== "rejected" && (
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
              <label for={id("note")}>Conflict note</label>
              <textarea
                id={id("note")}
                rows={2}
                value={edit.conflictNote}
                onInput={(event) => onChange({ conflictNote: event.currentTarget.value })}
              />
            </div>
          )}
        </div>
      )}

      <div class="decision-row">
        <fieldset class="decision">
          <legend>Decision</legend>
          <label>
            <input
              type="radio"
              name={id("decision")}
              value="accept"
              checked={edit.decision === "accept"}
              onChange={() => onChange({ decision: "accept" })}
            />{" "}
            Accept
          </label>
          <label>
            <input
              type="radio"
              name={id("decision")}
              value="reject"
              checked={edit.decision === "reject"}
              onChange={() => onChange({ decision: "reject" })}
            />{" "}
            Reject
          </label>
        </fieldset>
        {corrected && (
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
    </li>
  );
}
