import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { AppClient } from '../oauth/app-client.entity.js';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

// One row per login; the refresh token rotates inside it and reuse revokes it whole.
@Entity({ tableName: 'sessions', triggers: [...STANDING_TRIGGERS.sessions] })
export class Session {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  // The app the traveller signed in with (the mobile app unless named): every access token of the session names it as client_id.
  @ManyToOne(() => AppClient, { fieldName: 'client_id', defaultRaw: "'qaztracker-mobile'" }) client!: Rel<AppClient>;
  @Index() @Property({ type: 'text' }) refreshHash!: string;
  // GIN: every unknown refresh token, which anyone may present, is looked up here (reuse detection), so no scan of all sessions.
  @Index({ type: 'gin' }) @Property({ type: 'text[]', defaultRaw: "'{}'" }) previousHashes: Opt<string[]> = [];
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) revokedAt: Date | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
