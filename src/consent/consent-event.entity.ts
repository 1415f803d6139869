import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { CONSENT_PURPOSES, oneOfCheck } from '../privacy/privacy.vocabulary.js';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { PolicyVersion } from './policy-version.entity.js';

export type ConsentAction = 'GRANTED' | 'WITHDRAWN' | 'POLICY_ACCEPTED';

@Entity({ tableName: 'consent_events' })
@Index({ properties: ['user', 'at'] })
@Check({ name: 'consent_events_purpose_check', expression: `purpose is null or ${oneOfCheck('purpose', CONSENT_PURPOSES)}` })
export class ConsentEvent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Property({ type: 'text', nullable: true }) purpose: string | null = null;
  @Enum({ items: ['GRANTED', 'WITHDRAWN', 'POLICY_ACCEPTED'] }) action!: ConsentAction;
  @ManyToOne(() => PolicyVersion) policyVersion!: Rel<PolicyVersion>;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
