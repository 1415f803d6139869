import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';
import { ForbiddenError } from '../graphql/errors.js';

/**
 * graphql-shield over only the types the rule tree names: shield would otherwise wrap every field of
 * every type with its fallback rule, which costs CPU on fields that need no check.
 */
export function applyAccessRules(schema: GraphQLSchema, rules: RuleTree): GraphQLSchema {
  const generator = shield(rules, {
    fallbackRule: deny,
    fallbackError: () => new ForbiddenError('Not allowed', 'ACCESS_DENIED'),
    allowExternalErrors: true,
  });
  const all = generator.generate(schema) as Record<string, unknown>;
  const named = Object.fromEntries(Object.entries(all).filter(([type]) => Object.hasOwn(rules, type)));
  return applyMiddleware(schema, named);
}
