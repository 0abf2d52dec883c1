// The drafted text with every figure's quote marked, each mark a link to its figure's card.
import type { ComponentChildren } from "preact";
import { locateQuote } from "../../../src/draft/figure-edit";
import type { Draft, DraftFigure, FigureEdit } from "./draft-answer";

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
