import { builder } from "../builder.js";

/** The kinds of entity, as GraphQL enum values mapped to the graph's kind labels. */
export const ENTITY_KIND_VALUES = {
  ORGANIZATION: { value: "Organization", description: "The Institute and its units." },
  PROGRAM: { value: "Program", description: "Programs, strategies and their components." },
  FACILITY_TYPE: {
    value: "FacilityType",
    description: "Kinds of facility and the resources counted with them.",
  },
  SERVICE: {
    value: "Service",
    description: "Consultations, procedures, studies, sessions, detections...",
  },
  CONDITION: { value: "Condition", description: "Diseases and health conditions." },
  PLACE: { value: "Place", description: "Countries, states and cities." },
  PERSON: { value: "Person", description: "People named in the sources." },
  TIME_PERIOD: {
    value: "TimePeriod",
    description: "Days, months, years and ranges the figures refer to.",
  },
} as const;

export const EntityKind = builder.enumType("EntityKind", {
  description: "The kind of an entity.",
  values: ENTITY_KIND_VALUES,
});

export const SearchKind = builder.enumType("SearchKind", {
  description:
    "What a search hit can be: an entity of some kind, a variable, or a source document.",
  values: {
    ...ENTITY_KIND_VALUES,
    VARIABLE: { value: "Variable", description: "What facts measure (its names are searched)." },
    DOCUMENT: { value: "Document", description: "A source document (its full text is searched)." },
  },
});
