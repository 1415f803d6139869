import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type FraudCaseStatus = 'OPEN' | 'CLOSED';

// The reference (FC-2026-000123) is what the assigned administrator declares in X-Purpose-Ref; the reason is sealed under the opener's data key.
@Entity({ tableName: 'fraud_cases' })
export class FraudCase {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) reference!: string;
  @Property({ type: 'text', nullable: true }) reasonEnc: string | null = null;
  @ManyToOne(() => User) openedBy!: Rel<User>;
  @Index() @ManyToOne(() => User) assignedTo!: Rel<User>;
  @Enum({ items: ['OPEN', 'CLOSED'], default: 'OPEN' }) status: Opt<FraudCaseStatus> = 'OPEN';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
}
