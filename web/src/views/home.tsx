// `/`: search with suggestions, what the graph holds, and where to start.
import { ErrorMessage, Heading, Loading, useTitle } from "../components";
import { formatNumber, kindText } from "../format";
import type { ResultOf } from "../graphql";
import { useLang, word } from "../lang";
import { HomeQuery } from "../queries";
import { href } from "../router";
import { SearchBox } from "../search";
import { useQuery } from "../use-query";

export function HomeView() {
  useTitle("Search");
  const lang = useLang();
  const { data, error, loading, retry } = useQuery(HomeQuery, { lang });
  return (
    <div class="home">
      <Heading>Explore the IMSS knowledge graph</Heading>
      <p class="lead">
        What two IMSS press releases of January 2022 state, as a graph: the Institute, its programs,
        facility types, services, conditions, places and periods. Every figure opens on the exact
        words of its source.
      </p>
      <SearchBox
        label={word("searchLabel", lang)}
        placeholder={word("searchPlaceholder", lang)}
        showKindFilters
        name="q"
        autoFocus
      />
      {loading && <Loading what="the graph's contents" />}
      {error && <ErrorMessage error={error} retry={retry} />}
      {data && (
        <>
          <Counts data={data} />
          <EntryPoints data={data} />
        </>
      )}
    </div>
  );
}

type Home = ResultOf<typeof HomeQuery>;

function Counts({ data }: { data: Home }) {
  const total = data.entityCounts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section aria-labelledby="counts">
      <h2 id="counts">What the graph holds</h2>
      <ul class="counts">
        {data.entityCounts.map((c) => (
          <li key={c.kind}>
            <span class="count">{formatNumber(c.count)}</span>
            <span class={`kind kind-${c.kind.toLowerCase()}`}>{kindText(c.kind)}</span>
          </li>
        ))}
        <li>
          <span class="count">{formatNumber(total)}</span>
          <span>entities in all</span>
        </li>
      </ul>
    </section>
  );
}

function EntryPoints({ data }: { data: Home }) {
  return (
    <section aria-labelledby="start" class="entry-points">
      <h2 id="start">Where to start</h2>
      <div class="cards">
        <a class="card" href={href.entity(data.institute.key)}>
          <strong>{data.institute.name}</strong>
          <span>{data.institute.description}</span>
        </a>
        <a class="card" href={href.checks()}>
          <strong>Check the numbers</strong>
          <span>Where the two sources disagree, and which parts add up to their totals.</span>
        </a>
        <a class="card" href={href.paths("imss-bienestar", "rural-hospital")}>
          <strong>Trace a path</strong>
          <span>How two entities are linked, step by step, with the figures that link them.</span>
        </a>
      </div>
      <div class="columns">
        <LinkColumn
          title="Programs of the Institute"
          links={data.institute.programs.edges.map(({ node: n }) => [href.entity(n.key), n.name])}
        />
        <LinkColumn
          title="Figures by variable"
          links={data.variables.map((v) => [href.variable(v.key), v.name])}
        />
        <LinkColumn
          title="Source documents"
          links={data.documents.map((d) => [href.document(d.key), d.title])}
        />
      </div>
    </section>
  );
}

/** A titled column of links, each given as [href, text]. */
function LinkColumn({ title, links }: { title: string; links: [string, string][] }) {
  return (
    <div>
      <h3>{title}</h3>
      <ul class="link-list">
        {links.map(([to, text]) => (
          <li key={to}>
            <a href={to}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
