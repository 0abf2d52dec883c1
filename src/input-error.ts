import { GraphQLError } from "graphql";

/** A client mistake in an argument: a GraphQL error that names the argument, never a 500. */
export function inputError(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}
