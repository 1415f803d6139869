import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

// Keyed by a hash of the phone so that codes never store the number itself.
@Entity({ tableName: 'login_codes' })
export class LoginCode {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Index() @Property({ type: 'text' }) phoneHash!: string;
  @Property({ type: 'text' }) codeHash!: string;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'integer', default: 0 }) attempts: Opt<number> = 0;
  @Property({ type: 'timestamptz', nullable: true }) usedAt: Date | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
