// A search box with suggestions as you type (debounced), as an ARIA combobox: arrows move
// through the suggestions, Enter opens (or picks) one, Escape closes the list. Each suggestion
// is also a real link. The server searches both languages' names and texts (Spanish words,
// accents or not); the suggestions show the names in the language chosen.
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { ApiError } from "./client";
import { kindText } from "./format";
import { useLang, word } from "./lang";
import { navigate } from "./router";
import { SEARCH_KINDS, type SearchKind, type Suggestion, useSuggestions } from "./suggestions";

interface SearchBoxProps {
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
}

export function SearchBox(props: SearchBoxProps) {
  const { label, placeholder, kinds, showKindFilters, initialText = "", onPick } = props;
  const { autoFocus, name } = props;
  const id = useId();
  const [text, setText] = useState(initialText);
  const [chosenKinds, setChosenKinds] = useState<SearchKind[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const typed = useRef(false);

  useEffect(() => setText(initialText), [initialText]);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const kindFilter = kinds ?? (chosenKinds.length > 0 ? chosenKinds : undefined);
  const { suggestions, total, error, searching } = useSuggestions(text, kindFilter, typed, {
    setActive,
    setOpen,
  });

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

  const onKeyDown = (event: KeyboardEvent) =>
    moveOrPick(event, { suggestions, active, open, setOpen, setActive, pick });

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
        <SuggestionList
          {...{
            id,
            label,
            expanded,
            error,
            searching,
            suggestions,
            total,
            active,
            setActive,
            pick,
          }}
          empty={!error && suggestions.length === 0 && !searching && typed.current && !!text.trim()}
        />
      </div>
      {showKindFilters && !kinds && <KindChips chosen={chosenKinds} setChosen={setChosenKinds} />}
    </div>
  );
}

function SuggestionList({
  id,
  label,
  expanded,
  error,
  empty,
  suggestions,
  total,
  active,
  setActive,
  pick,
}: {
  id: string;
  label: string;
  expanded: boolean;
  error: ApiError | undefined;
  /** Nothing matches what was typed. */
  empty: boolean;
  suggestions: Suggestion[];
  total: number;
  active: number;
  setActive: (i: number) => void;
  pick: (s: Suggestion) => void;
}) {
  const lang = useLang();
  return (
    <ul id={`${id}-list`} role="listbox" class="suggestions" hidden={!expanded} aria-label={label}>
      {error && (
        <li class="suggestion-error" role="presentation">
          {error.message}
        </li>
      )}
      {empty && (
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
  );
}

function KindChips({
  chosen,
  setChosen,
}: {
  chosen: SearchKind[];
  setChosen: (update: (list: SearchKind[]) => SearchKind[]) => void;
}) {
  return (
    <div class="chips" role="group" aria-label="Only these kinds">
      {SEARCH_KINDS.map((kind) => {
        const on = chosen.includes(kind);
        return (
          <button
            key={kind}
            type="button"
            class={`chip${on ? " on" : ""}`}
            aria-pressed={on}
            onClick={() =>
              setChosen((list) => (on ? list.filter((k) => k !== kind) : [...list, kind]))
            }
          >
            {kindText(kind)}
          </button>
        );
      })}
    </div>
  );
}

/** The combobox's keys: arrows move through the suggestions, Enter picks one, Escape closes. */
function moveOrPick(
  event: KeyboardEvent,
  combo: {
    suggestions: Suggestion[];
    active: number;
    open: boolean;
    setOpen: (open: boolean) => void;
    setActive: (update: (i: number) => number) => void;
    pick: (s: Suggestion) => void;
  },
) {
  const { suggestions, active, open, setOpen, setActive, pick } = combo;
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
