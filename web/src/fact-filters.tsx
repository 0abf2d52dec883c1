// The filters of a list of facts (variable and entity views): a form whose "Apply" writes them
// into the URL (fact-where.ts maps URL, filters and `where`), the note on values the URL got
// wrong, how many facts match, and the grouped table of the same facts (fact-groups.tsx).
import { useMemo, useState } from "preact/hooks";
import { FactGroupsTable } from "./fact-groups";
import {
  GROUP_BYS,
  KINDS,
  listWhere,
  NO_FILTERS,
  readFilters,
  withFilters,
  type FactFilters,
  type FactList,
  whereOf,
} from "./fact-where";
import { useLang, word, type Lang, type Word } from "./lang";
import { navigate, useLocation } from "./router";

/** The filters of the current URL (the same object while its query string stays). */
export function useFactFilters() {
  const url = useLocation();
  const read = useMemo(() => readFilters(url), [url.search]);
  return { url, ...read };
}

/**
 * Above a list of facts: the form, how many facts match, the grouped table. The form starts again
 * from the URL whenever the URL changes (apply, back, forward).
 */
export function FactFilterPanel({
  state: { url, filters, ignored },
  of,
  facts,
  totalCount,
  loading,
}: {
  state: ReturnType<typeof useFactFilters>;
  of: FactList;
  facts: Parameters<typeof documentsOf>[0];
  totalCount: number;
  loading: boolean;
}) {
  const lang = useLang();
  return (
    <>
      <FactFiltersForm
        key={url.search}
        url={url}
        filters={filters}
        ignored={ignored}
        documents={documentsOf(facts)}
      />
      {whereOf(filters) && (
        <p class="small matching" role="status" aria-busy={loading}>
          {totalCount} {word("factsMatch", lang)}
        </p>
      )}
      <FactGroupsTable where={listWhere(of, filters)} groupBy={filters.groupBy} />
    </>
  );
}

interface DocumentOption {
  key: string;
  title: string;
  date: string;
}

/** The documents the facts shown cite, each once, newest first (the document filter's choices). */
function documentsOf(
  facts: readonly { citations: readonly { document: DocumentOption }[] }[],
): DocumentOption[] {
  const map = new Map<string, DocumentOption>();
  for (const f of facts) for (const c of f.citations) map.set(c.document.key, c.document);
  return [...map.values()].sort((a, b) => b.date.localeCompare(a.date));
}

/** A fieldset of checkboxes, one per option (labelled by its word), the checked ones in `order`. */
function Checkboxes<T extends Word>({
  legend,
  name,
  options,
  checked,
  onChange,
}: {
  legend: Word;
  name: string;
  options: readonly T[];
  checked: readonly T[];
  onChange: (checked: T[]) => void;
}) {
  const lang = useLang();
  return (
    <fieldset>
      <legend>{word(legend, lang)}</legend>
      {options.map((option) => (
        <label key={option} class="check-label">
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={checked.includes(option)}
            onChange={(e) =>
              onChange(
                options.filter((x) =>
                  x === option ? e.currentTarget.checked : checked.includes(x),
                ),
              )
            }
          />
          {word(option, lang)}
        </label>
      ))}
    </fieldset>
  );
}

/** The form, initialised from the filters it is given. */
function FactFiltersForm({
  url,
  filters,
  ignored,
  documents,
}: {
  url: URL;
  filters: FactFilters;
  ignored: readonly Record<Lang, string>[];
  documents: readonly DocumentOption[];
}) {
  const lang = useLang();
  const [draft, setDraft] = useState(filters);
  const set = (change: Partial<FactFilters>) => setDraft({ ...draft, ...change });
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const choices =
    filters.document && !documents.some((d) => d.key === filters.document)
      ? [{ key: filters.document, title: filters.document, date: "" }, ...documents]
      : documents;
  const go = (next: FactFilters) => navigate(withFilters(url, next), { keepScroll: true });
  return (
    <form
      class="fact-filters"
      aria-label={word("filters", lang)}
      onSubmit={(event) => {
        event.preventDefault();
        go(draft);
      }}
    >
      {ignored.length > 0 && (
        <p class="note ignored" role="status">
          {word("ignored", lang)} {ignored.map((i) => i[lang]).join(" ")}
        </p>
      )}
      <fieldset>
        <legend>{word("value", lang)}</legend>
        <label>
          {word("min", lang)}{" "}
          <input
            type="number"
            step="any"
            name="min"
            value={draft.min ?? ""}
            onInput={(e) => set({ min: number(e.currentTarget.value) })}
          />
        </label>
        <label>
          {word("max", lang)}{" "}
          <input
            type="number"
            step="any"
            name="max"
            value={draft.max ?? ""}
            onInput={(e) => set({ max: number(e.currentTarget.value) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{word("periodRange", lang)}</legend>
        <label>
          {word("from", lang)}{" "}
          <input
            type="date"
            name="from"
            value={draft.from ?? ""}
            onInput={(e) => set({ from: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          {word("to", lang)}{" "}
          <input
            type="date"
            name="to"
            value={draft.to ?? ""}
            onInput={(e) => set({ to: e.currentTarget.value || undefined })}
          />
        </label>
      </fieldset>
      <Checkboxes
        legend="kinds"
        name="kind"
        options={KINDS}
        checked={draft.kinds}
        onChange={(kinds) => set({ kinds })}
      />
      <label class="field">
        {word("document", lang)}
        <select
          name="doc"
          value={draft.document ?? ""}
          onChange={(e) => set({ document: e.currentTarget.value || undefined })}
        >
          <option value="">{word("anyDocument", lang)}</option>
          {choices.map((d) => (
            <option key={d.key} value={d.key}>
              {d.date ? `${d.date}: ${d.title}` : d.title}
            </option>
          ))}
        </select>
      </label>
      <Checkboxes
        legend="groupBy"
        name="group"
        options={GROUP_BYS}
        checked={draft.groupBy}
        onChange={(groupBy) => set({ groupBy })}
      />
      <p class="actions">
        <button type="submit" class="primary">
          {word("apply", lang)}
        </button>{" "}
        <button type="button" onClick={() => go(NO_FILTERS)}>
          {word("clear", lang)}
        </button>
      </p>
    </form>
  );
}
