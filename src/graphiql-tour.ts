/** The operations GraphiQL opens with: a short tour for each kind of user. */
export const GRAPHIQL_TOUR = `# IMSS knowledge graph: a short tour. Pick an operation with the run button's menu.
# Every figure is a Fact with citations: the exact words of a source, at character offsets.

# Explore: what the graph holds, and a search over names, aliases and the documents' text.
query Explore {
  entityCounts { kind count }
  search(text: "rural hospital", first: 5) {
    totalCount
    edges { node { kind score entity { key name } document { key date } } }
  }
}

# Relationships in one request: a program, the facility types it operates with their counts,
# and the exact words that state each count.
query ProgramFacilities {
  entity(key: "imss-bienestar") {
    name
    ... on Program {
      facilityTypes(first: 10) {
        edges {
          node { key name }
          fact { value unit citations { quote document { key date } } }
        }
      }
    }
  }
}

# En español: names and labels in both languages, and a search as Mexican users type it
# (no accents needed: "hospitales rurales" finds Rural Hospital, "Nuevo Leon" Nuevo León).
query EnEspanol {
  search(text: "hospitales rurales", first: 3) {
    edges { node { kind entity { key name(lang: ES) labels { text language kind source } } } }
  }
  entity(key: "umf") { name nombre: name(lang: ES) labels(language: ES) { text kind } }
  documents { key language title }
}

# Trace a path: from a program to a facility type, step by step.
query TracePath {
  paths(from: "imss-bienestar", to: "rural-hospital", maxHops: 3) {
    length
    nodeKeys
    steps { fromKey relation direction toKey }
  }
}

# Check a fact: who leads the Institute; where the sources disagree; what does not add up.
query CheckFacts {
  institute {
    name
    people { edges { role node { name } period { name } } }
  }
  conflicts {
    note
    facts { key value qualifiers citations { quote start end document { key } } }
  }
  consistencyChecks {
    name consistent partsSum
    totals { stated difference total { key } }
  }
}
`;
