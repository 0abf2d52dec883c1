// A search box with suggestions as you type (debounced), as an ARIA combobox: arrows move
// through the suggestions, Enter opens (or picks) one, Escape closes the list. Each suggestion
// is also a real link. The server searches both languages' names and texts (Spanish words,
// accents or not); the suggestions show the names in the language chosen.
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ApiError, request } from "./client";
import { kindText } from "./format";
import type { ResultOf } from "./graphql";
import { useLang, word } from "./lang";
import { SearchQuery } from "./queries";
import { href, navigate } from "./router";

export const SEARCH_KINDS = [
  "ORGANIZATION",
  "PROGRAM",
  "FACILITY_TYPE",
  "SERVICE",
  "CONDITION",
  "PLACE",
  "PERSON",
  "TIME_PERIOD",
  "VARIABLE",
  "DOCUMENT",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

type Hit = NonNullable<ResultOf<typeof SearchQuery>["search"]>["edges"][number]["node"];

export interface Suggestion {
  key: string;
  name: string;
  kind: string;
  href: string;
}

function toSuggestion(hit: Hit): Suggestion | undefined {
  if (hit.entity) {
    return {
      key: hit.entity.key,
      name: hit.entity.name,
      kind: hit.entity.kind,
      href: href.entity(hit.entity.key),
    };
  }
  if (hit.variable) {
    return {
      key: hit.variable.key,
      name: hit.variable.name,
      kind: "VARIABLE",
      href: href.variable(hit.variable.key),
    };
  }
  if (hit.document) {
    return {
      key: hit.document.key,
      name: hit.document.title,
      kind: "DOCUMENT",
      href: href.document(hit.document.key),
    };
  }
  return undefined;
}

export const DEBOUNCE_MS = 200;

export function SearchBox({
  label,
  placeholder,
  kinds,
  showKindFilters,
  initialText = "",
  onPick,
  autoFocus,
  name,
}: {
  label: string;
  placeholder?: string;
  /** Fixed kinds (pickers of entities); otherwise the chips choose. */
  kinds?: readonly SearchKind[];
  showKindFilters?: boolean;
  initialText?: string;
  /** Called instead of opening the suggestion's page. */
  onPick?: (suggestion: Suggestion) => void;
  autoFocus?: boolean;
  name?: string;
}) {
  const id = useId();
  const lang = useLang();
  const [text, setText] = useState(initialText);
  const [chosenKinds, setChosenKinds] = useState<SearchKind[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<ApiError | undefined>();
  const [searching, setSearching] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const typed = useRef(false);

  useEffect(() => setText(initialText), [initialText]);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const kindFilter = kinds ?? (chosenKinds.length > 0 ? chosenKinds : undefined);
  const kindKey = kindFilter?.join(",") ?? "";

  useEffect(() => {
    const query = text.trim().slice(0, 200);
    if (!typed.current || query === "") {
      setSuggestions([]);
      setTotal(0);
      setError(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      request(
        SearchQuery,
        { text: query, kinds: kindFilter ? [...kindFilter] : null, first: 8, lang },
        controller.signal,
      )
        .then((data) => {
          // Null only beside an error, which `request` turns into an ApiError.
          const list = (data.search?.edges ?? [])
            .map((e) => toSuggestion(e.node))
            .filter((s): s is Suggestion => s !== undefined);
          setSuggestions(list);
          setTotal(data.search?.totalCount ?? 0);
          setActive(list.length > 0 ? 0 : -1);
          setError(undefined);
          setOpen(true);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setSuggestions([]);
          setError(e instanceof ApiError ? e : new ApiError("server", String(e)));
          setOpen(true);
        })
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // kindFilter is captured through kindKey.
  }, [text, kindKey, lang]);

  function pick(suggestion: Suggestion) {
    setOpen(false);
    if (onPick) {
      setText(suggestion.name);
      typed.current = false;
      onPick(suggestion);
    } else {
      navigate(suggestion.href);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (suggestions.length === 0 ? -1 : (i + 1) % suggestions.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive((i) =>
        suggestions.length === 0 ? -1 : (i - 1 + suggestions.length) % suggestions.length,
      );
    } else if (event.key === "Enter") {
      const suggestion = suggestions[active] ?? suggestions[0];
      if (open && suggestion) {
        event.preventDefault();
        pick(suggestion);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const expanded = open && (suggestions.length > 0 || error !== undefined || text.trim() !== "");
  const activeSuggestion = expanded ? suggestions[active] : undefined;

  return (
    <div class="search">
      <label for={`${id}-input`}>{label}</label>
      <div class="combo">
        <input
          id={`${id}-input`}
          ref={inputRef}
          type="text"
          name={name}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeSuggestion ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          spellcheck={false}
          placeholder={placeholder}
          value={text}
          maxLength={200}
          onInput={(e) => {
            typed.current = true;
            setText(e.currentTarget.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => suggestions.length > 0 && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" class="suggestions" hidden={!expanded} aria-label={label}>
          {error && (
            <li class="suggestion-error" role="presentation">
              {error.message}
            </li>
          )}
          {!error && suggestions.length === 0 && !searching && typed.current && text.trim() && (
            <li class="muted" role="presentation">
              {word("noMatch", lang)}
            </li>
          )}
          {suggestions.map((s, i) => (
            <li key={`${s.kind}-${s.key}`} role="presentation">
              <a
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? "active" : undefined}
                href={s.href}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => {
                  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  pick(s);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span class="suggestion-name">{s.name}</span>
                <span class={`kind kind-${s.kind.toLowerCase()}`}>{kindText(s.kind)}</span>
              </a>
            </li>
          ))}
          {total > suggestions.length && suggestions.length > 0 && (
            <li class="muted small" role="presentation">
              {total - suggestions.length} more: type more words to narrow.
            </li>
          )}
        </ul>
      </div>
      {showKindFilters && !kinds && (
        <div class="chips" role="group" aria-label="Only these kinds">
          {SEARCH_KINDS.map((kind) => {
            const on = chosenKinds.includes(kind);
            return (
              <button
                key={kind}
                type="button"
                class={`chip${on ? " on" : ""}`}
                aria-pressed={on}
                onClick={() =>
                  setChosenKinds((list) => (on ? list.filter((k) => k !== kind) : [...list, kind]))
                }
              >
                {kindText(kind)}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
