// The names of an entity or variable by language, with where each comes from (their pages'
// Names section, and the "Also: ..." under their titles).
import type { ResultOf } from "./graphql";
import { LANGS, useLang, word, type Lang } from "./lang";
import type { LabelFields } from "./queries";
import { href } from "./router";

type Label = ResultOf<typeof LabelFields>;

const KIND_ORDER: Record<Label["kind"], number> = { PREFERRED: 0, ALIAS: 1, ACRONYM: 2 };

/** Every name but the one shown, the chosen language's first ("Also: ..." under a title). */
export function otherNames(labels: readonly Label[], shown: string, lang: Lang): string[] {
  const sorted = [...labels].sort(
    (a, b) => Number(b.language === lang) - Number(a.language === lang),
  );
  return [...new Set(sorted.map((l) => l.text))].filter((text) => text !== shown);
}

/**
 * The names of an entity or variable, by language (the chosen one first): each with its kind and
 * where it comes from, a source document (a link to it) or the curators.
 */
export function Names({ labels }: { labels: readonly Label[] }) {
  const lang = useLang();
  const languages = [lang, ...LANGS.filter((l) => l !== lang)];
  return (
    <section aria-labelledby="names-h" class="names">
      <h2 id="names-h">{word("names", lang)}</h2>
      <p class="small muted">{word("namesIntro", lang)}</p>
      <div class="name-groups">
        {languages.map((language) => {
          const list = labels
            .filter((l) => l.language === language)
            .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
          if (list.length === 0) return null;
          const id = `names-${language.toLowerCase()}`;
          return (
            <section key={language} aria-labelledby={id} class="name-group">
              <h3 id={id}>{capitalized(word(language, lang))}</h3>
              <ul class="labels">
                {list.map((label) => (
                  <li key={`${label.kind}-${label.text}`} data-language={label.language}>
                    <span class="label-text" lang={label.language.toLowerCase()}>
                      {label.text}
                    </span>{" "}
                    <span class={`label-kind label-${label.kind.toLowerCase()}`}>
                      {word(label.kind, lang)}
                    </span>
                    <div class="label-source small">
                      <LabelSource label={label} lang={lang} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function LabelSource({ label, lang }: { label: Label; lang: Lang }) {
  if (label.source === "TEXT" && label.document) {
    const doc = label.document;
    return (
      <>
        {word("inSource", lang)}:{" "}
        <a class="label-document" href={href.document(doc.key)}>
          {doc.title}
        </a>{" "}
        <span class="muted">
          ({doc.date}, {word(doc.language, lang)})
        </span>
      </>
    );
  }
  if (label.source === "TEXT") return <span class="muted">{word("inSource", lang)}</span>;
  // The sources are in English (seeds/curated/documents.yaml): a curated Spanish name is a
  // translation, a curated English one a name the curators gave (e.g. "Consultation (all kinds)").
  return (
    <span class="muted">
      {word(label.language === "ES" ? "curatedTranslation" : "curatedName", lang)}
    </span>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
