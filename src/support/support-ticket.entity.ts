import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type TicketStatus = 'OPEN' | 'CLOSED';

// The reference (SUP-…) is what the assigned support agent declares in X-Purpose-Ref; the user's subject is sealed under their data key (support-ticket.codec.ts).
@Entity({ tableName: 'support_tickets' })
@Index({ name: 'support_tickets_queue_index', properties: ['status', 'createdAt', 'id'] })
export class SupportTicket {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) reference!: string;
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Property({ type: 'text', nullable: true }) subjectEnc: string | null = null;
  @Enum({ items: ['OPEN', 'CLOSED'], default: 'OPEN' }) status: Opt<TicketStatus> = 'OPEN';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Index() @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' }) assignedTo: Rel<User> | null = null;
  @Property({ type: 'timestamptz', nullable: true }) assignedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
}
