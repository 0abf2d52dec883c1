import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./schema/query.js";
import "./schema/node.js";
import "./schema/entity.js";
import "./schema/entity-relation.js";
import "./schema/organization.js";
import "./schema/program.js";
import "./schema/facility-type.js";
import "./schema/service.js";
import "./schema/condition.js";
import "./schema/place.js";
import "./schema/person.js";
import "./schema/time-period.js";
import "./schema/fact.js";
import "./schema/citation.js";
import "./schema/document.js";
import "./schema/variable.js";
import "./schema/consistency-check.js";
import "./schema/time-series.js";
import "./schema/search.js";
import "./schema/path.js";
import "./schema/neighborhood.js";
import "./schema/change.js";
import "./schema/curation.js";
import "./schema/draft.js";

/** The whole GraphQL schema: every file under src/schema/ adds its types to the builder. */
export const schema = lexicographicSortSchema(builder.toSchema());
