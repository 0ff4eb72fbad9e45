import { GraphQLSchema, GraphQLTypeResolver, isUnionType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { modules } from '../modules';
import { Container } from './container';
import { EventBus } from '../events/event-bus';

/** Every resolver of every module: the schema is their union. */
export function allResolvers(): NonEmptyArray<Function> {
  return modules.flatMap((m) => m.resolvers) as NonEmptyArray<Function>;
}

export async function buildAppSchema(container?: Container): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: allResolvers(),
    container: container ?? { get: () => { throw new Error('schema built without a container'); } },
    // Subscriptions read from the container's event bus (a bare one when only the schema is wanted).
    pubSub: container?.events ?? new EventBus(),
    validate: false, // no input class carries class-validator rules: services validate (src/common/validate.ts)
  });
  // type-graphql wraps each union's resolveType in an async function; graphql-jit (jit-executor.ts)
  // calls resolveType synchronously. Ours are synchronous and answer a type's name: they go in as written.
  for (const union of getMetadataStorage().unions) {
    const type = schema.getType(union.name);
    if (union.resolveType && isUnionType(type)) type.resolveType = union.resolveType as GraphQLTypeResolver<unknown, unknown>;
  }
  return schema;
}

/** The checked-in schema.graphql: sorted, so that it changes only when the API does. */
export function renderSchema(schema: GraphQLSchema): string {
  return '# Generated from the type-graphql classes in src/ by `npm run gen`. Do not edit.\n\n' +
    printSchema(lexicographicSortSchema(schema)) + '\n';
}
