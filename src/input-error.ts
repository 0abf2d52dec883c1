import { GraphQLError } from "graphql";

/**
 * The errors of a client's mistake, one code per kind of failure, each naming the argument
 * (`extensions.argument`, a path such as `filter.about`), never a 500:
 * - BAD_USER_INPUT (`inputError`): the argument is malformed or out of range;
 * - NOT_FOUND (`notFound`, `NotFoundError`): it is well formed but names nothing.
 */

/** A malformed argument: BAD_USER_INPUT. */
export function inputError(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}

/**
 * Nothing has the key or id asked for (as opposed to a failure of the database): code
 * NOT_FOUND, so that a client is told what is missing (Yoga masks any other error as
 * "Unexpected error"). With `argument`, the argument that named it.
 */
export class NotFoundError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(argument ? `Argument "${argument}": ${message}` : message, {
      extensions: argument ? { code: "NOT_FOUND", argument } : { code: "NOT_FOUND" },
    });
  }
  override name = "NotFoundError";
}

/** A key or id that names nothing, in the argument `argument`: NOT_FOUND. */
export function notFound(argument: string, message: string): NotFoundError {
  return new NotFoundError(message, argument);
}
