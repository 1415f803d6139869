import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type ComplaintStatus = 'RECEIVED' | 'IN_REVIEW' | 'ANSWERED' | 'CLOSED';

// Subject, body and attachment metadata are sealed under the author's data key (complaint.codec.ts); erasure nulls them.
@Entity({ tableName: 'complaints' })
export class Complaint {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Property({ type: 'text', nullable: true }) subjectEnc: string | null = null;
  @Property({ type: 'text', nullable: true }) bodyEnc: string | null = null;
  @Property({ type: 'text', nullable: true }) attachmentsEnc: string | null = null;
  @Enum({ items: ['RECEIVED', 'IN_REVIEW', 'ANSWERED', 'CLOSED'], default: 'RECEIVED' }) status: Opt<ComplaintStatus> = 'RECEIVED';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
