import 'reflect-metadata';
import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { piiDirective } from '../privacy/pii.directive.js';
import { directFieldResolvers } from './direct-field-resolvers.js';
import { dropPlainFieldResolvers } from './plain-fields.js';
import { syncUnionTypeResolvers } from './sync-type-resolvers.js';
import type { ResolverClass } from './feature-module.js';
/** The type-graphql schema as written in code, before the privacy and access layers wrap it; plain fields read their property directly,
 * field resolvers are called without type-graphql's dispatcher where it adds nothing, and unions resolve their member synchronously. */
export async function buildBaseSchema(resolvers: readonly ResolverClass[]): Promise<GraphQLSchema> {
  // Passing directives replaces graphql-js's defaults, so @skip, @include, @deprecated and @specifiedBy are listed again.
  const options: BuildSchemaOptions = { resolvers: resolvers as [ResolverClass, ...ResolverClass[]], directives: [...specifiedDirectives, piiDirective], validate: false };
  const schema = await buildSchema(options);
  dropPlainFieldResolvers(schema);
  directFieldResolvers(schema, options);
  syncUnionTypeResolvers(schema);
  return schema;
}

export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchemaWithDirectives(schema).trim()}\n`;
}
