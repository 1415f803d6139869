import 'reflect-metadata';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from './src/app/modules.js';
import { MIGRATIONS } from './src/migrations/index.js';
import type pg from 'pg';
import type { ConnectionOptions } from './src/db/connection-options.js';

/**
 * `connection`: the serving connections' timeouts (src/db/connection-options.ts); none for migrations and scripts.
 * `onPoolCreated` receives the pg pool the ORM makes, which the plain-row statements share.
 */
export function ormConfig(clientUrl: string, poolMax = 10, connection?: ConnectionOptions, onPoolCreated?: (pool: pg.Pool) => void) {
  return defineConfig({
    clientUrl,
    driverOptions: { ...connection, onPoolCreated },
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: poolMax },
    debug: false,
    allowGlobalContext: false,
    migrations: {
      migrationsList: MIGRATIONS,
      path: new URL('./src/migrations', import.meta.url).pathname,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}
