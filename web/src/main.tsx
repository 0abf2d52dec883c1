// The explorer's entry: the shell (header, navigation), the router, and the in-app link handler.
import { render, type ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Loading } from "./components";
import "./hook";
import {
  applyHtmlLang,
  LANGS,
  LangContext,
  langOf,
  settleLang,
  storeLang,
  withLang,
  word,
  type Lang,
} from "./lang";
import {
  href,
  isAppLink,
  navigate,
  parseRoute,
  replaceUrl,
  useLocation,
  type Route,
} from "./router";
import "./styles.css";
import { ChecksView } from "./views/checks";
import { DocumentView } from "./views/document";
import { EntityView } from "./views/entity";
import { HomeView } from "./views/home";
import { PathsView } from "./views/paths";
import { VariableView } from "./views/variable";

function View({ route, url }: { route: Route; url: URL }) {
  switch (route.name) {
    case "home":
      return <HomeView />;
    case "entity":
      return (
        <EntityView key={route.key} entityKey={route.key} depth={route.depth} hash={url.hash} />
      );
    case "paths":
      return <PathsView from={route.from} to={route.to} />;
    case "document":
      return <DocumentView key={route.key} docKey={route.key} span={route.span} />;
    case "checks":
      return <ChecksView hash={url.hash} />;
    case "variable":
      return <VariableView key={route.key} variableKey={route.key} />;
    case "drafts":
      return <LazyDraftsView />;
    case "not-found":
      return (
        <div class="error" role="alert">
          <h1>No such page</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href={href.home()}>Search the graph</a>.
          </p>
        </div>
      );
  }
}

/** The drafts view is for curators: its code is its own chunk, loaded when it is opened. */
function LazyDraftsView() {
  const [view, setView] = useState<{ Component: ComponentType } | "failed" | undefined>();
  useEffect(() => {
    let cancelled = false;
    import("./views/drafts").then(
      ({ DraftsView }) => !cancelled && setView({ Component: DraftsView }),
      () => !cancelled && setView("failed"),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (view === "failed")
    return (
      <div class="error" role="alert">
        <h1>The drafts view did not load</h1>
        <p>Its script could not be fetched from the server. Reload the page to try again.</p>
      </div>
    );
  if (!view) return <Loading what="the drafts view" />;
  return <view.Component />;
}

const sections = [
  { href: () => href.home(), label: "Search", active: (r: Route) => r.name === "home" },
  { href: () => href.paths(), label: "Paths", active: (r: Route) => r.name === "paths" },
  { href: () => href.checks(), label: "Checks", active: (r: Route) => r.name === "checks" },
  { href: () => href.drafts(), label: "Drafts", active: (r: Route) => r.name === "drafts" },
];

/** EN | ES: the language of every name shown; the view asks for its names again, once. */
function LanguageSwitch({ lang }: { lang: Lang }) {
  const choose = (next: Lang) => {
    if (next === lang) return;
    storeLang(next);
    replaceUrl(withLang(`${location.pathname}${location.search}${location.hash}`, next));
  };
  return (
    <div class="lang-switch" role="group" aria-label={word("languageOfNames", lang)}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l.toLowerCase()}
          aria-pressed={l === lang}
          onClick={() => choose(l)}
        >
          {l}
          <span class="visually-hidden"> ({word(l, l)})</span>
        </button>
      ))}
    </div>
  );
}

function App() {
  const url = useLocation();
  const route = parseRoute(url);
  const lang = langOf(url);
  useEffect(() => applyHtmlLang(lang), [lang]);
  return (
    <LangContext.Provider value={lang}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href.home()}>
          IMSS graph explorer
        </a>
        <nav aria-label="Sections">
          {sections.map((s) => (
            <a key={s.label} href={s.href()} aria-current={s.active(route) ? "page" : undefined}>
              {s.label}
            </a>
          ))}
          <a href="/graphql" data-external="">
            GraphiQL
          </a>
        </nav>
        <LanguageSwitch lang={lang} />
      </header>
      <main id="main" tabIndex={-1}>
        <View route={route} url={url} />
      </main>
      <footer class="bottom small muted">
        Every figure links to the words of its source. Data: IMSS press releases, January 2022.
      </footer>
    </LangContext.Provider>
  );
}

document.addEventListener("click", (event) => {
  const target = event.target as Element | null;
  const anchor = target?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (anchor.getAttribute("href")?.startsWith("#")) {
    if (anchor.getAttribute("href") === "#main") return;
  }
  if (!isAppLink(event, anchor)) return;
  event.preventDefault();
  document.body.dataset["navigated"] = "1";
  navigate(anchor.href, { keepScroll: anchor.dataset["keepScroll"] !== undefined });
});

const root = document.getElementById("app");
if (root) {
  settleLang();
  root.textContent = "";
  render(<App />, root);
}
