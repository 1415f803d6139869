import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { tooComplex } from './limits.js';
import { operationCost } from './query-cost.js';
import { checkVariables } from './variables.js';

export interface CostLimits { maxCost: number; defaultListSize: number }

const NO_SUBSCRIPTIONS = 'Subscriptions are not served over HTTP by this gateway';

interface DocumentFacts { sizedByVariables: boolean; fixedCosts: Map<string, number> }

function holdsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(holdsVariable);
  return value.kind === Kind.OBJECT && value.fields.some((f) => holdsVariable(f.value));
}

// Only a variable in a list size (`first`) or in @skip/@include (`if`) changes the price; other documents are priced once.
function sizedByVariables(document: DocumentNode): boolean {
  let sized = false;
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'if') && holdsVariable(node.value)) sized = true;
    },
  });
  return sized;
}

/**
 * Once per request, after the document is validated and before execution: subscriptions are refused, variables are
 * coerced and checked, and the cost is priced on them (graphql-query-complexity).
 */
export function operationGuardPlugin(limits: CostLimits, exposeLimits: boolean): ApolloServerPlugin {
  const cost = operationCost(limits.defaultListSize);
  const known = new WeakMap<DocumentNode, DocumentFacts>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw new GraphQLError(NO_SUBSCRIPTIONS, { extensions: { code: 'SUBSCRIPTIONS_NOT_SUPPORTED', http: { status: 400 } } });
          }
          const defs = operation.variableDefinitions ?? [];
          const variables = request.variables ?? {};
          const refused = defs.length ? checkVariables(schema, defs, variables) : null;
          if (refused) throw refused;
          let facts = known.get(document);
          if (!facts) known.set(document, facts = { sizedByVariables: sizedByVariables(document), fixedCosts: new Map() });
          const name = operation.name?.value ?? '';
          let total = facts.sizedByVariables ? undefined : facts.fixedCosts.get(name);
          if (total === undefined) {
            // graphql-query-complexity stops at its node ceiling by throwing.
            try { total = cost(schema, document, operation.name?.value, variables); } catch { total = Infinity; }
            if (!facts.sizedByVariables) facts.fixedCosts.set(name, total);
          }
          if (total > limits.maxCost) throw tooComplex(exposeLimits ? `Query cost ${total} exceeds ${limits.maxCost}` : 'Query is too complex.');
        },
      };
    },
  };
}
