import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";

/**
 * The peer: @neo4j/graphql (a dev dependency of the benchmark only) over the
 * same database, with type definitions written for the project's model.
 * Every entity kind is one `Entity` type (the :Entity label, `kind` a field);
 * the structural links and the fact links are @relationship fields; search and
 * paths, which @neo4j/graphql has no built-in for, use its own means: a
 * @fulltext index and a @cypher field.
 */
export const typeDefs = /* GraphQL */ `
  type Entity
    @node(labels: ["Entity"])
    @fulltext(
      indexes: [
        {
          indexName: "search_en"
          queryName: "searchEntities"
          fields: ["searchNames", "searchTextEn"]
        }
      ]
    ) {
    key: String!
    kind: String!
    name: String!
    aliases: [String!]
    searchNames: String
    searchTextEn: String
    description: String
    start: String
    end: String
    granularity: String
    within: [Entity!]! @relationship(type: "WITHIN", direction: OUT)
    contains: [Entity!]! @relationship(type: "WITHIN", direction: IN)
    locatedIn: [Entity!]! @relationship(type: "LOCATED_IN", direction: OUT)
    locatedHere: [Entity!]! @relationship(type: "LOCATED_IN", direction: IN)
    partOf: [Entity!]! @relationship(type: "PART_OF", direction: OUT)
    parts: [Entity!]! @relationship(type: "PART_OF", direction: IN)
    operates: [Entity!]!
      @relationship(type: "OPERATES", direction: OUT, properties: "StructuralLink")
    operatedBy: [Entity!]!
      @relationship(type: "OPERATES", direction: IN, properties: "StructuralLink")
    provides: [Entity!]! @relationship(type: "PROVIDES", direction: OUT)
    providedBy: [Entity!]! @relationship(type: "PROVIDES", direction: IN)
    runs: [Entity!]! @relationship(type: "RUNS", direction: OUT)
    runBy: [Entity!]! @relationship(type: "RUNS", direction: IN)
    addresses: [Entity!]! @relationship(type: "ADDRESSES", direction: OUT)
    addressedBy: [Entity!]! @relationship(type: "ADDRESSES", direction: IN)
    components: [Entity!]! @relationship(type: "HAS_COMPONENT", direction: OUT)
    factsAbout: [Fact!]! @relationship(type: "ABOUT", direction: IN)
    factsScoped: [Fact!]! @relationship(type: "SCOPE", direction: IN)
    periodFacts: [Fact!]! @relationship(type: "DURING", direction: IN)
  }

  type StructuralLink @relationshipProperties {
    fact: String
    period: String
  }

  type Fact @node(labels: ["Fact"]) {
    key: String!
    value: Float
    unit: String!
    statistic: String!
    qualifier: String!
    note: String
    garbled: Boolean
    deprecated: Boolean
    variable: String!
    about: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
    scope: [Entity!]! @relationship(type: "SCOPE", direction: OUT)
    period: [Entity!]! @relationship(type: "DURING", direction: OUT)
    measures: [Variable!]! @relationship(type: "MEASURES", direction: OUT)
    citations: [Citation!]! @relationship(type: "CITED_IN", direction: OUT)
  }

  type Variable @node(labels: ["Variable"]) {
    key: String!
    name: String!
    unit: String!
    description: String
    facts: [Fact!]! @relationship(type: "MEASURES", direction: IN)
  }

  type Citation @node(labels: ["Citation"]) {
    key: String!
    quote: String!
    start: Int!
    end: Int!
    documents: [Document!]! @relationship(type: "QUOTES", direction: OUT)
  }

  type Document @node(labels: ["Document"]) {
    id: String!
    date: String!
    title: String!
    text: String!
  }

  type Query {
    """
    The shortest paths between two entities (at most 4 steps): each path as the keys of its nodes.
    """
    pathKeys(from: String!, to: String!, limit: Int!): [String!]!
      @cypher(
        statement: """
        MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
        MATCH p = allShortestPaths((a)-[:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT|ABOUT|SCOPE|DURING|COMPARED_TO*..4]-(b))
        WHERE all(n IN nodes(p) WHERE n:Entity OR (n:Fact AND NOT coalesce(n.deprecated, false)))
        WITH p LIMIT $limit
        RETURN reduce(s = '', n IN nodes(p) | s + CASE WHEN s = '' THEN '' ELSE ' ' END + n.key) AS path
        """
        columnName: "path"
      )
  }
`;

export async function neo4jGraphqlSchema(driver: Driver): Promise<GraphQLSchema> {
  // String comparisons (lt, lte, gt, gte) are off by default: the period overlap needs them on
  // the periods' ISO dates.
  const features = { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } };
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver, features });
  return neoSchema.getSchema();
}
