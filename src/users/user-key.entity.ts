import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

// Its own schema, so backups can keep keys on a shorter cycle than data: an erased user's key is gone from every copy within it.
@Entity({ tableName: 'user_keys', schema: 'keyring' })
export class UserKey {
  @PrimaryKey({ type: 'uuid' }) userId!: string;
  // The user's data key wrapped by the master key (PII_KEYS) and bound to the user id.
  @Property({ type: 'text' }) wrappedKey!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
