import type { GraphQLSchema } from 'graphql';
import type { RuleTree } from '../access/rule-tree.js';
import { applyAccessRules } from '../access/shield.js';
import { applyPiiExposure } from '../privacy/pii.transform.js';
import { buildBaseSchema } from './schema.js';
import type { ResolverClass } from './feature-module.js';

/** The @pii transform first (it reads field AST nodes), then graphql-shield on the named fields only. */
export function wrapSchema(base: GraphQLSchema, rules: RuleTree, privacyTransform = true): GraphQLSchema {
  return applyAccessRules(privacyTransform ? applyPiiExposure(base) : base, rules);
}

/** The features' resolvers and access rules (src/app composes them) as the schema the gateway serves. */
export async function buildGatewaySchema(parts: { resolvers: readonly ResolverClass[]; rules: RuleTree }, privacyTransform = true): Promise<GraphQLSchema> {
  return wrapSchema(await buildBaseSchema(parts.resolvers), parts.rules, privacyTransform);
}
