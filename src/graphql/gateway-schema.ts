import type { GraphQLSchema } from 'graphql';
import { ACCESS_RULES } from '../access/access.rules.js';
import { applyAccessRules } from '../access/shield.js';
import { applyPiiExposure } from '../privacy/pii.transform.js';
import { buildBaseSchema } from './schema.js';

/** The served schema: the @pii transform first (it reads field AST nodes), then graphql-shield on named types only. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return applyAccessRules(applyPiiExposure(await buildBaseSchema()), ACCESS_RULES);
}
