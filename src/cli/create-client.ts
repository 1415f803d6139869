import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { registerApiClient } from '../oauth/api-client.service.js';
import { ClientKind, ClientPurpose } from '../oauth/api-client.type.js';
import { registerAppClient } from '../oauth/app-client.service.js';
import { CLIENT_SCOPES } from '../access/client.scopes.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';

// Registers a partner system and prints its secret this once (only the hash is stored), or an app (a public client, without secret).
const USAGE = `usage: create-client --partner PARTNER_ID --name NAME --kind PARTNER|PAYMENT_PROVIDER --scope "travelers:read ..." [--purpose TOUR_BOOKING|PAYMENT]
       create-client --kind APP --client-id ID --name NAME   (an app whose travellers sign in with verifyLoginCode(clientId: ID))
scopes: ${Object.entries(CLIENT_SCOPES)
  .map(([kind, scopes]) => `${kind}: ${scopes.join(' ')}`)
  .join('; ')}`;
const { values } = parseArgs({
  options: {
    partner: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    scope: { type: 'string' },
    purpose: { type: 'string' },
    'client-id': { type: 'string' },
  },
});
const kind = values.kind as ClientKind | 'APP' | undefined;
const app = kind === 'APP';
const complete = app
  ? values['client-id'] && !values.partner && !values.scope && !values.purpose
  : values.partner && values.scope && kind && Object.values(ClientKind).includes(kind) && !values['client-id'];
if (!values.name || !complete) {
  console.error(USAGE);
  process.exit(2);
}
const db = await openDatabase(loadConfig(), console.error);
try {
  const em = db.orm.em.fork();
  if (app) {
    const client = await registerAppClient(em, values['client-id']!, values.name);
    console.log(`client_id=${client.clientId}\n(a public client: no secret; its travellers' tokens name it)`);
  } else {
    const apiKind = kind as ClientKind;
    const purpose = (values.purpose ?? (apiKind === ClientKind.PAYMENT_PROVIDER ? ClientPurpose.PAYMENT : ClientPurpose.TOUR_BOOKING)) as ClientPurpose;
    const { client, clientSecret } = await registerApiClient(em, {
      name: values.name,
      partnerId: values.partner!,
      kind: apiKind,
      scopes: values.scope!.split(' ').filter(Boolean),
      purpose,
    });
    console.log(`client_id=${client.clientId}\nclient_secret=${clientSecret}\n(the secret is not stored and will not be shown again)`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await db.close();
  // Explicit: embedded Postgres's exit hook would otherwise end the process with status 0.
  process.exit(1);
}
await db.close();
