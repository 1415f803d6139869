import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';
import { ForbiddenError } from './access.errors.js';

const ROOTS = new Set(['Query', 'Mutation']);

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
  const all = generator.generate(schema) as Record<string, Record<string, unknown>>;
  const named: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(rules)) {
    // Roots keep every field (unlisted ones deny); other types only the fields that name a rule.
    const keep = ROOTS.has(type) ? Object.keys(all[type]) : Object.keys(fields).filter((f) => f !== '*');
    named[type] = Object.fromEntries(keep.map((f) => [f, all[type][f]]));
  }
  return applyMiddleware(schema, named);
}
