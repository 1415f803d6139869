import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../mikro-orm.config.js';
import { loadConfig } from '../../src/config/config.js';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl!));
});
afterAll(async () => {
  await orm.close(true);
});

describe('migrations', () => {
  it('are all applied to the test database', async () => {
    expect(await orm.migrator.getPending()).toEqual([]);
  });

  it('produce exactly the schema the entities describe (no drift to fix with schema:update)', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
