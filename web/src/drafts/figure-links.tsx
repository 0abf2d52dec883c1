// What a drafted figure's sentence ties it to, beside its fields: what a percent is a percent of
// (another figure of the draft, or a fact of the graph) and the place it names. Read-only: the
// facts file keeps the percent's link (percentOf); the place is for the curator to keep.
import { formatNumber } from "../format";
import { href } from "../router";
import { nameIn } from "./choices";
import { focusById } from "./draft-text";
import type { CardProps } from "./figure-fields";

/** "a percent of figure 3 (30,000,000), “de la meta anual”" or of the graph's fact. */
export function PercentOfLine({ draft, figure: f, lang }: CardProps) {
  const of = f.percentOf;
  if (!of) return null;
  const other = of.figure === null ? undefined : draft.figures[of.figure];
  return (
    <p class="figure-link percent-of">
      A percent of{" "}
      {other ? (
        <a
          href={`#figure-${other.index}`}
          onClick={(event) => {
            event.preventDefault();
            focusById(`figure-${other.index}`);
          }}
        >
          figure {other.index + 1} ({formatNumber(other.value, other.unit)})
        </a>
      ) : of.fact ? (
        <>
          the graph’s fact <a href={href.fact(of.fact.about.key, of.fact.key)}>{of.fact.key}</a> (
          {formatNumber(of.fact.value, of.fact.unit)}, {nameIn(lang, of.fact.period)})
        </>
      ) : (
        "a total the draft does not hold"
      )}
      : <q class="quote">{of.words}</q>
    </p>
  );
}

/** The place the sentence names for the figure: not its scope, a note or a relation to keep. */
export function PlaceLine({ figure: f, choices, lang }: CardProps) {
  if (!f.place) return null;
  const place = choices.byKey.get(f.place);
  return (
    <p class="figure-link place small">
      The sentence names a place:{" "}
      <a href={href.entity(f.place)}>{place ? nameIn(lang, place) : f.place}</a> (not the scope:
      keep it as a note, or as a LOCATED_IN relation of what the figure is about).
    </p>
  );
}
