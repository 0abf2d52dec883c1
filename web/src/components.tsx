// Pieces shared by the views: messages, badges, a fact's figure with its source, fact tables
// (names by language are in names.tsx).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "./client";
import {
  formatFact,
  kindText,
  type Qualifier,
  type Statistic,
  statisticText,
  type Unit,
} from "./format";
import type { ResultOf } from "./graphql";
import type { FactFields } from "./queries";
import { type Lang, useLang, word } from "./lang";
import { href } from "./router";

export type Fact = ResultOf<typeof FactFields>;

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** A clear message when the server, the database or the request fails, with a retry. */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  const titles: Record<ApiError["kind"], string> = {
    network: "The server does not answer",
    unavailable: "The database is not available",
    timeout: "The database is slow to answer",
    server: "The server could not answer",
    "not-found": "Not found",
    "bad-request": "The request was refused",
  };
  return (
    <div class="error" role="alert" data-error-kind={error.kind}>
      <h2>{titles[error.kind]}</h2>
      <p>{error.message}</p>
      <p class="actions">
        {retry && error.kind !== "not-found" && (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
        <a href={href.home()}>Back to search</a>
      </p>
    </div>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  return <span class={`kind kind-${kind.toLowerCase()}`}>{kindText(kind)}</span>;
}

/** Sets document.title and moves focus to the view's heading (for keyboard and screen readers). */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · IMSS graph explorer`;
  }, [title]);
}

export function Heading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Focus the heading after an in-app navigation (not on the first load).
    if (document.body.dataset["navigated"] === "1") ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

type Citation = Fact["citations"][number];

export function sourceHref(
  citation: Pick<Citation, "start" | "end"> & { document: { key: string } },
) {
  return href.document(citation.document.key, { start: citation.start, end: citation.end });
}

/** The figure as a link to the words that state it. */
/** A statistic as the explorer names it: a target is a goal ("target", "meta"), in the names' language. */
export function statisticName(statistic: Statistic, lang: Lang): string {
  return statistic === "TARGET" ? word("target", lang) : statisticText(statistic);
}

export function FactValue({
  fact,
}: {
  fact: {
    value: number | null;
    unit: Unit;
    /** A target's figure is styled apart: a goal, not what was reached. */
    statistic?: Statistic;
    qualifiers: readonly Qualifier[];
    citations: readonly (Pick<Citation, "start" | "end"> & { document: { key: string } })[];
  };
}) {
  const first = fact.citations[0];
  const text = formatFact(fact);
  const figure = fact.statistic === "TARGET" ? "figure figure-target" : "figure";
  return first ? (
    <a class={figure} href={sourceHref(first)} title="Open the source at these words">
      {text}
    </a>
  ) : (
    <span class={figure}>{text}</span>
  );
}

/** Each citation: the quote in the source's words, one click from the document. */
export function Citations({ citations }: { citations: readonly Citation[] }) {
  return (
    <ul class="citations">
      {citations.map((c) => (
        <li key={`${c.document.key}-${c.start}`}>
          <q class="quote">{c.quote}</q>{" "}
          <a class="source-link" href={sourceHref(c)}>
            source: {c.document.date}, chars {c.start}–{c.end}
          </a>
          {c.garbled && <span class="note"> Garbled: {c.garbled}</span>}
        </li>
      ))}
    </ul>
  );
}

export function FactBadges({ fact }: { fact: Fact }) {
  const lang = useLang();
  return (
    <span class="badges">
      {fact.statistic === "TARGET" && (
        <span class="badge badge-target" title={word("targetTitle", lang)}>
          {word("target", lang)}
        </span>
      )}
      {fact.conflicts.length > 0 && (
        <a
          class="badge badge-conflict"
          href={`${href.checks()}#conflict-${fact.key}`}
          title={fact.conflicts.map((c) => c.note).join(" ")}
        >
          conflict
        </a>
      )}
      {fact.garbled && (
        <span class="badge badge-garbled" title="A citation's words are garbled">
          garbled
        </span>
      )}
      {fact.isLowerBound && (
        <span class="badge badge-bound" title="The value is a lower bound">
          lower bound
        </span>
      )}
      {fact.isApproximate && !fact.isLowerBound && (
        <span class="badge badge-approx" title="The value is approximate">
          approximate
        </span>
      )}
    </span>
  );
}

/**
 * A table of facts: figure (link to its source), what is measured (link to the variable's
 * chart), about what, period, statistic, badges, and the quotes. Rows have id="fact-<key>".
 */
export function FactTable({
  facts,
  hideAbout,
  caption,
}: {
  facts: readonly Fact[];
  hideAbout?: string;
  caption?: string;
}) {
  const lang = useLang();
  if (facts.length === 0) return <p class="muted">No facts.</p>;
  return (
    <table class="facts stack">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Measures</th>
          <th scope="col">About</th>
          <th scope="col">Period</th>
          <th scope="col">Source’s words</th>
        </tr>
      </thead>
      <tbody>
        {facts.map((fact) => (
          <tr key={fact.key} id={`fact-${fact.key}`}>
            <td data-label="Figure">
              <FactValue fact={fact} />
              <div class="small muted">{statisticName(fact.statistic, lang)}</div>
              <FactBadges fact={fact} />
            </td>
            <td data-label="Measures">
              <a href={href.variable(fact.variable.key)}>{fact.variable.name}</a>
            </td>
            <td data-label="About">
              {fact.about.key === hideAbout ? (
                <span class="muted">this</span>
              ) : (
                <a href={href.entity(fact.about.key)}>{fact.about.name}</a>
              )}
              {fact.scope && fact.scope.key !== hideAbout && (
                <div class="small">
                  of <a href={href.entity(fact.scope.key)}>{fact.scope.name}</a>
                </div>
              )}
            </td>
            <td data-label="Period">
              <a href={href.entity(fact.period.key)}>{fact.period.name}</a>
            </td>
            <td data-label="Source’s words">
              <Citations citations={fact.citations} />
              {fact.note && <div class="small muted">{fact.note}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A download of a list of facts as CSV (/export/facts.csv), with the list's filters (the
 * parameters of `facts(filter:)`).
 */
export function DownloadCsv({
  filter,
  label = "Download CSV",
}: {
  filter: Record<string, string>;
  label?: string;
}) {
  const query = new URLSearchParams(filter).toString();
  return (
    <a class="download" href={`/export/facts.csv${query ? `?${query}` : ""}`} download>
      {label}
    </a>
  );
}
