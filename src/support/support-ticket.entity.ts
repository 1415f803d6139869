import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type TicketStatus = 'OPEN' | 'CLOSED';

// The reference (SUP-…) is what support staff declare in X-Purpose-Ref; the user's subject is sealed under their data key (support-ticket.codec.ts).
@Entity({ tableName: 'support_tickets' })
export class SupportTicket {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) reference!: string;
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Property({ type: 'text', nullable: true }) subjectEnc: string | null = null;
  @Enum({ items: ['OPEN', 'CLOSED'], default: 'OPEN' }) status: Opt<TicketStatus> = 'OPEN';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
