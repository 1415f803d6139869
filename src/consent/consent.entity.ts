import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../privacy/privacy.vocabulary.js';

// Current state per user and purpose; consent-event.entity.ts keeps the proof of each change.
@Entity({ tableName: 'consents' })
@Unique({ properties: ['user', 'purpose'] })
export class Consent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Enum({ items: [...CONSENT_PURPOSES] }) purpose!: ConsentPurpose;
  @Property({ type: 'boolean' }) granted!: boolean;
  @ManyToOne(() => PolicyVersion) policyVersion!: Rel<PolicyVersion>;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) updatedAt: Opt<Date> = new Date();
}
