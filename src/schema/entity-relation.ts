import { builder, type Types } from "../builder.js";
import type { EntityRow } from "../loaders/entities.js";
import {
  type RelationLink,
  type RelationPage,
  type RelationRow,
  type RelationSpec,
} from "../loaders/relations.js";
import { toPage, countAll } from "../pagination.js";
import { EntityKind } from "./entity-kind.js";
import { RelationDirection } from "./relation-direction.js";
import { RelationType } from "./relation-type.js";
import { type RelationExtensions, relationPlan } from "./plan/relations.js";
import { Document, Entity, Fact } from "./refs.js";
import { EntityWhere } from "./where/refs.js";

/**
 * Links between entities, as Relay connections whose edges carry the link:
 * its type, its direction, the fact that gives its figure, its period and source.
 */

interface RelationEdgeShape {
  readonly cursor: string;
  node: EntityRow;
  /** The page's row: the entity and, when asked for, the link. */
  row: RelationRow;
}

/** The edge's link, which the page read because a field of the edge was selected. */
function link(e: RelationEdgeShape): RelationLink {
  if (!e.row.link) throw new Error("the relation page was read without its links");
  return e.row.link;
}

export const EntityRelationEdge = builder
  .objectRef<RelationEdgeShape>("EntityRelationEdge")
  .implement({
    description: "A link from the entity asked about to another entity.",
    fields: (t) => ({
      cursor: t.exposeString("cursor", {
        description: "Pass as `after` to continue after this edge.",
      }),
      node: t.expose("node", { type: Entity, description: "The entity at the other end." }),
      type: t.field({
        type: RelationType,
        description: "The kind of link.",
        resolve: (e) => link(e).type,
      }),
      direction: t.field({
        type: RelationDirection,
        description: "OUT when the link points from the entity asked about to `node`.",
        resolve: (e) => link(e).direction,
      }),
      fact: t.field({
        type: Fact,
        nullable: true,
        description:
          "The fact that gives the link's figure (e.g. how many rural hospitals a program operates).",
        resolve: (e) => link(e).fact,
      }),
      period: t.field({
        type: Entity,
        nullable: true,
        description: "When the link holds (a TimePeriod), if the sources say.",
        resolve: (e) => link(e).period,
      }),
      role: t.string({
        nullable: true,
        description: "For HOLDS_ROLE: the role held.",
        resolve: (e) => link(e).role,
      }),
      sourceDocument: t.field({
        type: Document,
        nullable: true,
        description: "The document whose words state the link, if any.",
        resolve: (e) => link(e).sourceDocument,
      }),
      sourceQuote: t.string({
        nullable: true,
        description: "The verbatim words that state the link.",
        resolve: (e) => link(e).sourceQuote,
      }),
    }),
  });

const EntityRelationConnection = builder.connectionObject(
  {
    type: Entity,
    name: "EntityRelationConnection",
    description: "A page of links from an entity.",
    edgesField: { description: "The links of this page." },
    fields: (t) => ({
      totalCount: t.int({
        description: "How many links match, over all pages.",
        resolve: countAll,
      }),
    }),
  },
  EntityRelationEdge,
);

/** Pages are sorted on (lower-case name, key); the cursor holds the name as it is. */
const relationPosition = (r: RelationRow) => ({ value: r.node.name, key: r.node.key });
const relationNode = (r: RelationRow) => r.node;

const connection = ({ rows, page, count }: RelationPage) => ({
  ...toPage(rows, page, relationPosition, relationNode),
  count,
});

/**
 * A connection field of related entities: the links `fixed` names (the arguments choose the
 * rest). Its pages come from its plan (`relationPlan`, ./plan/relations.ts), batched over every
 * parent and read together with the relation fields asked below it.
 */
export function relationField(
  f:
    | PothosSchemaTypes.ObjectFieldBuilder<Types, EntityRow>
    | PothosSchemaTypes.InterfaceFieldBuilder<Types, EntityRow>,
  description: string,
  fixed: Partial<RelationSpec>,
) {
  const extensions: RelationExtensions = { relationSpec: fixed };
  return f.field({
    type: EntityRelationConnection,
    description,
    extensions,
    args: {
      ...(fixed.types
        ? {}
        : {
            types: f.arg({
              type: [RelationType],
              required: false,
              description: "Only these link types.",
            }),
          }),
      ...(fixed.direction
        ? {}
        : {
            direction: f.arg({
              type: RelationDirection,
              required: false,
              defaultValue: "BOTH",
              description: "Which way the links point.",
            }),
          }),
      kinds: f.arg({
        type: [EntityKind],
        required: false,
        description: "Only entities of these kinds.",
      }),
      where: f.arg({
        type: EntityWhere,
        required: false,
        description: "Only links to the entities this selects (the entity at the other end).",
      }),
      first: f.arg.int({ required: false, description: "Page size (at most 100; default 20)." }),
      after: f.arg.string({ required: false, description: "The endCursor of the previous page." }),
    },
    resolve: (parent, args, ctx, info) => {
      const page = relationPlan(ctx, info, fixed, args).page(parent.key);
      return page instanceof Promise ? page.then(connection) : connection(page);
    },
  });
}

builder.interfaceField(Entity, "relations", (t) =>
  relationField(
    t,
    "Every structural link of this entity, filtered by type, direction and kind.",
    {},
  ),
);
