import { writeFileSync } from 'node:fs';
import { buildBaseSchema, printGatewaySchema } from '../graphql/schema.js';
import { RESOLVERS } from '../app/modules.js';

// Writes schema/schema.graphql; the drift test compares the committed file with this output.
const out = new URL('../../schema/schema.graphql', import.meta.url);
writeFileSync(out, printGatewaySchema(await buildBaseSchema(RESOLVERS)));
console.log(`wrote ${out.pathname}`);
