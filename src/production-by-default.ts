/**
 * NODE_ENV is "production" unless it is set: graphql-js reads it once, when it loads, and
 * outside production checks every `instanceof` of its types for a second copy of graphql,
 * a share of the CPU of a large answer run by graphql-js (bench/README.md). The
 * configuration reads the same default (src/config.ts). Imported first by src/main.ts, so
 * that it runs before graphql loads.
 */
process.env.NODE_ENV ??= "production";
