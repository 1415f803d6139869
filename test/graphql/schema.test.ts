import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { specifiedDirectives } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/gateway-schema.js';
import { buildBaseSchema, printGatewaySchema } from '../../src/graphql/schema.js';
import { ACCESS_RULES, RESOLVERS } from '../../src/app/modules.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run npm run schema:print after a change)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printGatewaySchema(await buildBaseSchema(RESOLVERS))).toBe(committed);
  });
});

describe('the served schema', () => {
  it('declares every directive graphql-js specifies (@include, @skip, @deprecated, @specifiedBy, @oneOf), as specified', async () => {
    const schema = await buildGatewaySchema({ resolvers: RESOLVERS, rules: ACCESS_RULES });
    expect(specifiedDirectives.map((d) => d.name)).toEqual(expect.arrayContaining(['deprecated', 'include', 'skip', 'specifiedBy']));
    for (const d of specifiedDirectives) {
      const served = schema.getDirective(d.name);
      expect(served && { locations: served.locations, args: served.args.map((a) => `${a.name}: ${a.type.toString()}`) }).toEqual({
        locations: d.locations,
        args: d.args.map((a) => `${a.name}: ${a.type.toString()}`),
      });
    }
  });
});
