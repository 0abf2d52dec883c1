// The documents a curation change names, with their text (see curation-snapshot-entities).
// $keys: [string] (document ids), non-empty
UNWIND $keys AS id
MATCH (d:Document {id: id})
RETURN d {.id, .date, .text, .language, .title} AS row
