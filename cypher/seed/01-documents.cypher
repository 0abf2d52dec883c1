// The source documents, with their full text (citation offsets point into it), their language,
// the SHA-256 of the text (sha256), and a folded copy of the text for the full-text index of that language (searchTextEn or
// searchTextEs; the other is null).
UNWIND $documents AS d
MERGE (n:Document {id: d.id})
SET n.date = d.date, n.text = d.text, n.title = d.title, n.length = size(d.text),
    n.language = d.language, n.sha256 = d.sha256, n.searchTextEn = d.searchTextEn, n.searchTextEs = d.searchTextEs
