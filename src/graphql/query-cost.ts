import { getNullableType, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

// A list costs its children times its size: the coerced `first`, else the default page size. A page type's `nodes`
// were already multiplied by the `first` of the field that returned the page (tours(first) { nodes }).
function pageSizeEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const first = typeof args.first === 'number' ? Math.max(1, args.first) : undefined;
    const list = isListType(getNullableType(field.type));
    const inPage = isObjectType(type) && 'pageInfo' in type.getFields();
    const size = first ?? (list && !inPage ? defaultListSize : 1);
    return 1 + size * childComplexity;
  };
}

export type OperationCost = (schema: GraphQLSchema, query: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => number;

/** An operation's cost on its coerced variables (graphql-query-complexity; @skip and @include are honoured). */
export function operationCost(defaultListSize: number): OperationCost {
  const estimators = [pageSizeEstimator(defaultListSize)];
  return (schema, query, operationName, variables) => getComplexity({ schema, query, operationName, variables, estimators });
}
