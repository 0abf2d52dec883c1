// `/documents/<key>#<start>-<end>`: the source's text with every cited span marked (each mark
// links to its fact), and the anchored span highlighted and scrolled into view.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { DownloadCsv, ErrorMessage, Heading, Loading, useTitle } from "../components";
import { formatFact, type Qualifier, type Unit } from "../format";
import type { ResultOf } from "../graphql";
import { useLang, word } from "../lang";
import { DocumentQuery } from "../queries";
import { href } from "../router";
import { useQuery } from "../use-query";

// Null only beside an error, which `request` turns into an ApiError.
type Doc = NonNullable<ResultOf<typeof DocumentQuery>["document"]>;

interface Span {
  start: number;
  end: number;
  factKey: string;
  aboutKey: string;
  title: string;
}

function spansOf(doc: Doc): Span[] {
  const spans: Span[] = [];
  for (const { node: fact } of doc.facts.edges) {
    for (const c of fact.citations) {
      if (c.document.key !== doc.key || c.end <= c.start) continue;
      spans.push({
        start: c.start,
        end: c.end,
        factKey: fact.key,
        aboutKey: fact.about.key,
        title: `${fact.variable.name}, ${fact.about.name}: ${formatFact(fact as { value: number | null; unit: Unit; qualifiers: Qualifier[] })}`,
      });
    }
  }
  return spans;
}

/** Splits the text at every span boundary; each piece is marked by the shortest span over it. */
function renderText(
  text: string,
  spans: Span[],
  anchor: { start: number; end: number } | undefined,
) {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.min(s.start, text.length));
    cuts.add(Math.min(s.end, text.length));
  }
  const a = anchor && {
    start: Math.max(0, Math.min(anchor.start, text.length)),
    end: Math.max(0, Math.min(anchor.end, text.length)),
  };
  if (a) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const before: ComponentChildren[] = [];
  const inside: ComponentChildren[] = [];
  const after: ComponentChildren[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    let node: ComponentChildren = piece;
    if (covering.length > 0) {
      const s = covering.reduce((best, x) => (x.end - x.start < best.end - best.start ? x : best));
      node = (
        <a key={from} class="mark-link" href={href.fact(s.aboutKey, s.factKey)} title={s.title}>
          <mark data-fact={s.factKey}>{piece}</mark>
        </a>
      );
    }
    if (a && from >= a.start && to <= a.end) inside.push(node);
    else if (a && from >= a.end) after.push(node);
    else before.push(node);
  }
  return { before, inside, after, anchor: a };
}

export function DocumentView({
  docKey,
  span,
}: {
  docKey: string;
  span: { start: number; end: number } | undefined;
}) {
  const lang = useLang();
  const { data, error, retry } = useQuery(DocumentQuery, { key: docKey, lang });
  const doc = data?.document;
  useTitle(doc?.title ?? docKey);
  const spans = useMemo(() => (doc ? spansOf(doc) : []), [doc]);
  const parts = useMemo(
    () => (doc ? renderText(doc.text, spans, span) : undefined),
    [doc, spans, span],
  );
  const anchorRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const el = anchorRef.current;
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  }, [parts]);

  if (error) return <ErrorMessage error={error} retry={retry} />;
  if (!doc || !parts) return <Loading what="the document" />;
  const quoted = span ? doc.text.slice(span.start, span.end) : undefined;
  return (
    <article class="document">
      <p class="eyebrow">
        <span class="kind kind-document">Document</span> <code class="key">{doc.key}</code>
      </p>
      <Heading>{doc.title}</Heading>
      <p class="small muted">
        Published {doc.date}, in {word(doc.language, "EN")}. {spans.length} cited passages are
        marked; each opens the fact it states.
        {doc.facts.totalCount > doc.facts.edges.length &&
          ` (The first ${doc.facts.edges.length} of ${doc.facts.totalCount} facts are marked.)`}{" "}
        <DownloadCsv filter={{ document: doc.key }} label="Download CSV (the facts it states)" />
      </p>
      {span && quoted !== undefined && (
        <p class="anchor-note" role="status">
          Highlighted: characters {span.start}–{span.end}.{" "}
          <a href={href.document(doc.key)}>Clear</a>
        </p>
      )}
      <div class="doc-text" lang={doc.language.toLowerCase()}>
        {parts.before}
        {parts.anchor && (
          <span
            class="anchored"
            ref={anchorRef}
            tabIndex={-1}
            data-start={parts.anchor.start}
            data-end={parts.anchor.end}
          >
            {parts.inside}
          </span>
        )}
        {parts.after}
      </div>
    </article>
  );
}
