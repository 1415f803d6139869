import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { DEFAULT_SEED, MAX_USERS, MIN_USERS, validateDemoOptions, type DemoOptions } from '../../seeds/demo.generator.js';
import { seedDemo } from '../../seeds/demo.seeder.js';

const USAGE = `usage: seed.ts [--users N] [--seed S]   (N: ${MIN_USERS}..${MAX_USERS}, default 200; S: 0..${0xffffffff}, default ${DEFAULT_SEED})`;

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.replace(/_/g, ''))) throw new RangeError(`--${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return Number(raw.replace(/_/g, ''));
}

function options(argv: string[]): DemoOptions {
  const { values } = parseArgs({ args: argv, options: { users: { type: 'string' }, seed: { type: 'string' } }, strict: true, allowPositionals: false });
  const opts = { users: integer('users', values.users) ?? 200, seed: integer('seed', values.seed) };
  validateDemoOptions(opts);
  return opts;
}

let opts: DemoOptions;
try {
  opts = options(process.argv.slice(2));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}

const cfg = loadConfig();
const started = performance.now();
const db = await openDatabase(cfg, console.error);
try {
  const seededAt = performance.now();
  const counts = await seedDemo(db.orm, cfg, opts);
  const done = performance.now();
  for (const [table, n] of Object.entries(counts)) console.log(`${table.padEnd(16)} ${String(n).padStart(7)}`);
  console.log(
    `seeded ${opts.users} travellers (seed ${opts.seed ?? DEFAULT_SEED}) in ${((done - seededAt) / 1000).toFixed(1)} s, ${((done - started) / 1000).toFixed(1)} s with start-up and migrations`,
  );
} finally {
  await db.close();
}
