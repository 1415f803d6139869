import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export type ComplaintStatus = 'RECEIVED' | 'IN_REVIEW' | 'ANSWERED' | 'CLOSED';
export interface AttachmentMeta { name: string; mimeType: string; sizeBytes: number; sha256: string }

@Entity({ tableName: 'complaints' })
export class Complaint {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user!: Rel<User>;
  @Property({ type: 'text' }) subject!: string;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'jsonb', defaultRaw: "'[]'" }) attachments: Opt<AttachmentMeta[]> = [];
  @Enum({ items: ['RECEIVED', 'IN_REVIEW', 'ANSWERED', 'CLOSED'], default: 'RECEIVED' }) status: Opt<ComplaintStatus> = 'RECEIVED';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
