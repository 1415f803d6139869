import { describe, expect, it } from '@jest/globals';
import { getDirective } from '@graphql-tools/utils';
import { isObjectType, isUnionType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { piiDirective } from '../../src/privacy/pii.directive.js';
import { buildBaseSchema } from '../../src/graphql/schema.js';
import type { ResolverClass } from '../../src/graphql/feature-module.js';
import { wrapSchema } from '../../src/graphql/gateway-schema.js';
import { ACCESS_RULES, RESOLVERS } from '../../src/app/modules.js';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

function resolved(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__') || ROOTS.has(t.name)) continue;
    for (const [name, f] of Object.entries(t.getFields())) if (f.resolve) out.push(`${t.name}.${name}`);
  }
  return out.sort();
}

// Object fields that type-graphql resolves with a @FieldResolver method.
function fieldResolverFields(): Set<string> {
  const storage = getMetadataStorage();
  const nameOf = new Map<unknown, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  return new Set(storage.fieldResolvers.map((r) => `${nameOf.get(r.getObjectType?.())}.${r.schemaName}`));
}

describe('per-field work in the served schema', () => {
  it('keeps a resolver only on fields with a @FieldResolver; the rest read their property (type-graphql alone wraps them all)', async () => {
    const plain = await buildSchema({ resolvers: RESOLVERS as [ResolverClass, ...ResolverClass[]], directives: [piiDirective], validate: false });
    const base = await buildBaseSchema(RESOLVERS);
    const withResolver = resolved(base);
    expect(new Set(withResolver)).toEqual(fieldResolverFields());
    expect(resolved(plain).length).toBeGreaterThan(withResolver.length * 5);
  });

  it('adds resolvers only for @pii fields and fields with an access rule', async () => {
    const base = await buildBaseSchema(RESOLVERS);
    const served = wrapSchema(base, ACCESS_RULES);
    const pii = new Set<string>();
    for (const t of Object.values(base.getTypeMap())) {
      if (!isObjectType(t)) continue;
      for (const [name, f] of Object.entries(t.getFields())) if (getDirective(base, f, 'pii')?.length) pii.add(`${t.name}.${name}`);
    }
    const added = resolved(served).filter((f) => !resolved(base).includes(f));
    expect(new Set(added)).toEqual(new Set([...pii].filter((f) => !resolved(base).includes(f))));
    // graphql-shield beyond the roots: only the one object field with a rule.
    const shielded = resolved(served).filter((f) => {
      const [type, name] = f.split('.');
      return (
        served.getType(type) &&
        (served.getType(type) as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[name].resolve !==
          (base.getType(type) as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[name].resolve &&
        !pii.has(f)
      );
    });
    expect(shielded).toEqual(['Tour.bookings']);
  });

  it('resolves union members synchronously (no promise per union value)', async () => {
    const base = await buildBaseSchema(RESOLVERS);
    const login = base.getType('LoginResult');
    if (!login || !isUnionType(login) || !login.resolveType) throw new Error('LoginResult is not a union with resolveType');
    const info = {} as GraphQLResolveInfo;
    expect(login.resolveType({ tokens: {} }, {}, info, login)).toBe('LoginSucceeded');
    expect(login.resolveType({ reason: 'WRONG_CODE', attemptsLeft: 2 }, {}, info, login)).toBe('LoginFailed');
    const unions = Object.values(base.getTypeMap()).filter(isUnionType);
    expect(unions.length).toBeGreaterThan(5);
  });
});
