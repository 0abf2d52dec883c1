// `/entity/<key>`: the entity, its facts (each one click from its source; narrowed by the URL's
// filters, grouped on demand), its relations grouped by type in both directions with the fact
// that carries each, and its neighbourhood.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, request } from "../client";
import {
  Citations,
  ErrorMessage,
  type Fact,
  FactBadges,
  DownloadCsv,
  FactTable,
  FactValue,
  Heading,
  KindBadge,
  Loading,
  useTitle,
} from "../components";
import { FactFilterPanel, useFactFilters } from "../fact-filters";
import { whereOf, type FactWhere } from "../fact-where";
import { relationText } from "../format";
import { NeighbourhoodSection } from "../graph-panel";
import type { ResultOf } from "../graphql";
import { useLang, type Lang } from "../lang";
import { Names, otherNames } from "../names";
import { EntityFactsPageQuery, EntityQuery, NeighborhoodQuery } from "../queries";
import { href } from "../router";
import { useQuery } from "../use-query";

// The root fields are null only beside an error, which `request` turns into an ApiError.
type EntityData = NonNullable<ResultOf<typeof EntityQuery>["entity"]>;
type Relation = EntityData["relations"]["edges"][number];

export function EntityView({
  entityKey,
  depth,
  hash,
}: {
  entityKey: string;
  depth: 1 | 2;
  hash: string;
}) {
  // The view loads in one request (entity, facts, relations and neighbourhood); changing the
  // depth afterwards asks for the neighbourhood alone. Another language asks for it all again,
  // at the depth shown (one request).
  const lang = useLang();
  const loaded = useRef({ depth, lang });
  if (loaded.current.lang !== lang) loaded.current = { depth, lang };
  const initialDepth = loaded.current.depth;
  const filterState = useFactFilters();
  const where = whereOf(filterState.filters);
  const main = useQuery(EntityQuery, { key: entityKey, depth: initialDepth, lang, where });
  const other = useQuery(
    NeighborhoodQuery,
    depth === initialDepth ? undefined : { key: entityKey, depth, lang },
  );
  const entity = main.data?.entity;
  useTitle(entity?.name ?? entityKey);

  useEffect(() => {
    if (!entity || !hash.startsWith("#fact-")) return;
    const row = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!row) return;
    row.classList.add("targeted");
    row.scrollIntoView({ block: "center" });
    return () => row.classList.remove("targeted");
  }, [entity, hash]);

  if (main.error) return <ErrorMessage error={main.error} retry={main.retry} />;
  if (!entity || !main.data) return <Loading what={`“${entityKey}”`} />;
  const neighborhood =
    (depth === initialDepth ? main.data.neighborhood : other.data?.neighborhood) ?? undefined;
  const others = otherNames(entity.labels, entity.name, lang);

  return (
    <article class="entity">
      <EntityHeader entity={entity} others={others} />

      <NeighbourhoodSection
        entityKey={entity.key}
        depth={depth}
        neighborhood={neighborhood}
        other={other}
      />
      <section aria-labelledby="facts-h">
        <h2 id="facts-h">
          Facts <span class="muted">({entity.facts.totalCount})</span>
        </h2>
        <p>
          <DownloadCsv filter={{ about: entity.key }} label="Download CSV (facts about it)" />
          {" · "}
          <DownloadCsv filter={{ scope: entity.key }} label="CSV (facts scoped to it)" />
        </p>
        <FactFilterPanel
          state={filterState}
          of={{ entity: entity.key }}
          facts={entity.facts.edges.map((e) => e.node)}
          totalCount={entity.facts.totalCount}
          loading={main.loading}
        />
        <EntityFacts entity={entity} lang={lang} where={where} />
      </section>

      <section aria-labelledby="relations-h">
        <h2 id="relations-h">
          Relations <span class="muted">({entity.relations.totalCount})</span>
        </h2>
        {entity.relations.totalCount > entity.relations.edges.length && (
          <p class="small muted">
            The first {entity.relations.edges.length} of {entity.relations.totalCount}; the
            neighbourhood graph above has them all, up to 300 entities.
          </p>
        )}
        <Relations edges={entity.relations.edges} />
      </section>

      <Names labels={entity.labels} />
    </article>
  );
}

/** The entity's facts, 100 at a time ("Show more" asks for the next page). */
interface Pages {
  of: EntityData;
  facts: Fact[];
  after: string | null;
  more: boolean;
}

function EntityFacts({
  entity,
  lang,
  where,
}: {
  entity: EntityData;
  lang: Lang;
  where: FactWhere | undefined;
}) {
  // The pages shown beyond the first belong to one answer: another one (the names in another
  // language) starts again from its first page.
  const [loaded, setLoaded] = useState<Pages | undefined>();
  const pages: Pages =
    loaded?.of === entity
      ? loaded
      : {
          of: entity,
          facts: entity.facts.edges.map((e) => e.node),
          after: entity.facts.pageInfo.endCursor,
          more: entity.facts.pageInfo.hasNextPage,
        };
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const more = () => {
    if (!pages.after) return;
    setBusy(true);
    request(EntityFactsPageQuery, { key: entity.key, after: pages.after, lang, where })
      .then((data) => {
        const next = data.entity?.facts;
        if (!next) throw new ApiError("not-found", `No entity has the key "${entity.key}".`);
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
      <FactTable facts={pages.facts} hideAbout={entity.key} />
      {pages.more && (
        <p class="small muted">
          Showing {pages.facts.length} of {entity.facts.totalCount}.{" "}
          <button type="button" class="more" onClick={more} disabled={busy}>
            {busy
              ? "Loading…"
              : `Show ${Math.min(100, entity.facts.totalCount - pages.facts.length)} more`}
          </button>
        </p>
      )}
      {error && <ErrorMessage error={error} retry={more} />}
    </>
  );
}

function Relations({ edges }: { edges: readonly Relation[] }) {
  const groups = useMemo(() => {
    const map = new Map<string, Relation[]>();
    for (const e of edges) {
      const k = `${e.type} ${e.direction}`;
      map.set(k, [...(map.get(k) ?? []), e]);
    }
    return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [edges]);
  if (edges.length === 0) return <p class="muted">No relations.</p>;
  return (
    <div class="relations">
      {groups.map(([k, list]) => {
        const [type = "", direction] = k.split(" ");
        return (
          <section key={k} class="relation-group">
            <h3>
              {direction === "OUT" ? (
                <>
                  <span aria-hidden="true">→ </span>
                  {relationText(type)} <span class="small muted">(this → them)</span>
                </>
              ) : (
                <>
                  <span aria-hidden="true">← </span>
                  {relationText(type)} <span class="small muted">(them → this)</span>
                </>
              )}
            </h3>
            <ul>
              {list.map((e) => (
                <li key={`${e.node.key}-${e.fact?.key ?? ""}-${e.role ?? ""}`}>
                  <a href={href.entity(e.node.key)}>{e.node.name}</a>{" "}
                  <KindBadge kind={e.node.kind} />
                  {e.role && <span class="small"> as {e.role}</span>}
                  {e.period && (
                    <span class="small">
                      {" "}
                      in <a href={href.entity(e.period.key)}>{e.period.name}</a>
                    </span>
                  )}
                  {e.fact && (
                    <div class="relation-fact">
                      <FactValue fact={e.fact} />{" "}
                      <span class="small muted">{e.fact.variable.name}</span>{" "}
                      <FactBadges fact={e.fact} />
                      <Citations citations={e.fact.citations} />
                    </div>
                  )}
                  {!e.fact && e.sourceQuote && (
                    <div class="relation-fact">
                      <q class="quote">{e.sourceQuote}</q>{" "}
                      {e.sourceDocument && (
                        <a class="source-link" href={href.document(e.sourceDocument.key)}>
                          source
                        </a>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Its kind, key, name, other names, description, and what the page holds. */
function EntityHeader({ entity, others }: { entity: EntityData; others: string[] }) {
  return (
    <>
      <p class="eyebrow">
        <KindBadge kind={entity.kind} /> <code class="key">{entity.key}</code>
      </p>
      <Heading>{entity.name}</Heading>
      {others.length > 0 && (
        <p class="aliases">
          Also:{" "}
          {others.map((a, i) => (
            <span key={a}>
              {i > 0 && ", "}
              <em>{a}</em>
            </span>
          ))}
        </p>
      )}
      <p class="description">{entity.description}</p>
      <ul class="toc small" aria-label="On this page">
        <li>
          <a href="#graph-h">Neighbourhood graph</a>
        </li>
        <li>
          <a href="#facts-h">Facts ({entity.facts.totalCount})</a>
        </li>
        <li>
          <a href="#relations-h">Relations ({entity.relations.totalCount})</a>
        </li>
        <li>
          <a href="#names-h">Names ({entity.labels.length})</a>
        </li>
        <li>
          <a href={href.paths(entity.key)}>Trace a path from here</a>
        </li>
      </ul>
    </>
  );
}
