import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

// What law requires keeping after erasure stays, pseudonymised, until `until`.
@Entity({ tableName: 'legal_holds' })
export class LegalHold {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User) user!: Rel<User>;
  @Property({ type: 'text' }) reason!: string;
  @Index() @Property({ type: 'date' }) until!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
