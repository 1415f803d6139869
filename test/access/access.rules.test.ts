import { describe, expect, it } from '@jest/globals';
import { getDirective } from '@graphql-tools/utils';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { ACCESS_RULES, RESOLVERS } from '../../src/app/modules.js';
import { wrapSchema } from '../../src/graphql/gateway-schema.js';
import { buildBaseSchema } from '../../src/graphql/schema.js';

function fieldsOf(schema: GraphQLSchema, root: 'Query' | 'Mutation'): string[] {
  const t = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return t ? Object.keys(t.getFields()) : [];
}

describe('access rules', () => {
  it('name an explicit rule for every root field (the wildcard only catches what is added later)', async () => {
    const schema = await buildBaseSchema(RESOLVERS);
    for (const root of ['Query', 'Mutation'] as const) {
      const missing = fieldsOf(schema, root).filter((f) => !Object.hasOwn(ACCESS_RULES[root], f));
      expect(missing).toEqual([]);
    }
  });

  it('name only fields that exist', async () => {
    const schema = await buildBaseSchema(RESOLVERS);
    for (const [type, fields] of Object.entries(ACCESS_RULES)) {
      const t = schema.getType(type);
      expect(t && isObjectType(t)).toBe(true);
      if (!t || !isObjectType(t)) continue;
      for (const f of Object.keys(fields).filter((k) => k !== '*')) expect(Object.keys(t.getFields())).toContain(f);
    }
  });

  it('leave every field that needs neither a rule nor the privacy layer unwrapped', async () => {
    const base = await buildBaseSchema(RESOLVERS);
    const served = wrapSchema(base, ACCESS_RULES);
    const wrapped: string[] = [];
    for (const t of Object.values(served.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__')) continue;
      const baseType = base.getType(t.name);
      if (!baseType || !isObjectType(baseType)) continue;
      for (const [name, field] of Object.entries(t.getFields())) {
        if (field.resolve !== baseType.getFields()[name].resolve) wrapped.push(`${t.name}.${name}`);
      }
    }
    const expected = new Set<string>();
    for (const t of Object.values(base.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__')) continue;
      for (const [name, field] of Object.entries(t.getFields())) {
        const ruled = Object.hasOwn(ACCESS_RULES, t.name) && (t.name === 'Query' || t.name === 'Mutation' || Object.hasOwn(ACCESS_RULES[t.name], name));
        if (ruled || getDirective(base, field, 'pii')?.length) expected.add(`${t.name}.${name}`);
      }
    }
    expect(wrapped.sort()).toEqual([...expected].sort());
    expect(wrapped).not.toContain('Tour.title');
  });
});
