import type { GraphQLSchema } from 'graphql';
import { ACCESS_RULES } from '../access/access.rules.js';
import { applyAccessRules } from '../access/shield.js';
import { applyPiiExposure } from '../privacy/pii.transform.js';
import { buildBaseSchema } from './schema.js';

/** The @pii transform first (it reads field AST nodes), then graphql-shield on the named fields only. */
export function wrapSchema(base: GraphQLSchema, privacyTransform = true): GraphQLSchema {
  return applyAccessRules(privacyTransform ? applyPiiExposure(base) : base, ACCESS_RULES);
}

export async function buildGatewaySchema(privacyTransform = true): Promise<GraphQLSchema> {
  return wrapSchema(await buildBaseSchema(), privacyTransform);
}
