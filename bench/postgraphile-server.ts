// PostGraphile 5 over the bench database: the off-the-shelf GraphQL-over-Postgres line to compare the gateway with.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { loadConfig } from '../src/config/config.js';

const cfg = loadConfig();
let statements = 0;
let requests = 0;
// pg_stat_statements is not preloaded on the bench server, so statements are counted where they leave.
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied below with the client as `this`
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.dbPoolMax });
pool.on('error', () => {});
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['NodePlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  schema: { defaultBehavior: '-connection +list' },
  grafserv: { graphiql: false, watch: false },
});
const handler = pgl.createServ(grafserv).createHandler();
const server = createServer((req, res) => {
  if (req.url === '/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements, requests }));
    return;
  }
  requests++;
  handler(req, res);
});
await pgl.getSchema();
server.listen(cfg.port, cfg.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`postgraphile ready: http://${cfg.host}:${port}`);
});

async function stop(): Promise<void> {
  server.closeAllConnections();
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
