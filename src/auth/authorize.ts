import { DocumentNode, GraphQLSchema, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { ForbiddenError } from '../common/errors';
import { higherRole, isRole, Principal, Role, roleAllows } from './roles';

/**
 * The role an operation needs, decided in one place for the whole schema: queries and
 * subscriptions need `reader`, mutations `writer`, and any field marked
 * `@Extensions({ role: 'admin' })` (key management, the audit trail, deletions) raises that to
 * its role — wherever the field appears in the operation, fragments included.
 */
export function requiredRole(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Role {
  let needed = operation.operation === 'mutation' ? Role.WRITER : Role.READER;
  const typeInfo = new TypeInfo(schema);
  const visitNode = (node: OperationDefinitionNode | DocumentNode['definitions'][number]) => {
    visit(node, visitWithTypeInfo(typeInfo, {
      Field() {
        const marked = typeInfo.getFieldDef()?.extensions?.role;
        if (isRole(marked)) needed = higherRole(needed, marked);
      },
    }));
  };
  visitNode(operation);
  // Validation has rejected unused fragments, so every fragment here is used by some operation of
  // the document; checking them all is at worst stricter than needed, never laxer.
  for (const def of document.definitions) if (def.kind === 'FragmentDefinition') visitNode(def);
  return needed;
}

/** Throws FORBIDDEN unless the caller's role covers what the operation needs. */
export function authorize(principal: Principal, needed: Role, what: string): void {
  if (!roleAllows(principal.role, needed)) {
    throw new ForbiddenError(`${what} needs the '${needed}' role; this key has '${principal.role}'.`, { requiredRole: needed });
  }
}
