import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode, visit, type DocumentNode, type ValueNode } from 'graphql';
import { tooComplex } from './limits.js';
import { operationCost } from './query-cost.js';
import { checkVariables } from './variables.js';

export interface CostLimits {
  maxCost: number;
  defaultListSize: number;
}

const NO_SUBSCRIPTIONS = 'Subscriptions are not served over HTTP by this gateway';
// Prices kept per document: one per operation and combination of sizing values; a caller cycling through sizes only refills it.
const PRICES_PER_DOCUMENT = 32;

interface Priced {
  sizing: readonly string[];
  prices: Map<string, number>;
}

function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const v of value.values) variablesIn(v, into);
  else if (value.kind === Kind.OBJECT) for (const f of value.fields) variablesIn(f.value, into);
}

// The price depends on the document and on the variables given to list sizes (`first`) and to @skip/@include (`if`) only.
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' || node.name.value === 'if') variablesIn(node.value, names);
    },
  });
  return [...names];
}

/**
 * Once per request, after the document is validated and before execution: subscriptions are refused, variables are
 * coerced and checked, and the cost is priced on them (graphql-query-complexity), once per document and sizing values.
 */
export function operationGuardPlugin(limits: CostLimits, exposeLimits: boolean): ApolloServerPlugin {
  const cost = operationCost(limits.defaultListSize);
  const priced = new WeakMap<DocumentNode, Priced>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError(NO_SUBSCRIPTIONS, { extensions: { code: 'SUBSCRIPTIONS_NOT_SUPPORTED', http: { status: 400 } } });
          }
          const defs = operation.variableDefinitions ?? [];
          const variables: Readonly<Record<string, unknown>> = request.variables ?? {};
          const refused = defs.length ? checkVariables(schema, defs, variables) : null;
          if (refused) throw refused;
          let facts = priced.get(document);
          if (!facts) priced.set(document, (facts = { sizing: sizingVariables(document), prices: new Map() }));
          const name = operation.name?.value;
          const key = `${name ?? ''}|${JSON.stringify(facts.sizing.map((v) => variables[v] ?? null))}`;
          let total = facts.prices.get(key);
          if (total === undefined) {
            // graphql-query-complexity stops at its node ceiling by throwing.
            try {
              total = cost(schema, document, name, variables);
            } catch {
              total = Infinity;
            }
            if (facts.prices.size >= PRICES_PER_DOCUMENT) facts.prices.clear();
            facts.prices.set(key, total);
          }
          if (total > limits.maxCost) throw tooComplex(exposeLimits ? `Query cost ${total} exceeds ${limits.maxCost}` : 'Query is too complex.');
        },
      };
    },
  };
}
