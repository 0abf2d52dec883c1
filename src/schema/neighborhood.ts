import { builder } from "../builder.js";
import { keyFrom, keyOrId } from "../global-id.js";
import { inputError, notFound } from "../input-error.js";
import { loadEntities, neighbors } from "../loaders/entities.js";
import type { RelationType as RelationTypeName } from "../model/vocabulary.js";
import { RelationType } from "./relation-type.js";
import { Entity, Fact } from "./refs.js";

const MAX_DEPTH = 3;
const MAX_NODES = 300;

interface Link {
  from: string;
  to: string;
  type: RelationTypeName;
  fact: string | null;
}

interface NeighborhoodShape {
  center: string;
  depthOf: Map<string, number>;
  links: Link[];
  truncated: boolean;
}

const NeighborhoodLink = builder.objectRef<Link>("NeighborhoodLink").implement({
  description: "A structural link between two entities of a neighborhood.",
  fields: (t) => ({
    from: t.expose("from", { type: Entity, description: "Where the link starts." }),
    to: t.expose("to", { type: Entity, description: "Where the link points." }),
    type: t.expose("type", { type: RelationType, description: "The kind of link." }),
    fact: t.expose("fact", {
      type: Fact,
      nullable: true,
      description: "The fact giving the link's figure.",
    }),
  }),
});

const NeighborhoodNode = builder
  .objectRef<{ key: string; depth: number }>("NeighborhoodNode")
  .implement({
    description: "An entity of a neighborhood and its distance from the center.",
    fields: (t) => ({
      entity: t.field({ type: Entity, description: "The entity.", resolve: (n) => n.key }),
      depth: t.exposeInt("depth", {
        description: "Links away from the center (0 for the center).",
      }),
    }),
  });

const Neighborhood = builder.objectRef<NeighborhoodShape>("Neighborhood").implement({
  description: "The entities within a few links of one entity, and the links among them.",
  fields: (t) => ({
    center: t.expose("center", { type: Entity, description: "The entity explored around." }),
    nodes: t.field({
      type: [NeighborhoodNode],
      description: "Every entity reached, nearest first.",
      resolve: (n) =>
        [...n.depthOf.entries()]
          .map(([key, depth]) => ({ key, depth }))
          .sort((a, b) => a.depth - b.depth || a.key.localeCompare(b.key)),
    }),
    links: t.expose("links", { type: [NeighborhoodLink], description: "The links followed." }),
    truncated: t.exposeBoolean("truncated", {
      description: `True when the walk stopped at ${MAX_NODES} entities.`,
    }),
  }),
});

builder.queryField("neighborhood", (t) =>
  t.field({
    type: Neighborhood,
    nullable: true,
    description:
      "Explore around an entity: what lies within `depth` structural links of it (one query per ring).",
    args: {
      id: t.arg.string({
        required: true,
        description: "Key or global id of the entity at the center.",
      }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: `1 to ${MAX_DEPTH}.` }),
    },
    resolve: async (_root, args, ctx) => {
      const depth = args.depth ?? 1;
      if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
        throw inputError("depth", `must be between 1 and ${MAX_DEPTH}`);
      }
      const center = keyFrom(args.id, "entity");
      const [found] = await loadEntities(ctx.db, [center]);
      if (!found || found instanceof Error)
        throw notFound("id", `no entity has ${keyOrId(args.id, center)}`);
      const depthOf = new Map<string, number>([[center, 0]]);
      const links = new Map<string, Link>();
      let ring = [center];
      let truncated = false;
      for (let d = 1; d <= depth && ring.length > 0 && !truncated; d += 1) {
        const next: string[] = [];
        for (const link of await neighbors(ctx.db, ring)) {
          for (const key of [link.from, link.to]) {
            if (depthOf.has(key)) continue;
            if (depthOf.size >= MAX_NODES) {
              truncated = true;
              continue;
            }
            depthOf.set(key, d);
            next.push(key);
          }
          if (depthOf.has(link.from) && depthOf.has(link.to)) {
            links.set(`${link.from}|${link.type}|${link.to}`, link);
          }
        }
        ring = next;
      }
      return { center, depthOf, links: [...links.values()], truncated };
    },
  }),
);
