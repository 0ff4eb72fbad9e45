import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

type Compute<T> = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) => T;

/**
 * Remembers what `compute` answered for an operation of a document against a schema, for as long
 * as the document lives. Apollo keeps every parsed and validated document in its document store and
 * hands the same DocumentNode to every request that sends the same query text, so what depends on
 * the document alone (its depth, the role it needs) is worked out once per query text instead of
 * walking the document with a TypeInfo on every request.
 */
export function perOperation<T>(compute: Compute<T>): Compute<T> {
  const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<OperationDefinitionNode, T>>>();
  return (schema, document, operation) => {
    let bySchema = known.get(schema);
    if (!bySchema) known.set(schema, (bySchema = new WeakMap()));
    let byOperation = bySchema.get(document);
    if (!byOperation) bySchema.set(document, (byOperation = new Map()));
    if (byOperation.has(operation)) return byOperation.get(operation)!;
    const value = compute(schema, document, operation);
    byOperation.set(operation, value);
    return value;
  };
}
