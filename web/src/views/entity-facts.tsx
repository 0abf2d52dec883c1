// The facts of the entity view, 100 at a time: the first page comes with the view (or with the
// filters that changed); "Show more" asks for the next one.
import { useState } from "preact/hooks";
import { ApiError, request } from "../client";
import { ErrorMessage, type Fact, FactTable } from "../components";
import type { FactWhere } from "../fact-where";
import type { ResultOf } from "../graphql";
import type { Lang } from "../lang";
import { EntityFactsPageQuery, type EntityQuery } from "../queries";

type FirstPage = NonNullable<ResultOf<typeof EntityQuery>["entity"]>["facts"];

interface Pages {
  of: FirstPage;
  facts: Fact[];
  after: string | null;
  more: boolean;
}

export function EntityFacts({
  entityKey,
  facts,
  lang,
  where,
}: {
  entityKey: string;
  facts: FirstPage;
  lang: Lang;
  where: FactWhere | undefined;
}) {
  // The pages shown beyond the first belong to one answer: another one (the names in another
  // language, other filters) starts again from its first page.
  const [loaded, setLoaded] = useState<Pages | undefined>();
  const pages: Pages =
    loaded?.of === facts
      ? loaded
      : {
          of: facts,
          facts: facts.edges.map((e) => e.node),
          after: facts.pageInfo.endCursor,
          more: facts.pageInfo.hasNextPage,
        };
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const more = () => {
    if (!pages.after) return;
    setBusy(true);
    request(EntityFactsPageQuery, { key: entityKey, after: pages.after, lang, where })
      .then((data) => {
        const next = data.entity?.facts;
        if (!next) throw new ApiError("not-found", `No entity has the key "${entityKey}".`);
        setLoaded({
          of: pages.of,
          facts: [...pages.facts, ...next.edges.map((e) => e.node)],
          after: next.pageInfo.endCursor,
          more: next.pageInfo.hasNextPage,
        });
        setError(undefined);
      })
      .catch((e: unknown) => setError(ApiError.of(e)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <FactTable facts={pages.facts} hideAbout={entityKey} />
      {pages.more && (
        <p class="small muted">
          Showing {pages.facts.length} of {facts.totalCount}.{" "}
          <button type="button" class="more" onClick={more} disabled={busy}>
            {busy
              ? "Loading…"
              : `Show ${Math.min(100, facts.totalCount - pages.facts.length)} more`}
          </button>
        </p>
      )}
      {error && <ErrorMessage error={error} retry={more} />}
    </>
  );
}
