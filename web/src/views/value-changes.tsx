// Changes between releases (`/checks`, and an entity's page for its own series): where a later
// document states another value than an earlier one for the same series, "changed from 3,622
// (20 January 2022, <document>) to 3,701 (15 June 2022, <document>)", then both facts side by
// side, each with its sources. The first page comes with the view; "Show more" asks for the next.
import { useState } from "preact/hooks";
import { ApiError, request } from "../client";
import { Citations, ErrorMessage, FactValue, type Fact } from "../components";
import { formatFact, statisticText } from "../format";
import type { ResultOf } from "../graphql";
import type { Lang } from "../lang";
import { ValueChangesPageQuery } from "../queries";
import { href } from "../router";

type Page = NonNullable<ResultOf<typeof ValueChangesPageQuery>["valueChanges"]>;
type Change = Page["edges"][number]["node"];

/** "3,622 (20 January 2022, <document>)": a side's value, period and first source. */
function Reading({ fact }: { fact: Fact }) {
  const source = fact.citations[0]?.document;
  return (
    <>
      <strong>{formatFact(fact)}</strong> ({fact.period.name}
      {source && (
        <>
          , <a href={href.document(source.key)}>{source.title}</a>
        </>
      )}
      )
    </>
  );
}

function ValueChange({ change }: { change: Change }) {
  const { from, to } = change;
  return (
    <section class="value-change" id={`change-${to.key}`} data-change={to.key}>
      <h3>
        {to.variable.name}: <a href={href.entity(to.about.key)}>{to.about.name}</a>
        {to.scope && <span class="small muted"> of {to.scope.name}</span>}{" "}
        <span class="small muted">({statisticText(to.statistic)})</span>
      </h3>
      <p class="change-line">
        changed from <Reading fact={from} /> to <Reading fact={to} />
      </p>
      <div class="versus">
        {(
          [
            ["Earlier", from],
            ["Later", to],
          ] as const
        ).map(([side, f]) => (
          <div key={f.key} class="side">
            <p class="small muted">
              {side}: {f.period.name}
            </p>
            <p class="big">
              <FactValue fact={f} />
            </p>
            <Citations citations={f.citations} />
          </div>
        ))}
      </div>
    </section>
  );
}

interface Loaded {
  of: Page;
  changes: Change[];
  after: string | null;
  more: boolean;
}

/** The changes of a first page, and the pages after it on demand. */
export function ValueChanges({
  first,
  about,
  lang,
}: {
  first: Page;
  about: string | null;
  lang: Lang;
}) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const pages: Loaded =
    loaded?.of === first
      ? loaded
      : {
          of: first,
          changes: first.edges.map((e) => e.node),
          after: first.pageInfo.endCursor,
          more: first.pageInfo.hasNextPage,
        };
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const more = () => {
    setBusy(true);
    request(ValueChangesPageQuery, { about, after: pages.after, lang })
      .then((data) => {
        const next = data.valueChanges;
        if (!next) throw new ApiError("not-found", "The changes could not be read.");
        setLoaded({
          of: pages.of,
          changes: [...pages.changes, ...next.edges.map((e) => e.node)],
          after: next.pageInfo.endCursor,
          more: next.pageInfo.hasNextPage,
        });
        setError(undefined);
      })
      .catch((e: unknown) => setError(ApiError.of(e)))
      .finally(() => setBusy(false));
  };
  if (pages.changes.length === 0) return <p class="muted">No value changed between releases.</p>;
  return (
    <div class="value-changes">
      {pages.changes.map((c) => (
        <ValueChange key={c.to.key} change={c} />
      ))}
      {pages.more && (
        <p>
          <button type="button" class="more" onClick={more} disabled={busy}>
            {busy ? "Loading…" : "Show more changes"}
          </button>
        </p>
      )}
      {error && <ErrorMessage error={error} retry={more} />}
    </div>
  );
}
