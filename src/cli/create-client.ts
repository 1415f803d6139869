import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { registerApiClient } from '../auth/api-client.service.js';
import { ClientKind, ClientPurpose } from '../auth/api-client.types.js';
import { CLIENT_SCOPES } from '../auth/client.scopes.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';

// Registers a partner system and prints its secret this once; only the hash is stored.
const USAGE = `usage: create-client --partner PARTNER_ID --name NAME --kind PARTNER|PAYMENT_PROVIDER --scope "travelers:read ..." [--purpose TOUR_BOOKING|PAYMENT]
scopes: ${Object.entries(CLIENT_SCOPES).map(([kind, scopes]) => `${kind}: ${scopes.join(' ')}`).join('; ')}`;
const { values } = parseArgs({ options: {
  partner: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, scope: { type: 'string' }, purpose: { type: 'string' },
} });
const kind = values.kind as ClientKind | undefined;
if (!values.partner || !values.name || !values.scope || !kind || !Object.values(ClientKind).includes(kind)) {
  console.error(USAGE);
  process.exit(2);
}
const purpose = (values.purpose ?? (kind === ClientKind.PAYMENT_PROVIDER ? ClientPurpose.PAYMENT : ClientPurpose.TOUR_BOOKING)) as ClientPurpose;
const db = await openDatabase(loadConfig(), console.error);
try {
  const { client, clientSecret } = await registerApiClient(db.orm.em.fork(), {
    name: values.name, partnerId: values.partner, kind, scopes: values.scope.split(' ').filter(Boolean), purpose,
  });
  console.log(`client_id=${client.clientId}\nclient_secret=${clientSecret}\n(the secret is not stored and will not be shown again)`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await db.close();
  // Explicit: embedded Postgres's exit hook would otherwise end the process with status 0.
  process.exit(1);
}
await db.close();
