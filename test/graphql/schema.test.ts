import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildBaseSchema, printGatewaySchema } from '../../src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run npm run schema:print after a change)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printGatewaySchema(await buildBaseSchema())).toBe(committed);
  });
});
