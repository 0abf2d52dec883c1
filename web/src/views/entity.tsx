// `/entity/<key>`: the entity, its facts (each one click from its source; narrowed by the URL's
// filters, grouped on demand), the values of its series that changed between releases
// (value-changes.tsx), its relations grouped by type in both directions with the fact that
// carries each, and its neighbourhood.
import { useEffect, useMemo, useRef } from "preact/hooks";
import {
  Citations,
  ErrorMessage,
  FactBadges,
  DownloadCsv,
  FactValue,
  Heading,
  KindBadge,
  Loading,
  useTitle,
} from "../components";
import { FactFilterPanel, useFactFilters } from "../fact-filters";
import { whereOf } from "../fact-where";
import { relationText } from "../format";
import { NeighbourhoodSection } from "../graph-panel";
import type { ResultOf } from "../graphql";
import { useLang } from "../lang";
import { Names, otherNames } from "../names";
import { EntityFactsPageQuery, EntityQuery, NeighborhoodQuery } from "../queries";
import { href } from "../router";
import { useQuery } from "../use-query";
import { EntityFacts } from "./entity-facts";
import { ValueChanges } from "./value-changes";

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
  // depth afterwards asks for the neighbourhood alone, changing the filters the facts alone.
  // Another language asks for it all again, at the depth and filters shown (one request).
  const lang = useLang();
  const filterState = useFactFilters();
  const where = whereOf(filterState.filters);
  const loaded = useRef({ depth, lang, where });
  if (loaded.current.lang !== lang) loaded.current = { depth, lang, where };
  const initial = loaded.current;
  const main = useQuery(EntityQuery, {
    key: entityKey,
    depth: initial.depth,
    lang,
    where: initial.where,
  });
  const other = useQuery(
    NeighborhoodQuery,
    depth === initial.depth ? undefined : { key: entityKey, depth, lang },
  );
  const sameFilters = JSON.stringify(where) === JSON.stringify(initial.where);
  const refiltered = useQuery(
    EntityFactsPageQuery,
    sameFilters ? undefined : { key: entityKey, after: null, lang, where },
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
    (depth === initial.depth ? main.data.neighborhood : other.data?.neighborhood) ?? undefined;
  // Until the facts of other filters arrive, those shown stay (marked busy).
  const facts = (!sameFilters && refiltered.data?.entity?.facts) || entity.facts;
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
          Facts <span class="muted">({facts.totalCount})</span>
        </h2>
        <p>
          <DownloadCsv filter={{ about: entity.key }} label="Download CSV (facts about it)" />
          {" · "}
          <DownloadCsv filter={{ scope: entity.key }} label="CSV (facts scoped to it)" />
        </p>
        <FactFilterPanel
          state={filterState}
          of={{ entity: entity.key }}
          facts={facts.edges.map((e) => e.node)}
          totalCount={facts.totalCount}
          loading={main.loading || refiltered.loading}
        />
        {refiltered.error && <ErrorMessage error={refiltered.error} retry={refiltered.retry} />}
        <EntityFacts entityKey={entity.key} facts={facts} lang={lang} where={where} />
      </section>

      {main.data.valueChanges && main.data.valueChanges.edges.length > 0 && (
        <section aria-labelledby="value-changes-h">
          <h2 id="value-changes-h">Changes between releases</h2>
          <ValueChanges first={main.data.valueChanges} about={entity.key} lang={lang} />
        </section>
      )}

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
