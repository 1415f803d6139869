import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { Sql } from '../db/sql.js';
import { checkManifest } from '../documents/trusted-document.manifest.js';
import { documentSetState, isRegisteredClient, setEnforced, storeDocuments, type DocumentSetState } from '../documents/trusted-document.service.js';
import { buildBaseSchema } from '../graphql/schema.js';
import { createLogger } from '../observability/logger.js';
import { RESOLVERS } from '../app/modules.js';

// Trusted documents of an API or app client: upload a manifest (graphql-codegen's persisted-documents.json), then enforce it.
const USAGE = `usage: documents upload --client CLIENT_ID --manifest persisted-documents.json [--replace]
       documents enforce --client CLIENT_ID     (only registered documents from now on)
       documents relax --client CLIENT_ID       (free-form queries allowed again)
       documents status --client CLIENT_ID`;
const COMMANDS = ['upload', 'enforce', 'relax', 'status'];
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    client: { type: 'string' },
    manifest: { type: 'string' },
    replace: { type: 'boolean' },
  },
});
const [command] = positionals;
if (positionals.length !== 1 || !COMMANDS.includes(command) || !values.client || (command === 'upload') !== (values.manifest !== undefined)) {
  console.error(USAGE);
  process.exit(2);
}
const clientId = values.client;
const cfg = loadConfig();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const describe = (s: DocumentSetState) =>
  `${s.documents} documents, ${s.enforced ? 'enforced: registered documents only' : 'not enforced: free-form queries allowed'} (version ${s.version})`;

// The whole manifest is checked before anything is stored: one bad entry and none is.
const check = command === 'upload' ? checkManifest(readFileSync(values.manifest!, 'utf8'), await buildBaseSchema(RESOLVERS), cfg.limits) : null;
if (check?.problems.length) fail(`manifest refused, nothing stored:\n  ${check.problems.join('\n  ')}`);

const logger = createLogger(cfg.logLevel);
const db = await openDatabase(cfg, console.error);
let outcome: string;
try {
  const em = db.orm.em.fork();
  const sql = new Sql(db.pool);
  if (!(await isRegisteredClient(sql, clientId))) throw new Error(`no API client or app client ${clientId}`);
  if (check) {
    const state = await storeDocuments(sql, em, clientId, check.entries, values.replace === true);
    logger.info({ clientId, uploaded: check.entries.length, documents: state.documents, version: state.version, by: 'cli' }, 'trusted documents uploaded');
    outcome = `${clientId}: ${check.entries.length} documents uploaded; ${describe(state)}`;
  } else if (command === 'status') {
    const state = await documentSetState(sql, clientId);
    outcome = `${clientId}: ${state ? describe(state) : 'no documents registered'}`;
  } else {
    const state = await setEnforced(sql, em, clientId, command === 'enforce');
    if (!state) throw new Error(`${clientId} has no registered documents: upload a manifest first`);
    logger.info({ clientId, enforced: state.enforced, version: state.version, by: 'cli' }, 'trusted documents rule changed');
    outcome = `${clientId}: ${describe(state)}`;
  }
} catch (e) {
  await db.close();
  // Explicit: embedded Postgres's exit hook would otherwise end the process with status 0.
  fail(e instanceof Error ? e.message : String(e));
}
await db.close();
console.log(outcome);
