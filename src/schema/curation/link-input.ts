import { builder } from "../../builder.js";
import { RelationType } from "../relation-type.js";
import { SourceInput } from "./source-input.js";

export const LinkInput = builder.inputType("LinkInput", {
  description:
    "A structural link between two entities, or (same from, type and to) what to change of an existing one: the fields left out keep their values.",
  fields: (t) => ({
    from: t.string({
      required: true,
      description: "The key of the entity the link starts from.",
    }),
    type: t.field({ type: RelationType, required: true, description: "The kind of link." }),
    to: t.string({ required: true, description: "The key of the entity the link points to." }),
    fact: t.string({
      required: false,
      description: "The key of the fact that gives the link's figure.",
    }),
    period: t.string({ required: false, description: "The key of the TimePeriod when it holds." }),
    role: t.string({ required: false, description: "For HOLDS_ROLE: the role." }),
    source: t.field({
      type: SourceInput,
      required: false,
      description: "The words that state the link.",
    }),
  }),
});
