// Every GraphQL operation of the explorer, in one place. Each view loads with one operation
// (fields combined), so a view costs one request (two or three at most: a depth toggle, "more").
// web/build.ts validates every document exported here against schema/schema.graphql and fails
// the build when one no longer fits; gql.tada types their results from the same schema.
import { graphql } from "./graphql";

/** What a fact row shows: the figure, what and when, how exact, and its sources. */
export const FactFields = graphql(`
  fragment FactFields on Fact {
    key
    value
    unit
    statistic
    qualifiers
    isLowerBound
    isApproximate
    garbled
    note
    variable {
      key
      name(lang: $lang)
    }
    about {
      key
      name(lang: $lang)
      kind
    }
    scope {
      key
      name(lang: $lang)
    }
    period {
      key
      name(lang: $lang)
    }
    citations {
      quote
      start
      end
      garbled
      document {
        key
        title
        date
      }
    }
    conflicts {
      note
      fact {
        key
      }
    }
  }
`);

/** A page of changes between releases: the earlier and the later fact of each, with their sources. */
export const ValueChangesFields = graphql(
  `
    fragment ValueChangesFields on ValueChangeConnection {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          difference
          from {
            ...FactFields
          }
          to {
            ...FactFields
          }
        }
      }
    }
  `,
  [FactFields],
);

/** The next page of changes between releases (of one entity's series, or all). */
export const ValueChangesPageQuery = graphql(
  `
    query ValueChangesPage($about: String, $after: String, $lang: Language!) {
      valueChanges(about: $about, first: 20, after: $after) {
        ...ValueChangesFields
      }
    }
  `,
  [ValueChangesFields],
);

/** A name with where it comes from: a source's words (its document) or the curators. */
export const LabelFields = graphql(`
  fragment LabelFields on Label {
    text
    language
    kind
    source
    document {
      key
      title
      date
      language
    }
  }
`);

export const HomeQuery = graphql(`
  query HomeView($lang: Language!) {
    entityCounts {
      kind
      count
    }
    institute {
      key
      name(lang: $lang)
      description
      programs(first: 50) {
        edges {
          node {
            key
            name(lang: $lang)
          }
        }
      }
    }
    variables {
      key
      name(lang: $lang)
      unit
    }
    documents {
      key
      title
      date
    }
  }
`);

export const SearchQuery = graphql(`
  query Suggestions($text: String!, $kinds: [SearchKind!], $first: Int!, $lang: Language!) {
    search(text: $text, kinds: $kinds, first: $first) {
      totalCount
      edges {
        node {
          kind
          score
          entity {
            key
            name(lang: $lang)
            kind
          }
          variable {
            key
            name(lang: $lang)
          }
          document {
            key
            title
          }
        }
      }
    }
  }
`);

export const NeighborhoodFields = graphql(`
  fragment NeighborhoodFields on Neighborhood {
    truncated
    center {
      key
    }
    nodes {
      depth
      entity {
        key
        name(lang: $lang)
        kind
      }
    }
    links {
      type
      from {
        key
      }
      to {
        key
      }
      fact {
        value
        unit
      }
    }
  }
`);

export const EntityQuery = graphql(
  `
    query EntityView($key: String!, $depth: Int!, $lang: Language!, $where: FactWhere) {
      entity(key: $key) {
        key
        name(lang: $lang)
        kind
        labels {
          ...LabelFields
        }
        description
        facts(first: 100, where: $where) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            node {
              ...FactFields
            }
          }
        }
        relations(first: 100) {
          totalCount
          edges {
            type
            direction
            role
            sourceQuote
            sourceDocument {
              key
            }
            period {
              key
              name(lang: $lang)
            }
            node {
              key
              name(lang: $lang)
              kind
            }
            fact {
              ...FactFields
            }
          }
        }
      }
      neighborhood(id: $key, depth: $depth) {
        ...NeighborhoodFields
      }
      valueChanges(about: $key, first: 20) {
        ...ValueChangesFields
      }
    }
  `,
  [FactFields, NeighborhoodFields, LabelFields, ValueChangesFields],
);

export const NeighborhoodQuery = graphql(
  `
    query NeighborhoodOnly($key: String!, $depth: Int!, $lang: Language!) {
      neighborhood(id: $key, depth: $depth) {
        ...NeighborhoodFields
      }
    }
  `,
  [NeighborhoodFields],
);

export const PathsQuery = graphql(
  `
    query PathsView($from: String!, $to: String!, $lang: Language!) {
      fromEntity: entity(key: $from) {
        key
        name(lang: $lang)
        kind
      }
      toEntity: entity(key: $to) {
        key
        name(lang: $lang)
        kind
      }
      paths(from: $from, to: $to, first: 5, maxHops: 4) {
        length
        nodeKeys
        nodes {
          id
          ... on Entity {
            key
            name(lang: $lang)
            kind
          }
          ... on Fact {
            key
            value
            unit
            qualifiers
            about {
              key
            }
            variable {
              name(lang: $lang)
            }
          }
        }
        steps {
          fromKey
          toKey
          relation
          direction
          fact {
            ...FactFields
          }
        }
      }
    }
  `,
  [FactFields],
);

/** A page of an entity's facts: the next ("Show more"), or the first under other filters. */
export const EntityFactsPageQuery = graphql(
  `
    query EntityFactsPage($key: String!, $after: String, $lang: Language!, $where: FactWhere) {
      entity(key: $key) {
        key
        facts(first: 100, after: $after, where: $where) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            node {
              ...FactFields
            }
          }
        }
      }
    }
  `,
  [FactFields],
);

/** For one picker filled from the URL while the other is still empty. */
export const EntityNameQuery = graphql(`
  query EntityName($key: String!, $lang: Language!) {
    entity(key: $key) {
      key
      name(lang: $lang)
      kind
    }
  }
`);

export const DocumentQuery = graphql(`
  query DocumentView($key: String!, $lang: Language!) {
    document(key: $key) {
      key
      title
      date
      language
      length
      text
      facts(first: 100) {
        totalCount
        edges {
          node {
            key
            value
            unit
            qualifiers
            about {
              key
              name(lang: $lang)
            }
            variable {
              name(lang: $lang)
            }
            citations {
              start
              end
              quote
              document {
                key
              }
            }
          }
        }
      }
    }
  }
`);

export const ChecksQuery = graphql(
  `
    query ChecksView($lang: Language!) {
      conflicts {
        note
        facts {
          ...FactFields
        }
      }
      consistencyChecks {
        key
        name
        description
        consistent
        partsSum
        parts {
          ...FactFields
        }
        totals {
          stated
          difference
          total {
            ...FactFields
          }
        }
      }
      valueChanges(first: 20) {
        ...ValueChangesFields
      }
    }
  `,
  [FactFields, ValueChangesFields],
);

export const VariableQuery = graphql(
  `
    query VariableView($key: String!, $lang: Language!, $where: FactWhere) {
      variable(key: $key) {
        key
        name(lang: $lang)
        labels {
          ...LabelFields
        }
        description
        unit
        stats {
          count
          sum
          min
          max
        }
        facts(first: 100, where: $where) {
          totalCount
          edges {
            node {
              ...FactFields
            }
          }
        }
      }
    }
  `,
  [FactFields, LabelFields],
);

/** The grouped table of a list of facts (variable and entity views): each group's keys and sums. */
export const FactGroupsQuery = graphql(`
  query FactGroupsTable($where: FactWhere, $groupBy: [FactGroupBy!]!, $lang: Language!) {
    factGroups(where: $where, groupBy: $groupBy, first: 100) {
      totalCount
      note
      edges {
        node {
          period {
            key
            name(lang: $lang)
          }
          statistic
          aboutKind
          about {
            key
            name(lang: $lang)
          }
          scope {
            key
            name(lang: $lang)
          }
          document {
            key
            title
            date
          }
          variable {
            key
            name(lang: $lang)
          }
          unit
          count
          sum
          avg
          min
          max
        }
      }
    }
  }
`);

/** A name in both languages, so that the ES | EN switch needs no new draft (drafts view). */
export const DraftFactFields = graphql(`
  fragment DraftFactFields on Fact {
    key
    value
    unit
    statistic
    qualifiers
    about {
      key
      name
      nameEs: name(lang: ES)
    }
    variable {
      key
      name
      nameEs: name(lang: ES)
    }
    period {
      key
      name
      nameEs: name(lang: ES)
    }
    citations {
      quote
      start
      end
      document {
        key
        title
        date
      }
    }
  }
`);

/**
 * `/drafts`: one draft of a pasted document (nothing is written), with the keys a curator may
 * pick instead of the proposals: the periods, the variables and the entities figures are about,
 * each named in both languages.
 */
export const DraftQuery = graphql(
  `
    query DraftDocument($input: DraftInput!) {
      draft(input: $input) {
        id
        date
        language
        figures {
          index
          key
          value
          raw
          quote
          start
          end
          qualifier
          unit
          statistic
          scope
          comparedTo
          confidence
          unsettled
          about {
            key
            score
            why
            entity {
              kind
              name
              nameEs: name(lang: ES)
            }
          }
          variable {
            key
            score
            why
            variable {
              unit
              name
              nameEs: name(lang: ES)
            }
          }
          period {
            key
            score
            why
          }
          newPeriod {
            key
            start
            end
            granularity
          }
          place
          percentOf {
            figure
            words
            fact {
              key
              value
              unit
              about {
                key
              }
              period {
                key
                name
                nameEs: name(lang: ES)
              }
            }
          }
          newEntity {
            key
            kind
            labels {
              en
              es
            }
            words
            start
            end
          }
          graph {
            kind
            value
            quote
            period {
              key
              name
              nameEs: name(lang: ES)
            }
            document {
              key
              title
              date
            }
            fact {
              ...DraftFactFields
            }
          }
        }
        skips {
          raw
          start
          reason
        }
      }
      periods: entities(filter: { kinds: [TIME_PERIOD] }, first: 100) {
        edges {
          node {
            key
            kind
            name
            nameEs: name(lang: ES)
          }
        }
      }
      things: entities(
        filter: { kinds: [ORGANIZATION, PROGRAM, FACILITY_TYPE, SERVICE, CONDITION, PLACE, PERSON] }
        first: 100
      ) {
        edges {
          node {
            key
            kind
            name
            nameEs: name(lang: ES)
          }
        }
      }
      variables {
        key
        unit
        name
        nameEs: name(lang: ES)
      }
    }
  `,
  [DraftFactFields],
);

/** `/drafts`: the settled facts file of a new document, written by a curator in one request. */
export const IngestMutation = graphql(`
  mutation IngestDocument($input: IngestInput!) {
    ingestDocument(input: $input) {
      document {
        key
        title
        date
      }
      facts {
        key
        value
        unit
        qualifiers
        about {
          key
        }
      }
      entities {
        key
        kind
        name
        nameEs: name(lang: ES)
      }
      corroborated {
        key
        value
        unit
        qualifiers
        about {
          key
        }
      }
    }
  }
`);
