// The source documents, with their full text (citation offsets point into it).
UNWIND $documents AS d
MERGE (n:Document {id: d.id})
SET n.date = d.date, n.text = d.text, n.title = d.title, n.length = size(d.text)
