import 'reflect-metadata';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from './src/app/modules.js';
import { MIGRATIONS } from './src/migrations/index.js';
import type { ConnectionOptions } from './src/db/connection-options.js';

/** `connection`: the serving connections' timeouts (src/db/connection-options.ts); none for migrations and scripts. */
export function ormConfig(clientUrl: string, poolMax = 10, connection?: ConnectionOptions) {
  return defineConfig({
    clientUrl,
    ...(connection ? { driverOptions: connection } : {}),
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
