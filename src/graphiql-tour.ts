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
