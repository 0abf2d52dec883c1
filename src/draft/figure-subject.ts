import type { ParsedNumber } from "../text/parse-numbers.js";
import type { EntityKind } from "../model/vocabulary.js";
import { rankAbout } from "./candidates.js";
import type { DraftEntity } from "./draft-graph.js";
import type { Drafting, NewEntityProposal } from "./draft.js";
import { aboutOf, type FigureWords, type Previous } from "./figure-words.js";
import type { Candidate } from "./match.js";
import { nounPhraseOf } from "./noun-phrase.js";
import { proposeEntity } from "./proposal.js";
import { scopeOf } from "./scope.js";
import { stateNamedIn } from "./states.js";

/** How far before a figure its sentence is read for a state the graph lacks. */
const NEAR_STATE = 300;

/** What a figure is about and whose it is: its entity (or a proposal), variable, scope and place. */
export interface FigureSubject {
  about: Candidate[];
  newEntity: NewEntityProposal | null;
  variable: ReturnType<Drafting["matcher"]["variables"]>;
  /** The entity of about[0] (or the proposal's kind and key). */
  entity: DraftEntity | undefined;
  scope: string | null;
  place: string | null;
  /** A state its sentence names for it that the graph has no entity for ("en Nayarit"). */
  unknownPlace: string | null;
}

/**
 * The entity a figure is about (ranked by its noun phrase, its subjects and the graph around
 * them: rankAbout), or the one to propose; then its variable; and, when the variable is named in
 * the words ("146,000 nurses"), the organization the sentence names instead. Its scope is the
 * subject it belongs to (scopeOf); its place, the state or region its sentence names for it.
 */
export function subjectOfFigure(
  d: Drafting,
  n: ParsedNumber,
  w: FigureWords,
  previous: Previous,
  unitWord: string | undefined,
): FigureSubject {
  const { text, language } = d.doc;
  const { span } = d.sentences.of(n.start);
  const subjects = d.subjects.around(n.start, span.start, span.end);
  // A list's carried head or a preposition after the number: the words name no noun phrase.
  const phrase =
    w.startsWithPreposition || w.carried.length > 0
      ? null
      : nounPhraseOf(text, n.end, w.phraseEnd, d.subjects.paragraphOf(n.start), language, d.index);
  const context = { language, index: d.index, around: d.around, entities: d.entities };
  const ranked = rankAbout(context, aboutOf(d, w, previous), phrase, subjects, n.value);
  const proposed: EntityKind | null = ranked.propose;
  const variable = d.matcher.variables(
    w.content,
    w.before,
    unitWord,
    ranked.about[0],
    proposed ?? undefined,
  );
  const newEntity =
    proposed && phrase && !variable.driven
      ? proposeEntity(text, phrase, language, proposed, (k) => d.entities.has(k))
      : null;
  const organization = variable.driven
    ? (d.matcher.organizationBefore(w.before)?.key ?? d.docOrg)
    : null;
  const about = variable.driven
    ? organization
      ? [{ key: organization, score: 0.7, why: "the organization the sentence names" }]
      : []
    : ranked.about;
  const entity = about[0]
    ? d.entities.get(about[0].key)
    : newEntity
      ? { key: newEntity.key, kind: newEntity.kind, labels: [] }
      : undefined;
  const place = d.subjects.placeIn(span.start, w.phraseEnd, d.around);
  return {
    about,
    newEntity,
    variable,
    entity,
    scope: scopeOf(entity, subjects, d.docOrg, d.around, d.subjects.named),
    place,
    unknownPlace: place
      ? null
      : stateNamedIn(text, Math.max(span.start, n.start - NEAR_STATE), w.phraseEnd),
  };
}
