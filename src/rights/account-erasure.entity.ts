import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type ErasureActor = 'USER' | 'ADMIN';

// The proof that an account was erased, by whom and why; one per account, so a repeated erasure finds it.
@Entity({ tableName: 'account_erasures' })
export class AccountErasure {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { unique: true }) user!: Rel<User>;
  @Enum({ items: ['USER', 'ADMIN'] }) actorKind!: ErasureActor;
  @Property({ type: 'uuid', nullable: true }) actorId: string | null = null;
  @Property({ type: 'text', nullable: true }) reason: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
