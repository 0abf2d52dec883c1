// The source documents, with their full text (citation offsets point into it), their language,
// the SHA-256 of the text (sha256), and a folded copy of the text for the full-text index of
// that language (searchTextEn or searchTextEs; the other is null). Its skips (the numbers of its
// text that are deliberately not facts, with why) are kept on it as parallel lists, so that a
// backup holds them.
// $documents: [{id, date, text, title, language, sha256, searchTextEn, searchTextEs,
//   skipRaws: [string], skipStarts: [int], skipReasons: [string]}]
UNWIND $documents AS d
MERGE (n:Document {id: d.id})
SET n.date = d.date, n.text = d.text, n.title = d.title, n.length = size(d.text),
    n.language = d.language, n.sha256 = d.sha256,
    n.searchTextEn = d.searchTextEn, n.searchTextEs = d.searchTextEs,
    n.skipRaws = d.skipRaws, n.skipStarts = d.skipStarts, n.skipReasons = d.skipReasons
