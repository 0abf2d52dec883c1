// Entities: one :Entity node per key, with a second label naming its kind.
// Labels (names in English and Spanish, aliases, acronyms) are parallel lists: labelTexts,
// labelLanguages, labelKinds, labelSources and labelDocuments; name and nameEs are the preferred
// ones. searchNames and searchTextEn are the folded copies that the full-text indexes read.
UNWIND $entities AS e
MERGE (n:Entity {key: e.key})
SET n:$(e.kind),
    n.kind = e.kind,
    n.name = e.name,
    n.nameEs = e.nameEs,
    n.aliases = e.aliases,
    n.labelTexts = e.labelTexts,
    n.labelLanguages = e.labelLanguages,
    n.labelKinds = e.labelKinds,
    n.labelSources = e.labelSources,
    n.labelDocuments = e.labelDocuments,
    n.searchNames = e.searchNames,
    n.searchTextEn = e.searchTextEn,
    n.description = e.description,
    n.start = e.start,
    n.end = e.end,
    n.granularity = e.granularity
SET n += e.properties
