/**
 * Text as the full-text indexes hold it and as searches are sent to them: lower case, without
 * diacritics ("Zoé" and "zoe", "León" and "leon", "Hemodiálisis" and "hemodialisis" are the
 * same words). The indexes' language analyzers then stem what this leaves, so that a search
 * matches whatever accents and case a person types. "ñ" folds to "n", as people who type
 * without a Spanish keyboard write it.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
