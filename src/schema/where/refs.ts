import { builder } from "../../builder.js";

/**
 * The refs of the recursive `where` inputs, declared first so that FactWhere (fact-where.ts)
 * and EntityWhere (entity-where.ts) can name each other; each file implements its own. The
 * shapes are the inputs as GraphQL gives them (optional fields may be null); `fact-where.ts`
 * and `entity-where.ts` normalise them into the plain shape of src/loaders/where/where.ts.
 */

type Maybe<T> = T | null | undefined;

/** An input object as GraphQL gives it, before it is normalised. */
export type InputObject = { readonly [field: string]: unknown };

export interface FactWhereInput {
  AND?: Maybe<FactWhereInput[]>;
  OR?: Maybe<FactWhereInput[]>;
  NOT?: Maybe<FactWhereInput>;
  key?: Maybe<InputObject>;
  value?: Maybe<InputObject>;
  unit?: Maybe<InputObject>;
  statistic?: Maybe<InputObject>;
  qualifier?: Maybe<InputObject>;
  garbled?: Maybe<InputObject>;
  deprecated?: Maybe<InputObject>;
  variable?: Maybe<InputObject>;
  about?: Maybe<EntityWhereInput>;
  scope?: Maybe<EntityWhereInput>;
  period?: Maybe<InputObject>;
  citations?: Maybe<InputObject>;
}

/** The API's EntityWhere as GraphQL gives it (its fields: entity-where.ts). */
export type EntityWhereInput = InputObject;

export const FactWhere = builder.inputRef<FactWhereInput>("FactWhere");
export const EntityWhere = builder.inputRef<EntityWhereInput>("EntityWhere");
