// Documents by id.
UNWIND $keys AS id
MATCH (d:Document {id: id})
RETURN d {.id, .date, .title, .text, .length, .language, .sha256} AS document
