import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  ExecutionResult, getVariableValues, GraphQLError, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType,
  OperationDefinitionNode, printSchema, typeFromAST,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { perOperation } from './per-operation';

/** Each operation compiled once, for as long as Apollo's document store keeps its document. */
const compiledOf = perOperation((schema, document, operation) =>
  compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true }));

/**
 * Runs operations with graphql-jit instead of graphql-js's interpreter: each distinct operation is
 * compiled once into a function that resolves and builds its answer with plain object literals.
 *
 * Why: a CPU profile of the impact of ~280 nodes over GraphQL (85 KB answer) spent ~1.8 ms per
 * request in graphql-js's execution and ~1 ms in JSON.stringify of its answer, whose objects
 * graphql-js makes with Object.create(null) (dictionary-mode objects, which JSON.stringify walks
 * slowly). Apollo Server 5 has no option for another executor; its gateway interface is the one
 * way to hand execution to another function. Everything before execution stays Apollo's: parsing,
 * validation, the plugins (roles, query limits, metrics, audit), error formatting. Subscriptions
 * (graphql-ws, src/app/subscriptions.ts) keep graphql-js: they are few and long-lived.
 *
 * What stays graphql-js's, so that answers do not change with the executor (the whole test suite
 * runs through this executor):
 * - variables are coerced by graphql-js (its errors word for word, which Apollo turns into
 *   BAD_USER_INPUT) and handed over with their defaults filled in: graphql-jit's own coercion
 *   leaves out the default values of input fields;
 * - errors reach Apollo as graphql-js GraphQLErrors: graphql-jit's lack `extensions` when the
 *   resolver's error had none, which Apollo's formatting reads;
 * - union types resolve synchronously (src/app/schema.ts): graphql-jit does not await resolveType.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const checked = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (checked.errors) return { errors: checked.errors };
    const query = compiledOf(schema, document, operation);
    if (!isCompiledQuery(query)) return withGraphQLErrors(query); // graphql-jit's answer for an operation it cannot compile
    return withGraphQLErrors(await query.query(undefined, context, asSent(schema, operation, checked.coerced)));
  };
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/** The result with each error as graphql-js makes it: extensions from the resolver's error, locations and path as graphql-jit found them. */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
    // graphql-jit keeps the locations, not the AST nodes graphql-js would compute them from.
    Object.assign(error, { locations: e.locations });
    return error;
  });
  return { ...result, errors };
}

/**
 * graphql-js's coerced variables as a client would send them, for graphql-jit to coerce once more:
 * defaults stay filled in, and enum values go back to their names (Role.WRITER is 'writer' inside,
 * and graphql-jit accepts only 'WRITER'). Scalars stay as coerced: ours accept their own output.
 */
function asSent(schema: GraphQLSchema, operation: OperationDefinitionNode, coerced: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (name in coerced) out[name] = type ? asInput(coerced[name], type) : coerced[name];
  }
  return out;
}

function asInput(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return asInput(value, type.ofType);
  if (isListType(type)) return Array.isArray(value) ? value.map((v) => asInput(v, type.ofType)) : asInput(value, type.ofType);
  if (isEnumType(type)) return type.serialize(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fields[k] ? asInput(v, fields[k].type) : v]));
  }
  return value;
}
