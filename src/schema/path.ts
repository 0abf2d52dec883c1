import { brandWithType } from "@pothos/core";
import { builder } from "../builder.js";
import { keyFrom, keyOrId } from "../global-id.js";
import { inputError, notFound } from "../input-error.js";
import { type EntityRow, type PathRow, shortestPaths } from "../loaders/entities.js";
import type { FactRow } from "../loaders/facts.js";
import { RelationDirection } from "./relation-direction.js";
import { Entity, Fact } from "./refs.js";

export const MAX_HOPS = 6;
const MAX_PATHS = 20;

interface StepShape {
  from: { key: string; type: string };
  to: { key: string; type: string };
  type: string;
  direction: "OUT" | "IN";
  fact: string | null;
}

const PathStep = builder.objectRef<StepShape>("PathStep").implement({
  description: "One step of a path: a link between two nodes, with its type and direction.",
  fields: (t) => ({
    fromKey: t.string({
      description: "Key of the node the step leaves.",
      resolve: (s) => s.from.key,
    }),
    toKey: t.string({ description: "Key of the node the step reaches.", resolve: (s) => s.to.key }),
    from: t.field({
      type: builder.nodeInterfaceRef(),
      description: "The node the step leaves.",
      resolve: (s, _a, ctx) => loadPathNode(s.from, ctx),
    }),
    to: t.field({
      type: builder.nodeInterfaceRef(),
      description: "The node the step reaches.",
      resolve: (s, _a, ctx) => loadPathNode(s.to, ctx),
    }),
    relation: t.string({
      description:
        "The link type (a structural relation such as OPERATES, or ABOUT/SCOPE/DURING through a fact).",
      resolve: (s) => s.type,
    }),
    direction: t.expose("direction", {
      type: RelationDirection,
      description: "OUT when the link points from `from` to `to`.",
    }),
    fact: t.expose("fact", {
      type: Fact,
      nullable: true,
      description: "The fact that gives the link's figure, if any.",
    }),
  }),
});

const Path = builder.objectRef<PathRow>("Path").implement({
  description: "A shortest path between two entities.",
  fields: (t) => ({
    length: t.int({ description: "Number of steps.", resolve: (p) => p.steps.length }),
    nodeKeys: t.stringList({
      description: "Keys of the nodes, in order.",
      resolve: (p) => p.nodes.map((n) => n.key),
    }),
    nodes: t.field({
      type: [builder.nodeInterfaceRef()],
      description: "The nodes, in order (entities, or facts the path runs through).",
      resolve: (p, _a, ctx) => Promise.all(p.nodes.map((n) => loadPathNode(n, ctx))),
    }),
    steps: t.field({
      type: [PathStep],
      description: "The steps, in order.",
      resolve: (p) =>
        p.steps.map((s, i) => ({
          ...s,
          from: p.nodes[i] as { key: string; type: string },
          to: p.nodes[i + 1] as { key: string; type: string },
        })),
    }),
  }),
});

/**
 * A node of a path, by its label: a fact is branded as one (Pothos' type brand, as the node
 * query does), so that the Node interface resolves it; an entity resolves by its kind.
 */
async function loadPathNode(
  node: { key: string; type: string },
  ctx: Parameters<typeof Fact.getDataloader>[0],
): Promise<FactRow | EntityRow> {
  if (node.type !== "Fact") return Entity.getDataloader(ctx).load(node.key);
  const fact = await Fact.getDataloader(ctx).load(node.key);
  brandWithType(fact, Fact);
  return fact;
}

builder.queryField("paths", (t) =>
  t.field({
    type: [Path],
    nullable: true,
    description:
      "The shortest paths between two entities, through structural links and through facts " +
      "(e.g. from IMSS-BIENESTAR to the rural hospital facility type).",
    args: {
      from: t.arg.string({
        required: true,
        description: "Key (or global id) of the entity to start from.",
      }),
      to: t.arg.string({
        required: true,
        description: "Key (or global id) of the entity to reach.",
      }),
      maxHops: t.arg.int({
        required: false,
        defaultValue: 4,
        description: `At most this many steps (1 to ${MAX_HOPS}).`,
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 5,
        description: `At most this many paths (1 to ${MAX_PATHS}).`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const maxHops = args.maxHops ?? 4;
      const first = args.first ?? 5;
      if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
        throw inputError("maxHops", `must be between 1 and ${MAX_HOPS}`);
      }
      if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) {
        throw inputError("first", `must be between 1 and ${MAX_PATHS}`);
      }
      const from = keyFrom(args.from, "entity");
      const to = keyFrom(args.to, "entity");
      const found = await shortestPaths(ctx.db, from, to, maxHops, first);
      if (!found.fromKind) throw notFound("from", `no entity has ${keyOrId(args.from, from)}`);
      if (!found.toKind) throw notFound("to", `no entity has ${keyOrId(args.to, to)}`);
      if (from === to) return [{ nodes: [{ key: from, type: found.fromKind }], steps: [] }];
      return found.paths;
    },
  }),
);
