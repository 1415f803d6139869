import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type AuthorityRequestStatus = 'RECORDED' | 'APPROVED' | 'REJECTED';

@Entity({ tableName: 'authority_requests' })
@Check({ name: 'authority_requests_two_admins', expression: 'approved_by_id is null or approved_by_id <> recorded_by_id' })
export class AuthorityRequest {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text' }) agency!: string;
  @Property({ type: 'text' }) legalBasis!: string;
  @Property({ type: 'text', unique: true }) caseNumber!: string;
  @ManyToOne(() => User) subject!: Rel<User>;
  @Property({ type: 'text[]' }) kinds!: string[];
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @ManyToOne(() => User) recordedBy!: Rel<User>;
  @ManyToOne(() => User, { nullable: true }) approvedBy: Rel<User> | null = null;
  @Enum({ items: ['RECORDED', 'APPROVED', 'REJECTED'], default: 'RECORDED' }) status: Opt<AuthorityRequestStatus> = 'RECORDED';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  // The authority account the request is addressed to; a request without one is readable by nobody.
  @Index() @ManyToOne(() => User, { nullable: true }) addressedTo: Rel<User> | null = null;
  // Until then the subject's own log shows only that a state body received data under law.
  @Property({ type: 'timestamptz', nullable: true }) confidentialUntil: Date | null = null;
}
